import { CURRENCIES, minorExponent, quoteExponent } from './currency';
import { divRound, type Money, type Rounding } from './money';

export interface FormatMoneyOptions {
  /** 'symbol' ("$ 1.200.000", default), 'code' ("COP 1.200.000", used in read-backs where "$" is ambiguous). */
  display?: 'symbol' | 'code' | 'narrowSymbol';
  /** 'quote' (default): the currency's quoted decimals (COP/CLP none). 'minor': ISO decimals. */
  precision?: 'quote' | 'minor';
  rounding?: Rounding;
}

/** Exact decimal string of an amount at `decimals` places, e.g. 120000000 COP at 0 → "1200000". */
export function toDecimalString(m: Money, decimals: number = quoteExponent(m.currency), rounding: Rounding = 'half-up'): string {
  const exp = minorExponent(m.currency);
  let v = BigInt(m.amountMinor);
  if (decimals < exp) v = divRound(v, 10n ** BigInt(exp - decimals), rounding);
  else if (decimals > exp) v = v * 10n ** BigInt(decimals - exp);
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}

const cache = new Map<string, Intl.NumberFormat>();

/**
 * Formats with Intl.NumberFormat in the given locale and the currency's quote decimals. The decimal string is
 * passed to Intl as a string (exact, Intl.NumberFormat v3), so large amounts never go through a float.
 */
export function formatMoney(m: Money, locale: string = CURRENCIES[m.currency].defaultLocale, options: FormatMoneyOptions = {}): string {
  const decimals = options.precision === 'minor' ? minorExponent(m.currency) : quoteExponent(m.currency);
  const display = options.display ?? 'symbol';
  const key = `${locale}|${m.currency}|${display}|${decimals}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: m.currency,
      currencyDisplay: display,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    cache.set(key, nf);
  }
  const text = toDecimalString(m, decimals, options.rounding ?? 'half-up');
  // ES2023 lib types only number|bigint; V8 accepts exact decimal strings.
  return nf.format(text as unknown as number);
}

/** Plain number without currency ("1.200.000"), for dense tables where the currency is in the header. */
export function formatAmount(m: Money, locale: string = CURRENCIES[m.currency].defaultLocale): string {
  const decimals = quoteExponent(m.currency);
  // One formatter per locale and decimals: building an Intl.NumberFormat costs far more than formatting with it,
  // and a card or the queue formats hundreds of cells per render.
  const key = `${locale}|amount|${decimals}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(key, nf);
  }
  return nf.format(toDecimalString(m, decimals) as unknown as number);
}
