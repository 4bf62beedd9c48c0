import { DateTime } from 'luxon';
import { instantMs } from '../time/instant';
import { zoneParts } from '../time/zone-parts';

/**
 * The calendar date (YYYY-MM-DD) of a UTC instant in an IANA zone, as Luxon's
 * `DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate()` gives it, at a fraction of the cost. The
 * follow-up agenda asks this once per open promise (when it was made, in the debtor's zone): 200,000 promises
 * through Luxon's setZone took ~130 ms of each agenda. Instants and zones the fast readers cannot take
 * (shared/time: impossible fields, an unknown zone, years outside 1000–9999) go to Luxon as before.
 */
export function dateInZone(zone: string, iso: string): string {
  const p = zoneParts(zone, instantMs(iso));
  if (!p || p.year.length !== 4 || p.month.length !== 2 || p.day.length !== 2) {
    return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate() as string;
  }
  return `${p.year}-${p.month}-${p.day}`;
}
