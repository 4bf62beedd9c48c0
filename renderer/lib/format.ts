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

/** A UTC instant shown in a zone, short: "20/11/2026 10:42". */
export function dateTimeIn(iso: string, zone: string, locale: string): string {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(locale);
  return dt.isValid ? dt.toFormat(locale.startsWith('en') ? 'MM/dd/yyyy HH:mm' : 'dd/MM/yyyy HH:mm') : iso;
}

/** A calendar date (YYYY-MM-DD, already in the debtor's zone): "20/11/2026". */
export function calendarDate(isoDate: string, locale: string): string {
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
