import { allocate, quoteStepMinor, subtract, type Money } from '../money';
import { type Arrangement, type NegotiationContext, type ScheduledPayment } from './arrangement';
import { addDays, buildDueDates, latestBusinessDayWithin, memoizeBusinessDay, nextBusinessDay, nominalDate, previousBusinessDay } from './dates';
import type { Frequency } from './policy';
import { minDownPayment, minPayInFull, payableBalance, planTerms, settlementFloor } from './terms';

export interface Offer extends Arrangement {
  /** Stable id: "pay_in_full", "settlement", "installments:monthly:6". */
  id: string;
  /** The payable balance the offer starts from. */
  balance: Money;
  /** What the creditor forgives (payable − total), zero for plans. */
  discount: Money;
  interest: Money;
  fee: Money;
  downPayment: Money | null;
  /** Installments after the down payment (1 for single payments). */
  installmentCount: number;
  /** The largest installment (what the agent says: "6 cuotas de …"). */
  installmentAmount: Money;
}

const FREQUENCY_ORDER: Frequency[] = ['weekly', 'biweekly', 'monthly'];

/** The first date a plan proposes: today + default days, on a business day, within the max days allowed. */
export function firstDueDate(ctx: NegotiationContext): string | null {
  const rule = ctx.policy.installments;
  if (!rule) return null;
  const latest = addDays(ctx.today, rule.maxDaysToFirstPayment);
  const wanted = addDays(ctx.today, rule.defaultDaysToFirstPayment ?? Math.min(3, rule.maxDaysToFirstPayment));
  const forward = nextBusinessDay(wanted, ctx.isBusinessDay);
  if (forward <= latest) return forward;
  return previousBusinessDay(latest, ctx.today, ctx.isBusinessDay);
}

export interface PlanRequest {
  count: number;
  frequency: Frequency;
  /** Defaults to the policy's minimum when a down payment is required, else none. */
  downPayment?: Money | null;
  /** Defaults to `firstDueDate(ctx)`. */
  firstDate?: string;
  /**
   * Dates already laid out for a longer plan from the same first date and frequency: plan dates are
   * prefix-stable, so computeOffers lays them out once per frequency instead of once per plan.
   */
  layout?: readonly string[];
}

/**
 * Builds an installment plan: down payment (if any) on the first date, then `count` installments one period
 * apart, amounts split exactly (remainder on the first ones), dates moved forward to business days.
 * Returns null if no valid first date exists. The result may still break the policy (e.g. a custom count
 * below the minimum installment): run `checkArrangement` on it.
 */
export function buildInstallmentPlan(ctx: NegotiationContext, req: PlanRequest): Offer | null {
  const first = req.firstDate ?? firstDueDate(ctx);
  if (!first) return null;
  const down = req.downPayment === undefined ? (ctx.policy.installments?.downPayment?.required ? minDownPayment(ctx.policy, ctx.balance) : null) : req.downPayment;
  const terms = planTerms(ctx.policy, ctx.balance, req.count, req.frequency, down ?? undefined);
  const parts = allocate(terms.installmentsTotal, req.count);
  const needed = req.count + (down ? 1 : 0);
  const dates =
    req.layout && req.layout.length >= needed
      ? req.layout.slice(0, needed)
      : down
        ? [first, ...buildDueDates(first, req.count, req.frequency, ctx.isBusinessDay, 1)]
        : buildDueDates(first, req.count, req.frequency, ctx.isBusinessDay);
  // A shifted first installment may land on the down-payment date only if the anchor is odd; keep increasing.
  for (let i = 1; i < dates.length; i++) {
    if ((dates[i] as string) <= (dates[i - 1] as string)) dates[i] = nextBusinessDay(addDays(dates[i - 1] as string, 1), ctx.isBusinessDay);
  }
  const schedule: ScheduledPayment[] = [];
  if (down) schedule.push({ seq: 1, kind: 'down_payment', dueDate: dates[0] as string, amount: down });
  parts.forEach((amount, i) => {
    schedule.push({ seq: schedule.length + 1, kind: 'installment', dueDate: dates[i + (down ? 1 : 0)] as string, amount });
  });
  return {
    id: `installments:${req.frequency}:${req.count}`,
    kind: 'installments',
    frequency: req.frequency,
    total: terms.total,
    schedule,
    balance: terms.payable,
    discount: { amountMinor: 0, currency: ctx.balance.currency },
    interest: terms.interest,
    fee: terms.fee,
    downPayment: down ?? null,
    installmentCount: req.count,
    installmentAmount: parts[0] as Money,
  };
}

