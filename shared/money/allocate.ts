import { quoteStepMinor } from './currency';
import { MoneyError, type Money } from './money';

export interface AllocateOptions {
  /**
   * 'quote' (default): every part is a whole number of quote steps (COP whole pesos) except that a sub-step
   * remainder of the total (centavos an import carried) goes to the first part, so it is paid first.
   * 'minor': split to the minor unit.
   */
  step?: 'quote' | 'minor';
  /** Which parts receive the one-step remainders: 'first' (default, earliest installments) or 'last'. */
  remainderTo?: 'first' | 'last';
}

/**
 * Splits `total` into `n` parts that add up exactly to it, as equal as the step allows (parts differ by at most
 * one step). Non-negative totals only.
 */
export function allocate(total: Money, n: number, options: AllocateOptions = {}): Money[] {
  if (!Number.isInteger(n) || n < 1) throw new MoneyError('money.bad_parts', { n });
  if (total.amountMinor < 0) throw new MoneyError('money.negative_total', { amountMinor: total.amountMinor });
  const step = options.step === 'minor' ? 1 : quoteStepMinor(total.currency);
  const units = Math.floor(total.amountMinor / step);
  const subStep = total.amountMinor - units * step;
  const base = Math.floor(units / n);
  const extra = units - base * n;
  const parts: Money[] = [];
  for (let i = 0; i < n; i++) {
    const getsExtra = options.remainderTo === 'last' ? i >= n - extra : i < extra;
    parts.push({ amountMinor: (base + (getsExtra ? 1 : 0)) * step, currency: total.currency });
  }
  (parts[0] as Money).amountMinor += subStep;
  return parts;
}

/** Splits `total` in proportion to integer weights (e.g. a down payment and a balance); sums exactly. */
export function allocateByWeights(total: Money, weights: readonly number[], options: Pick<AllocateOptions, 'step'> = {}): Money[] {
  if (weights.length === 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0) || weights.every((w) => w === 0)) {
    throw new MoneyError('money.bad_weights', { weights: weights.join(',') });
  }
  if (total.amountMinor < 0) throw new MoneyError('money.negative_total', { amountMinor: total.amountMinor });
  const step = options.step === 'minor' ? 1 : quoteStepMinor(total.currency);
  const units = BigInt(Math.floor(total.amountMinor / step));
  const subStep = total.amountMinor - Number(units) * step;
  const wsum = weights.reduce((a, b) => a + BigInt(b), 0n);
  const shares = weights.map((w) => (units * BigInt(w)) / wsum);
  let left = units - shares.reduce((a, b) => a + b, 0n);
  // Largest-remainder method, ties to the earliest part.
  const order = weights
    .map((w, i) => ({ i, rem: (units * BigInt(w)) % wsum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] = (shares[i] as bigint) + 1n;
    left--;
  }
  const parts = shares.map((u) => ({ amountMinor: Number(u) * step, currency: total.currency }));
  (parts[0] as Money).amountMinor += subStep;
  return parts;
}
