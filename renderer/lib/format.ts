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

/** "10:42" in `zone` for the instant `at`. */
export function timeIn(zone: string, locale: string, at: DateTime = DateTime.now()): string {
  const dt = at.setZone(zone);
  // 24-hour everywhere: the call center's shared clock, never "a. m." ambiguity.
  void locale;
  return dt.isValid ? dt.toFormat('HH:mm') : '—';
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

/** A UTC instant shown in a zone, short: "20/11/2026 10:42" ("11/20/2026 10:42" in English). */
export function dateTimeIn(iso: string, zone: string, locale: string): string {
  const ms = DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
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

/** A calendar date (YYYY-MM-DD, already in the debtor's zone): "20/11/2026". */
export function calendarDate(isoDate: string, locale: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (m && DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }).isValid) {
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
