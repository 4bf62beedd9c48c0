import { z } from 'zod';
import { isQuoteRounded, MoneySchema, ppmToPercentString, percentToPpm, type Money } from '../money';
import { addDays, isValidIsoDate, nextBusinessDay, PERIOD_DAYS, type IsBusinessDay } from './dates';
import { FrequencySchema, type NegotiationPolicy } from './policy';
import { minDownPayment, minPayInFull, payableBalance, planTerms, settlementFloor } from './terms';

/**
 * An arrangement is what the debtor agrees to pay and when: an offer computed from the policy, or what the agent
 * typed in the promise form. `checkArrangement` is the one place that says whether it is within the policy.
 */
export const ArrangementKindSchema = z.enum(['pay_in_full', 'settlement', 'installments', 'partial']);
export type ArrangementKind = z.infer<typeof ArrangementKindSchema>;

export const ScheduledPaymentSchema = z
  .object({
    seq: z.number().int().min(1),
    kind: z.enum(['single', 'down_payment', 'installment']),
    dueDate: z.iso.date(),
    amount: MoneySchema,
  })
  .strict();
export type ScheduledPayment = z.infer<typeof ScheduledPaymentSchema>;

export const ArrangementSchema = z
  .object({
    kind: ArrangementKindSchema,
    total: MoneySchema,
    frequency: FrequencySchema.optional(),
    schedule: z.array(ScheduledPaymentSchema).min(1).max(251),
  })
  .strict();
export type Arrangement = z.infer<typeof ArrangementSchema>;

export interface NegotiationContext {
  policy: NegotiationPolicy;
  balance: Money;
  principal?: Money;
  /** Today in the debtor's zone, YYYY-MM-DD. */
  today: string;
  isBusinessDay: IsBusinessDay;
}

/**
 * One breach: an i18n key (messages.ts), its params (keys ending in `Minor` are amounts in the balance's
 * currency, formatted by the message helper) and the field it belongs to ("total", "schedule.2.dueDate").
 */
export interface PolicyViolation {
  code: string;
  path: string;
  params: Record<string, string | number>;
}

function v(code: string, path: string, params: Record<string, string | number> = {}): PolicyViolation {
  return { code, path, params };
}

