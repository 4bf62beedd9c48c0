import { z } from 'zod';

/**
 * Currencies Recaudo handles, with two exponents each:
 * - `minorExponent`: the ISO 4217 minor unit. Amounts are stored as integers of this unit (`amountMinor`).
 * - `quoteExponent`: the decimals people actually quote, type and pay. COP has ISO exponent 2 but centavos
 *   have not circulated for decades: banks, invoices and agents say "COP 1.200.000", so we quote COP with
 *   0 decimals while still storing centavos (imports may carry them). CLP is 0 in ISO and in practice.
 * Offers, installments and parsed input are rounded to the quote step (10^(minor − quote) minor units).
 */
export const CURRENCIES = {
  COP: { minorExponent: 2, quoteExponent: 0, defaultLocale: 'es-CO' },
  CLP: { minorExponent: 0, quoteExponent: 0, defaultLocale: 'es-CL' },
  MXN: { minorExponent: 2, quoteExponent: 2, defaultLocale: 'es-MX' },
  PEN: { minorExponent: 2, quoteExponent: 2, defaultLocale: 'es-PE' },
  ARS: { minorExponent: 2, quoteExponent: 2, defaultLocale: 'es-AR' },
  USD: { minorExponent: 2, quoteExponent: 2, defaultLocale: 'en-US' },
} as const satisfies Record<string, { minorExponent: number; quoteExponent: number; defaultLocale: string }>;

export type CurrencyCode = keyof typeof CURRENCIES;

export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

export const CurrencyCodeSchema = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code);
}

export function minorExponent(currency: CurrencyCode): number {
  return CURRENCIES[currency].minorExponent;
}

export function quoteExponent(currency: CurrencyCode): number {
  return CURRENCIES[currency].quoteExponent;
}

/** Minor units in one quote step: COP 100 (one peso), CLP 1, USD 1 (one cent). */
export function quoteStepMinor(currency: CurrencyCode): number {
  return 10 ** (minorExponent(currency) - quoteExponent(currency));
}

/** Minor units in one major unit: COP 100, CLP 1, USD 100. */
export function minorPerMajor(currency: CurrencyCode): number {
  return 10 ** minorExponent(currency);
}
