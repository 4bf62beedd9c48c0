/**
 * The wall-clock fields of an instant in an IANA zone, through one cached Intl.DateTimeFormat per zone: the same
 * ICU zone data Luxon reads, without a DateTime per instant (Luxon's setZone + toFormat cost several times more,
 * and a card, the agenda and promise tracking ask this hundreds to hundreds of thousands of times).
 */
export interface ZoneParts {
  year: string;
  /** "01"–"12" */
  month: string;
  /** "01"–"31" */
  day: string;
  /** "00"–"23" */
  hour: string;
  /** "00"–"59" */
  minute: string;
}

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let f = formats.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
        hourCycle: 'h23', calendar: 'iso8601', numberingSystem: 'latn',
      });
    } catch {
      f = null; // not a zone this runtime knows
    }
    formats.set(zone, f);
  }
  return f;
}

/** The fields of the instant `ms` in `zone`, or null for a zone Intl does not know or an instant that is not one. */
export function zoneParts(zone: string, ms: number): ZoneParts | null {
  const f = Number.isFinite(ms) ? formatFor(zone) : null;
  if (!f) return null;
  const p: ZoneParts = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of f.formatToParts(ms)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute') p[part.type] = part.value;
  }
  return p;
}
