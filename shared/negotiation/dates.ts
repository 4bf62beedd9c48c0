import type { Frequency } from './policy';

/** Whether a calendar date (YYYY-MM-DD, in the debtor's zone) is a business day there. Given by shared/calendar. */
export type IsBusinessDay = (isoDate: string) => boolean;

/** Longest run of non-business days we search through before concluding the calendar is broken. */
const MAX_SEARCH_DAYS = 60;
const DAY_MS = 86_400_000;

export class CalendarError extends Error {
  constructor(readonly code: 'calendar.no_business_day' | 'calendar.bad_date', readonly params: Record<string, string | number>) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'CalendarError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Calendar dates are plain proleptic-Gregorian days (no zone): integer day numbers via Date.UTC are exact and
// ~100× faster than building Luxon objects, which matters when offers lay out hundreds of plan dates.
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** YYYY-MM-DD → days since 1970-01-01. Throws CalendarError on an impossible date ("2026-02-30"). */
export function toDayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new CalendarError('calendar.bad_date', { date: iso });
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new CalendarError('calendar.bad_date', { date: iso });
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

export function isValidIsoDate(iso: string): boolean {
  try {
    toDayNumber(iso);
    return true;
  } catch {
    return false;
  }
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** anchor + k months, clamped to the month's end (Jan 31 + 1 → Feb 28/29), always from the anchor. */
export function addMonthsClamped(iso: string, months: number): string {
  toDayNumber(iso);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const wd = new Date(toDayNumber(iso) * DAY_MS).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Wraps a predicate with a per-date cache (calendars built on date-holidays are slow per call). */
export function memoizeBusinessDay(isBusinessDay: IsBusinessDay): IsBusinessDay {
  const cache = new Map<string, boolean>();
  return (iso) => {
    let v = cache.get(iso);
    if (v === undefined) {
      v = isBusinessDay(iso);
      cache.set(iso, v);
    }
    return v;
  };
}

/** The date on or after `iso` that is a business day. */
export function nextBusinessDay(iso: string, isBusinessDay: IsBusinessDay): string {
  let d = iso;
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
    if (isBusinessDay(d)) return d;
    d = addDays(d, 1);
  }
  throw new CalendarError('calendar.no_business_day', { from: iso, days: MAX_SEARCH_DAYS });
}

/** The date on or before `iso` that is a business day, or null if there is none on or after `notBefore`. */
export function previousBusinessDay(iso: string, notBefore: string, isBusinessDay: IsBusinessDay): string | null {
  let d = iso;
  while (d >= notBefore) {
    if (isBusinessDay(d)) return d;
    d = addDays(d, -1);
  }
  return null;
}

/** The latest business day in [from, to], or null. */
export function latestBusinessDayWithin(from: string, to: string, isBusinessDay: IsBusinessDay): string | null {
  return previousBusinessDay(to, from, isBusinessDay);
}

/** Nominal k-th date of a plan anchored at `anchor` (k = 0 is the anchor). */
export function nominalDate(anchor: string, k: number, frequency: Frequency): string {
  switch (frequency) {
    case 'weekly':
      return addDays(anchor, 7 * k);
    case 'biweekly':
      return addDays(anchor, 14 * k);
    case 'monthly':
      return addMonthsClamped(anchor, k);
  }
}

/**
 * Longest nominal period in days: a plan date may come at most this long after the previous one, moved forward
 * off non-business days (monthly uses 31 so Jan 31 → Feb 28 → Mar 31 fits).
 */
export const PERIOD_DAYS: Record<Frequency, number> = { weekly: 7, biweekly: 14, monthly: 31 };

/**
 * `count` due dates from `anchor` (itself included) every period, each moved forward to a business day and
 * kept strictly increasing (a shift that lands on or before the previous date moves past it).
 */
export function buildDueDates(anchor: string, count: number, frequency: Frequency, isBusinessDay: IsBusinessDay, startIndex = 0): string[] {
  const out: string[] = [];
  let prev = '';
  for (let k = 0; k < count; k++) {
    let d = nextBusinessDay(nominalDate(anchor, k + startIndex, frequency), isBusinessDay);
    if (prev && d <= prev) d = nextBusinessDay(addDays(prev, 1), isBusinessDay);
    out.push(d);
    prev = d;
  }
  return out;
}