function singlePayment(id: 'pay_in_full' | 'settlement', ctx: NegotiationContext, least: Money, maxDaysToPay: number): Offer | null {
  // A policy allowing 100 % off or a 0 % floor still needs a payment: at least one quote step.
  const step = quoteStepMinor(least.currency);
  const total = least.amountMinor < step ? { amountMinor: step, currency: least.currency } : least;
  const payBy = latestBusinessDayWithin(ctx.today, addDays(ctx.today, maxDaysToPay), ctx.isBusinessDay);
  if (!payBy) return null;
  const payable = payableBalance(ctx.balance);
  const zero = { amountMinor: 0, currency: ctx.balance.currency };
  return {
    id,
    kind: id,
    total,
    schedule: [{ seq: 1, kind: 'single', dueDate: payBy, amount: total }],
    balance: payable,
    discount: subtract(payable, total),
    interest: zero,
    fee: zero,
    downPayment: null,
    installmentCount: 1,
    installmentAmount: total,
  };
}

/**
 * Every offer the agent may present for this balance under the policy: pay in full with the largest discount
 * (payable by the latest business day allowed), settlement at its floor, and installment plans for each allowed
 * frequency with 2..maxTerm installments whose smallest installment reaches the minimum. All amounts are
 * quote-rounded minor units; every offer passes `checkArrangement`.
 */
export function computeOffers(input: NegotiationContext): Offer[] {
  const ctx: NegotiationContext = { ...input, isBusinessDay: memoizeBusinessDay(input.isBusinessDay) };
  const { policy, balance, principal } = ctx;
  if (policy.currency !== balance.currency || balance.amountMinor <= 0) return [];
  const offers: Offer[] = [];
  if (policy.payInFull) {
    const o = singlePayment('pay_in_full', ctx, minPayInFull(policy, balance, principal) as Money, policy.payInFull.maxDaysToPay);
    if (o) offers.push(o);
  }
  if (policy.settlement) {
    const floor = settlementFloor(policy, balance, principal) as Money;
    const pif = offers[0];
    // A settlement no better for the debtor than paying in full is noise: skip it.
    if (!pif || floor.amountMinor < pif.total.amountMinor) {
      const o = singlePayment('settlement', ctx, floor, policy.settlement.maxDaysToPay);
      if (o) offers.push(o);
    }
  }
  const rule = policy.installments;
  const first = rule ? firstDueDate(ctx) : null;
  if (rule && first) {
    const withDown = rule.downPayment?.required === true;
    for (const frequency of FREQUENCY_ORDER.filter((f) => rule.frequencies.includes(f))) {
      const layout = withDown
        ? [first, ...buildDueDates(first, rule.maxTerm, frequency, ctx.isBusinessDay, 1)]
        : buildDueDates(first, rule.maxTerm, frequency, ctx.isBusinessDay);
      for (let count = 2; count <= rule.maxTerm; count++) {
        const plan = buildInstallmentPlan(ctx, { count, frequency, firstDate: first, layout });
        if (!plan) break;
        const smallest = Math.min(...plan.schedule.filter((p) => p.kind === 'installment').map((p) => p.amount.amountMinor));
        if (smallest < rule.minInstallment.amountMinor) break; // more installments only make them smaller
        offers.push(plan);
      }
    }
  }
  return offers;
}

export { nominalDate };
