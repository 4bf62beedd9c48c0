import { z } from 'zod';
import { CurrencyCodeSchema, quoteStepMinor, type CurrencyCode } from './currency';

/** An amount in integer minor units of an ISO 4217 currency. Never a float of major units. */
export const MoneySchema = z
  .object({
    amountMinor: z.number().int().refine(Number.isSafeInteger, { message: 'money.not_safe_integer' }),
    currency: CurrencyCodeSchema,
  })
  .strict();

export type Money = z.infer<typeof MoneySchema>;

/** Thrown for programming errors (mixing currencies, unsafe integers); user input gets MoneyIssue instead. */
export class MoneyError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'MoneyError';
  }
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new MoneyError('money.not_safe_integer', { amountMinor });
  return { amountMinor, currency };
}

export function zero(currency: CurrencyCode): Money {
  return { amountMinor: 0, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError('money.currency_mismatch', { a: a.currency, b: b.currency });
}

function checked(n: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(n)) throw new MoneyError('money.overflow', { currency });
  return { amountMinor: n, currency };
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checked(a.amountMinor + b.amountMinor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checked(a.amountMinor - b.amountMinor, a.currency);
}

export function sum(items: readonly Money[], currency: CurrencyCode): Money {
  let total = zero(currency);
  for (const m of items) total = add(total, m);
  return total;
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}

export function min(a: Money, b: Money): Money {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Money, b: Money): Money {
  return compare(a, b) >= 0 ? a : b;
}

export type Rounding = 'down' | 'up' | 'half-up';

/** Integer division of bigints with an explicit rounding mode (for non-negative and negative numerators). */
export function divRound(num: bigint, den: bigint, rounding: Rounding): bigint {
  if (den <= 0n) throw new MoneyError('money.bad_divisor', { den: String(den) });
  const q = num / den; // truncates toward zero
  const r = num % den;
  if (r === 0n) return q;
  const neg = num < 0n;
  switch (rounding) {
    case 'down':
      return neg ? q - 1n : q; // floor
    case 'up':
      return neg ? q : q + 1n; // ceil
    case 'half-up': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice >= den) return neg ? q - 1n : q + 1n; // half away from zero
      return q;
    }
  }
}

/** Rounds to the currency's quote step (COP whole pesos, CLP whole pesos, USD cents). */
export function roundToQuote(m: Money, rounding: Rounding = 'half-up'): Money {
  const step = BigInt(quoteStepMinor(m.currency));
  const units = divRound(BigInt(m.amountMinor), step, rounding);
  return checked(Number(units * step), m.currency);
}

export function isQuoteRounded(m: Money): boolean {
  return m.amountMinor % quoteStepMinor(m.currency) === 0;
}
