/**
 * Reading ISO 8601 instants fast and exactly as Luxon reads them. The desk's data carries instants as
 * `toISOString()` writes them, and screens and the agenda read thousands per render or per build: `Date.parse` is
 * many times cheaper than a Luxon DateTime. But `Date.parse` rolls impossible fields over ("2026-02-30" becomes
 * March 2) where Luxon calls them invalid, so only texts with real calendar and clock fields take the fast path;
 * anything else (no offset, more than 3 fraction digits, a date alone, bad text) goes to Luxon.
 */
import { DateTime } from 'luxon';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A real day of the proleptic Gregorian calendar: 2024-02-29 is, 2026-02-29 and 2026-13-01 are not. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Epoch ms of an ISO instant (a text without offset counts as UTC, as Luxon's `zone: 'utc'`); NaN if it is none. */
export function instantMs(iso: string): number {
  const m = INSTANT.exec(iso);
  if (
    m &&
    isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60 &&
    Number(m[7] ?? 0) < 24 && Number(m[8] ?? 0) < 60
  ) {
    return Date.parse(iso);
  }
  return DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
}
