import { NegotiationPolicySchema, type NegotiationPolicy, type NegotiationPolicyInput } from '../policy';
import type { IsBusinessDay } from '../dates';

/** Colombian public holidays Nov 2026 – Jan 2027 (Ley Emiliani applied), enough for the examples' windows. */
export const CO_HOLIDAYS = new Set(['2026-11-02', '2026-11-16', '2026-12-08', '2026-12-25', '2027-01-01', '2027-01-11']);

export function weekdaysExcept(holidays: ReadonlySet<string>): IsBusinessDay {
  return (iso) => {
    const wd = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
    return wd !== 0 && wd !== 6 && !holidays.has(iso);
  };
}

export const coBusinessDay = weekdaysExcept(CO_HOLIDAYS);

/** The sketch's segment S2 policy for a Colombian bank: 15 % off to pay in full, 6..24 monthly installments. */
export const S2_INPUT: NegotiationPolicyInput = {
  id: 'bancoandino-s2',
  version: 3,
  creditorId: 'bancoandino',
  segment: 'S2',
  currency: 'COP',
  payInFull: { maxDiscountPercent: 15, floorAtPrincipal: true, maxDaysToPay: 10 },
  settlement: { floorPercentOfBalance: 70, floorPercentOfPrincipal: 90, maxDaysToPay: 5 },
  installments: {
    maxTerm: 24,
    frequencies: ['monthly', 'biweekly'],
    minInstallment: { amountMinor: 20000000, currency: 'COP' }, // COP 200.000
    downPayment: { required: true, minPercent: 10 },
    planFee: { amountMinor: 5000000, currency: 'COP' }, // COP 50.000
    monthlyInterestPercent: 1.5,
    maxDaysToFirstPayment: 7,
    defaultDaysToFirstPayment: 2,
  },
  partialPayment: { minAmount: { amountMinor: 10000000, currency: 'COP' }, maxDaysToPay: 15 },
  graceDays: 3,
};

export const S2: NegotiationPolicy = NegotiationPolicySchema.parse(S2_INPUT);