export function checkArrangement(arr: Arrangement, ctx: NegotiationContext): PolicyViolation[] {
  const { policy, balance, principal, today, isBusinessDay } = ctx;
  const out: PolicyViolation[] = [];
  const cur = balance.currency;
  if (policy.currency !== cur) return [v('policy.currency_mismatch', 'total', { expected: policy.currency, actual: cur })];
  if (arr.total.currency !== cur || arr.schedule.some((p) => p.amount.currency !== cur)) {
    return [v('policy.currency_mismatch', 'total', { expected: cur, actual: arr.total.currency })];
  }

  // Amounts: positive, quotable, adding up to the total.
  arr.schedule.forEach((p, i) => {
    if (p.amount.amountMinor <= 0) out.push(v('policy.amount_not_positive', `schedule.${i}.amount`));
    else if (!isQuoteRounded(p.amount)) out.push(v('policy.amount_not_quote_rounded', `schedule.${i}.amount`, { currency: cur }));
  });
  const scheduled = arr.schedule.reduce((a, p) => a + p.amount.amountMinor, 0);
  if (scheduled !== arr.total.amountMinor) {
    out.push(v('policy.schedule_total_mismatch', 'total', { totalMinor: arr.total.amountMinor, scheduledMinor: scheduled }));
  }

  // Dates: valid, not in the past, business days, strictly increasing.
  let prev = '';
  arr.schedule.forEach((p, i) => {
    const path = `schedule.${i}.dueDate`;
    if (!isValidIsoDate(p.dueDate)) out.push(v('policy.date_invalid', path, { date: p.dueDate }));
    else if (p.dueDate < today) out.push(v('policy.date_in_past', path, { date: p.dueDate }));
    else if (!isBusinessDay(p.dueDate)) out.push(v('policy.date_not_business_day', path, { date: p.dueDate }));
    if (prev && p.dueDate <= prev) out.push(v('policy.dates_not_increasing', path, { date: p.dueDate, previous: prev }));
    prev = p.dueDate;
  });

  const payable = payableBalance(balance);
  const single = (maxDaysToPay: number) => {
    if (arr.schedule.length !== 1) out.push(v('policy.single_payment_required', 'schedule', { count: arr.schedule.length }));
    const last = arr.schedule[arr.schedule.length - 1];
    const maxDate = addDays(today, maxDaysToPay);
    if (last && last.dueDate > maxDate) out.push(v('policy.pay_by_too_late', `schedule.${arr.schedule.length - 1}.dueDate`, { maxDate }));
    if (arr.total.amountMinor > payable.amountMinor) out.push(v('policy.amount_exceeds_balance', 'total', { maxMinor: payable.amountMinor }));
  };

  switch (arr.kind) {
    case 'pay_in_full': {
      const rule = policy.payInFull;
      if (!rule) return [...out, v('policy.kind_not_allowed', 'kind', { kind: arr.kind })];
      single(rule.maxDaysToPay);
      const min = minPayInFull(policy, balance, principal) as Money;
      if (arr.total.amountMinor < min.amountMinor) {
        out.push(v('policy.discount_exceeds_max', 'total', { maxPercent: ppmToPercentString(percentToPpm(rule.maxDiscountPercent)), minMinor: min.amountMinor }));
      }
      break;
    }
    case 'settlement': {
      const rule = policy.settlement;
      if (!rule) return [...out, v('policy.kind_not_allowed', 'kind', { kind: arr.kind })];
      single(rule.maxDaysToPay);
      const floor = settlementFloor(policy, balance, principal) as Money;
      if (arr.total.amountMinor < floor.amountMinor) out.push(v('policy.below_settlement_floor', 'total', { minMinor: floor.amountMinor }));
      break;
    }
    case 'partial': {
      const rule = policy.partialPayment;
      if (!rule) return [...out, v('policy.kind_not_allowed', 'kind', { kind: arr.kind })];
      single(rule.maxDaysToPay);
      if (arr.total.amountMinor < rule.minAmount.amountMinor) out.push(v('policy.partial_below_min', 'total', { minMinor: rule.minAmount.amountMinor }));
      break;
    }
    case 'installments': {
      const rule = policy.installments;
      if (!rule) return [...out, v('policy.kind_not_allowed', 'kind', { kind: arr.kind })];
      const freq = arr.frequency;
      if (!freq) {
        out.push(v('policy.frequency_required', 'frequency'));
        break;
      }
      if (!rule.frequencies.includes(freq)) out.push(v('policy.frequency_not_allowed', 'frequency', { frequency: freq }));
      const downs = arr.schedule.filter((p) => p.kind === 'down_payment');
      const insts = arr.schedule.filter((p) => p.kind === 'installment');
      if (arr.schedule.some((p) => p.kind === 'single')) out.push(v('policy.schedule_kind_invalid', 'schedule'));
      if (downs.length > 1 || (downs.length === 1 && arr.schedule[0]?.kind !== 'down_payment')) {
        out.push(v('policy.down_payment_first', 'downPayment'));
      }
      const down = downs[0]?.amount;
      const minDown = minDownPayment(policy, balance);
      if (down && !rule.downPayment) out.push(v('policy.down_payment_not_allowed', 'downPayment'));
      if (!down && rule.downPayment?.required) out.push(v('policy.down_payment_required', 'downPayment', { minMinor: (minDown as Money).amountMinor }));
      if (down && minDown && down.amountMinor < minDown.amountMinor) {
        out.push(v('policy.down_payment_below_min', 'downPayment', { minMinor: minDown.amountMinor, minPercent: ppmToPercentString(percentToPpm(rule.downPayment!.minPercent)) }));
      }
      if (insts.length < 2) out.push(v('policy.term_too_short', 'installments', { min: 2 }));
      if (insts.length > rule.maxTerm) out.push(v('policy.term_exceeds_max', 'installments', { max: rule.maxTerm }));
      arr.schedule.forEach((p, i) => {
        if (p.kind === 'installment' && p.amount.amountMinor < rule.minInstallment.amountMinor) {
          out.push(v('policy.installment_below_min', `schedule.${i}.amount`, { minMinor: rule.minInstallment.amountMinor }));
        }
      });
      const first = arr.schedule[0];
      const maxFirst = addDays(today, rule.maxDaysToFirstPayment);
      if (first && first.dueDate > maxFirst) out.push(v('policy.first_payment_too_late', 'schedule.0.dueDate', { maxDate: maxFirst }));
      // Each date at most one nominal period after the previous one, moved forward off non-business days.
      const period = PERIOD_DAYS[freq];
      for (let i = 1; i < arr.schedule.length; i++) {
        const a = arr.schedule[i - 1]!.dueDate;
        const b = arr.schedule[i]!.dueDate;
        if (!isValidIsoDate(a) || !isValidIsoDate(b)) continue;
        const latest = nextBusinessDay(addDays(a, period), isBusinessDay);
        if (b > latest) out.push(v('policy.gap_exceeds_frequency', `schedule.${i}.dueDate`, { maxDate: latest, frequency: freq }));
      }
      if (insts.length >= 1 && (!down || down.amountMinor <= payable.amountMinor)) {
        const terms = planTerms(policy, balance, insts.length, freq, down);
        if (arr.total.amountMinor !== terms.total.amountMinor) {
          out.push(v('policy.plan_total_mismatch', 'total', { expectedMinor: terms.total.amountMinor, interestMinor: terms.interest.amountMinor, feeMinor: terms.fee.amountMinor }));
        }
      } else if (down && down.amountMinor > payable.amountMinor) {
        out.push(v('policy.amount_exceeds_balance', 'downPayment', { maxMinor: payable.amountMinor }));
      }
      break;
    }
  }
  return out;
}
