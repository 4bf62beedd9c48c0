import { DateTime, IANAZone } from 'luxon';

export type CallbackAtResult =
  | {
      ok: true;
      /** UTC instant, ISO with Z. */
      utc: string;
      /** The wall time occurs twice (DST fall-back): the first occurrence was chosen. */
      ambiguous: boolean;
    }
  | { ok: false; error: { code: CallbackErrorCode; params: Record<string, string> } };

export type CallbackErrorCode =
  | 'callback.invalid_zone'
  | 'callback.invalid_date'
  | 'callback.invalid_time'
  | 'callback.nonexistent_time'
  | 'callback.in_past';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A callback at a wall-clock date and time in the debtor's zone → the UTC instant. A time that does not exist
 * (skipped by a DST spring-forward, e.g. 02:30 on 2026-03-08 in New York) is refused with the first valid time
 * after it as `suggestion`, never silently shifted; a time that happens twice takes the first occurrence.
 * With `nowUtc`, a time already past is refused.
 */
export function callbackAt(localDate: string, localTime: string, zone: string, nowUtc?: string): CallbackAtResult {
  const fail = (code: CallbackErrorCode, params: Record<string, string> = {}): CallbackAtResult => ({ ok: false, error: { code, params } });
  if (!IANAZone.isValidZone(zone)) return fail('callback.invalid_zone', { zone });
  const dm = DATE.exec(localDate);
  if (!dm) return fail('callback.invalid_date', { date: localDate });
  const tm = TIME.exec(localTime);
  if (!tm) return fail('callback.invalid_time', { time: localTime });
  const parts = { year: Number(dm[1]), month: Number(dm[2]), day: Number(dm[3]), hour: Number(tm[1]), minute: Number(tm[2]) };
  const dt = DateTime.fromObject(parts, { zone });
  if (!dt.isValid) return fail('callback.invalid_date', { date: localDate });
  if (dt.day !== parts.day || dt.month !== parts.month) return fail('callback.invalid_date', { date: localDate });
  // Luxon moves a nonexistent wall time forward; a different wall clock reading means the time was skipped.
  if (dt.hour !== parts.hour || dt.minute !== parts.minute) {
    return fail('callback.nonexistent_time', { date: localDate, time: localTime, zone, suggestion: dt.toFormat('HH:mm') });
  }
  const candidates = dt.getPossibleOffsets();
  const first = candidates.reduce((a, b) => (a.toMillis() <= b.toMillis() ? a : b), dt);
  const utc = first.toUTC().toISO({ suppressMilliseconds: true }) as string;
  if (nowUtc && Date.parse(utc) <= Date.parse(nowUtc)) return fail('callback.in_past', { date: localDate, time: localTime });
  return { ok: true, utc, ambiguous: candidates.length > 1 };
}

/** The debtor's wall clock for a UTC instant: what the agent sees next to a scheduled callback. */
export function localDateTime(utc: string, zone: string): { date: string; time: string } {
  const dt = DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone);
  return { date: dt.toISODate() as string, time: dt.toFormat('HH:mm') };
}
