import { z } from 'zod';
import { quoteStepMinor } from './currency';
import { divRound, MoneyError, type Money, type Rounding } from './money';

/**
 * Rates (discounts, interest, down payments) as integer parts per million, so 15 % is 150_000 ppm and
 * 1.85 % monthly is 18_500 ppm. All arithmetic on money × rate is done in bigint: no float drift.
 */
export const PPM_PER_PERCENT = 10_000;
export const PPM_WHOLE = 1_000_000;

/**
 * A percentage as people write it in a policy file (`15`, `1.85`, `0.5`), at most 4 decimals, 0–100.
 * Parsed to ppm; a value with more decimals is refused rather than silently rounded.
 */
export const PercentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * PPM_PER_PERCENT - Math.round(p * PPM_PER_PERCENT)) < 1e-6, {
    message: 'percent.too_many_decimals',
  });

export function percentToPpm(percent: number): number {
  const ppm = Math.round(percent * PPM_PER_PERCENT);
  if (Math.abs(percent * PPM_PER_PERCENT - ppm) > 1e-6) {
    throw new MoneyError('percent.too_many_decimals', { percent });
  }
  return ppm;
}

/** ppm → percent string without float noise, for display: 150000 → "15", 18500 → "1.85". */
export function ppmToPercentString(ppm: number): string {
  const sign = ppm < 0 ? '-' : '';
  const abs = Math.abs(ppm);
  const whole = Math.trunc(abs / PPM_PER_PERCENT);
  const frac = String(abs % PPM_PER_PERCENT).padStart(4, '0').replace(/0+$/, '');
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

/** m × ppm / 1e6 in minor units, rounded exactly (not to the quote step). */
export function applyPpm(m: Money, ppm: number, rounding: Rounding = 'half-up'): Money {
  if (!Number.isSafeInteger(ppm)) throw new MoneyError('money.bad_rate', { ppm });
  const v = divRound(BigInt(m.amountMinor) * BigInt(ppm), BigInt(PPM_WHOLE), rounding);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new MoneyError('money.overflow', { currency: m.currency });
  return { amountMinor: n, currency: m.currency };
}

/** m × ppm / 1e6 rounded once, straight to the currency's quote step (what an agent can say). */
export function percentOfQuoted(m: Money, ppm: number, rounding: Rounding = 'half-up'): Money {
  if (!Number.isSafeInteger(ppm)) throw new MoneyError('money.bad_rate', { ppm });
  const step = BigInt(quoteStepMinor(m.currency));
  const units = divRound(BigInt(m.amountMinor) * BigInt(ppm), BigInt(PPM_WHOLE) * step, rounding);
  const n = Number(units * step);
  if (!Number.isSafeInteger(n)) throw new MoneyError('money.overflow', { currency: m.currency });
  return { amountMinor: n, currency: m.currency };
}

/** The ratio a/b in ppm, rounded down (how much of `b` is `a`). */
export function ratioPpm(a: Money, b: Money): number {
  if (a.currency !== b.currency) throw new MoneyError('money.currency_mismatch', { a: a.currency, b: b.currency });
  if (b.amountMinor === 0) throw new MoneyError('money.bad_divisor', { den: 0 });
  return Number(divRound(BigInt(a.amountMinor) * BigInt(PPM_WHOLE), BigInt(b.amountMinor), 'down'));
}
