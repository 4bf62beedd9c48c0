/**
 * Display formatting for the desk: money through shared/money (each currency's quoted decimals), dates and
 * times in the debtor's IANA zone through Luxon.
 */
import { DateTime } from 'luxon';
import { formatAmount, formatMoney, isCurrencyCode, minorPerMajor } from '../../shared/money';
import { instantMs, isCalendarDay } from '../../shared/time/instant';
import { zoneParts } from '../../shared/time/zone-parts';

export function money(amountMinor: number, currency: string, locale: string): string {
  if (!isCurrencyCode(currency)) return `${currency} ${amountMinor}`;
  return formatMoney({ amountMinor, currency }, locale, { display: 'code' });
}

/** Compact for the queue column: "53,4 M", "8,1 M", "925 K" — with the code shown separately. */
export function moneyCompact(amountMinor: number, currency: string, locale: string): string {
  const major = isCurrencyCode(currency) ? amountMinor / minorPerMajor(currency) : amountMinor;
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(major);
}

/** "10:42" in `zone` for the instant `at` (24-hour everywhere: the call center's shared clock, no "a. m."). */
export function timeIn(zone: string, locale: string, at: DateTime | number = Date.now()): string {
  void locale;
  const p = zoneParts(zone, typeof at === 'number' ? at : at.toMillis());
  return p ? `${p.hour}:${p.minute}` : '—';
}

/** A UTC instant shown in a zone, short: "20/11/2026 10:42" ("11/20/2026 10:42" in English). */
export function dateTimeIn(iso: string, zone: string, locale: string): string {
  // Cached Intl formatter per zone (shared/time): a card or the agenda formats dozens of instants per render.
  const p = zoneParts(zone, instantMs(iso));
  if (!p) return iso;
  return locale.startsWith('en') ? `${p.month}/${p.day}/${p.year} ${p.hour}:${p.minute}` : `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
