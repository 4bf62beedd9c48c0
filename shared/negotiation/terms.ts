import { add, divRound, money, roundToQuote, subtract, zero, type Money } from '../money';
import { percentOfQuoted, percentToPpm, PPM_WHOLE } from '../money';
import { quoteStepMinor } from '../money';
import type { Frequency, NegotiationPolicy } from './policy';

/**
 * What clears the account: the balance rounded up to the quote step (a COP balance with centavos is paid in
 * whole pesos). All offers and checks start from it.
 */
export function payableBalance(balance: Money): Money {
  return roundToQuote(balance, 'up');
}

/** Least pay-in-full amount: payable − max discount (discount rounded down), never below the principal if the rule says so. */
export function minPayInFull(policy: NegotiationPolicy, balance: Money, principal?: Money): Money | null {
  const rule = policy.payInFull;
  if (!rule) return null;
  const payable = payableBalance(balance);
  const discount = percentOfQuoted(payable, percentToPpm(rule.maxDiscountPercent), 'down');
  let amount = subtract(payable, discount);
  if (rule.floorAtPrincipal && principal) {
    const p = roundToQuote(principal, 'up');
    const floor = p.amountMinor < payable.amountMinor ? p : payable;
    if (floor.amountMinor > amount.amountMinor) amount = floor;
  }
  return amount;
}

/** Settlement floor: the larger of its balance and principal floors (rounded up), at most the payable balance. */
export function settlementFloor(policy: NegotiationPolicy, balance: Money, principal?: Money): Money | null {
  const rule = policy.settlement;
  if (!rule) return null;
  const payable = payableBalance(balance);
  let floor = percentOfQuoted(payable, percentToPpm(rule.floorPercentOfBalance), 'up');
  if (rule.floorPercentOfPrincipal !== undefined && principal) {
    const byPrincipal = percentOfQuoted(principal, percentToPpm(rule.floorPercentOfPrincipal), 'up');
    if (byPrincipal.amountMinor > floor.amountMinor) floor = byPrincipal;
  }
  return floor.amountMinor > payable.amountMinor ? payable : floor;
}

/**
 * Least down payment for installment plans (rounded up, and at least one quote step: a down payment of zero is
 * no down payment), or null when the policy has no down-payment rule.
 */
export function minDownPayment(policy: NegotiationPolicy, balance: Money): Money | null {
  const rule = policy.installments?.downPayment;
  if (!rule) return null;
  const min = percentOfQuoted(payableBalance(balance), percentToPpm(rule.minPercent), 'up');
  const step = quoteStepMinor(balance.currency);
  return min.amountMinor < step ? money(step, balance.currency) : min;
}

// Months in one period as a fraction: weekly 12/52, biweekly 12/26, monthly 1.
const MONTHS_PER_PERIOD: Record<Frequency, [bigint, bigint]> = {
  weekly: [3n, 13n],
  biweekly: [6n, 13n],
  monthly: [1n, 1n],
};

export interface PlanTerms {
  payable: Money;
  downPayment: Money;
  financed: Money;
  interest: Money;
  fee: Money;
  /** financed + interest + fee: what the installments add up to. */
  installmentsTotal: Money;
  /** downPayment + installmentsTotal. */
  total: Money;
}

/** Money terms of an installment plan of `count` installments after an optional down payment. */
export function planTerms(policy: NegotiationPolicy, balance: Money, count: number, frequency: Frequency, downPayment?: Money): PlanTerms {
  const rule = policy.installments;
  const payable = payableBalance(balance);
  const down = downPayment ?? zero(balance.currency);
  const financed = subtract(payable, down);
  let interest = zero(balance.currency);
  if (rule?.monthlyInterestPercent && financed.amountMinor > 0) {
    const [num, den] = MONTHS_PER_PERIOD[frequency];
    const step = BigInt(quoteStepMinor(balance.currency));
    const units = divRound(
      BigInt(financed.amountMinor) * BigInt(percentToPpm(rule.monthlyInterestPercent)) * BigInt(count) * num,
      BigInt(PPM_WHOLE) * den * step,
      'half-up',
    );
    interest = money(Number(units * step), balance.currency);
  }
  const fee = rule?.planFee ?? zero(balance.currency);
  const installmentsTotal = add(add(financed, interest), fee);
  return { payable, downPayment: down, financed, interest, fee, installmentsTotal, total: add(down, installmentsTotal) };
}
