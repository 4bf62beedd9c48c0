/**
 * Display formatting for the desk: money through shared/money (each currency's quoted decimals), dates and
 * times in the debtor's IANA zone through Luxon.
 */
import { DateTime } from 'luxon';
import { formatAmount, formatMoney, isCurrencyCode, minorPerMajor } from '../../shared/money';

export function money(amountMinor: number, currency: string, locale: string): string {
  if (!isCurrencyCode(currency)) return `${currency} ${amountMinor}`;
  return formatMoney({ amountMinor, currency }, locale, { display: 'code' });
}

/** Compact for the queue column: "53,4 M", "8,1 M", "925 K" — with the code shown separately. */
export function moneyCompact(amountMinor: number, currency: string, locale: string): string {
  const major = isCurrencyCode(currency) ? amountMinor / minorPerMajor(currency) : amountMinor;
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(major);
}

// What the desk's API sends: ISO 8601 UTC instants, 1–3 fraction digits. Date.parse reads exactly these the way
// Luxon does; anything else (another offset form, more digits, a date alone) goes to Luxon.
const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z$/;

/** Epoch ms of an ISO instant (NaN when it is not one). */
export function instantMs(iso: string): number {
  const m = UTC_INSTANT.exec(iso);
  // Date.parse rolls "02-30" over into March; Luxon calls it invalid: impossible fields go to Luxon.
  if (m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60) {
    return Date.parse(iso);
  }
  return DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
}

// A card or the agenda formats dozens of instants per render: one Intl formatter per zone (Luxon's setZone,
// setLocale and toFormat each cost several times more), fields assembled in the UI locale's order.
const zoned = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = zoned.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      });
    } catch {
      return null; // not an IANA zone this runtime knows
    }
    zoned.set(zone, f);
  }
  return f;
}

/** "10:42" in `zone` for the instant `at` (24-hour everywhere: the call center's shared clock, no "a. m."). */
export function timeIn(zone: string, locale: string, at: DateTime | number = Date.now()): string {
  void locale;
  const ms = typeof at === 'number' ? at : at.toMillis();
  const f = zoneFormatter(zone);
  if (!f || !Number.isFinite(ms)) return '—';
  let hour = '', minute = '';
  for (const p of f.formatToParts(ms)) {
    if (p.type === 'hour') hour = p.value;
    else if (p.type === 'minute') minute = p.value;
  }
  return `${hour}:${minute}`;
}

/** A UTC instant shown in a zone, short: "20/11/2026 10:42" ("11/20/2026 10:42" in English). */
export function dateTimeIn(iso: string, zone: string, locale: string): string {
  const ms = instantMs(iso);
  const f = zoneFormatter(zone);
  if (!Number.isFinite(ms) || !f) return iso;
  let day = '', month = '', year = '', hour = '', minute = '';
  for (const p of f.formatToParts(ms)) {
    if (p.type === 'day') day = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'year') year = p.value;
    else if (p.type === 'hour') hour = p.value;
    else if (p.type === 'minute') minute = p.value;
  }
  return locale.startsWith('en') ? `${month}/${day}/${year} ${hour}:${minute}` : `${day}/${month}/${year} ${hour}:${minute}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day of the (proleptic Gregorian) calendar: 2024-02-29 is, 2026-02-29 and 2026-13-01 are not. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** A calendar date (YYYY-MM-DD, already in the debtor's zone): "20/11/2026". */
export function calendarDate(isoDate: string, locale: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return locale.startsWith('en') ? `${m[2]}/${m[3]}/${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
  }
  const dt = DateTime.fromISO(isoDate).setLocale(locale);
  return dt.isValid ? dt.toFormat(locale.startsWith('en') ? 'MM/dd/yyyy' : 'dd/MM/yyyy') : isoDate;
}

/** The short zone city ("America/Bogota" stays as is: agents know the IANA names from the sketch). */
export function zoneLabel(zone: string): string {
  return zone;
}

/** "+57 311 904 9511" from E.164 using libphonenumber-js's international format. */
export { formatIntl as phoneDisplay } from './phone-display';

/** Amount without the currency sign, in the currency's quoted decimals, for table cells with a currency column. */
export function formatAmountCell(amountMinor: number, currency: string, locale: string): string {
  if (!isCurrencyCode(currency)) return String(amountMinor);
  return formatAmount({ amountMinor, currency }, locale);
}
