import { CURRENCIES, isCurrencyCode, minorExponent, quoteExponent, type CurrencyCode } from './currency';
import type { Money } from './money';

/** A user-facing problem: an i18n key (see messages.ts) and its interpolation params. */
export interface MoneyIssue {
  code:
    | 'money.empty'
    | 'money.negative'
    | 'money.not_numeric'
    | 'money.invalid_grouping'
    | 'money.too_many_decimals'
    | 'money.too_large'
    | 'money.currency_mismatch';
  params: Record<string, string | number>;
}

export type ParseMoneyResult = { ok: true; value: Money } | { ok: false; error: MoneyIssue };

export interface ParseMoneyOptions {
  /** 'quote' (default): only the decimals people use (COP/CLP none). 'minor': the ISO minor unit. */
  precision?: 'quote' | 'minor';
}

// Symbols people type or paste before/after an amount. Longest first so "US$" wins over "$".
const SYMBOLS = ['US$', 'USD$', 'MX$', 'COL$', 'CO$', 'CLP$', 'CL$', 'AR$', 'S/.', 'S/', '$', '€'];
const SPACES = /[\s\u00a0\u202f\u2009']/g;

function decimalSeparatorOf(locale: string): '.' | ',' {
  const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  return parts.find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
}

function fail(code: MoneyIssue['code'], params: MoneyIssue['params'] = {}): ParseMoneyResult {
  return { ok: false, error: { code, params } };
}

/**
 * Parses what an agent types into an amount field: "1.234.567,89", "1,234,567.89", "$ 1.200.000",
 * "COP 1200000", "S/ 350.50". Which of '.' and ',' is the decimal mark is decided by, in order: both present →
 * the last one; one kind repeated → grouping; a single mark followed by exactly 3 digits in a currency quoted
 * without decimals (COP, CLP) → grouping; otherwise the locale's decimal mark. Never guesses silently past
 * that: a bad group ("1.23.456"), a minus sign, letters or too many decimals get a specific error.
 */
export function parseMoneyInput(
  text: string,
  currency: CurrencyCode,
  locale: string = CURRENCIES[currency].defaultLocale,
  options: ParseMoneyOptions = {},
): ParseMoneyResult {
  let s = text.trim();
  if (s === '') return fail('money.empty');

  // Negative forms: "-1.000", "−1.000", "(1.000)", "1.000-".
  if (/^[-−(]|[-−)]$/.test(s) || /^[A-Za-z$€/. ]*[-−]/.test(s)) return fail('money.negative');

  // A leading or trailing ISO code must be this account's currency.
  const code = /^([A-Za-z]{3})(?![A-Za-z])|(?<![A-Za-z])([A-Za-z]{3})$/.exec(s);
  if (code) {
    const c = (code[1] ?? code[2] ?? '').toUpperCase();
    if (isCurrencyCode(c) && c !== currency) return fail('money.currency_mismatch', { typed: c, expected: currency });
    if (c === currency) s = s.replace(code[0], '').trim();
  }
  for (const sym of SYMBOLS) {
    if (s.startsWith(sym)) {
      s = s.slice(sym.length).trim();
      break;
    }
  }
  for (const sym of SYMBOLS) {
    if (s.endsWith(sym)) {
      s = s.slice(0, -sym.length).trim();
      break;
    }
  }
  if (/^[-−]/.test(s)) return fail('money.negative');
  s = s.replace(SPACES, '');
  if (s === '' || !/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return fail('money.not_numeric', { text });

  const maxDecimals = options.precision === 'minor' ? minorExponent(currency) : quoteExponent(currency);
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimalMark: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) {
    decimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    if ((decimalMark === '.' ? dots : commas) > 1) return fail('money.invalid_grouping', { text });
  } else if (dots + commas === 1) {
    const mark = dots === 1 ? '.' : ',';
    const after = s.length - s.indexOf(mark) - 1;
    if (after === 3 && quoteExponent(currency) === 0 && options.precision !== 'minor') decimalMark = null;
    else decimalMark = mark === decimalSeparatorOf(locale) ? mark : null;
    // "1,5" in en-US: not a valid group of three either, so it can only be a decimal mark.
    if (decimalMark === null && after !== 3) decimalMark = mark;
  }

  let intPart = s;
  let fracPart = '';
  if (decimalMark !== null) {
    const i = s.lastIndexOf(decimalMark);
    intPart = s.slice(0, i);
    fracPart = s.slice(i + 1);
    if (fracPart === '' || !/^[0-9]+$/.test(fracPart)) return fail('money.not_numeric', { text });
  }
  const groupMark = decimalMark === '.' ? ',' : decimalMark === ',' ? '.' : dots > 0 ? '.' : ',';
  if (intPart.includes(groupMark)) {
    const groups = intPart.split(groupMark);
    if (!/^[0-9]{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => !/^[0-9]{3}$/.test(g))) {
      return fail('money.invalid_grouping', { text });
    }
    intPart = groups.join('');
  }
  if (intPart === '') intPart = '0';
  if (!/^[0-9]+$/.test(intPart)) return fail('money.not_numeric', { text });

  const trimmedFrac = fracPart.replace(/0+$/, '');
  if (trimmedFrac.length > maxDecimals) {
    return fail('money.too_many_decimals', { max: maxDecimals, currency });
  }
  const exp = minorExponent(currency);
  const minor = BigInt(intPart) * 10n ** BigInt(exp) + BigInt((trimmedFrac || '0').padEnd(exp, '0').slice(0, exp) || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return fail('money.too_large', { currency });
  return { ok: true, value: { amountMinor: Number(minor), currency } };
}
