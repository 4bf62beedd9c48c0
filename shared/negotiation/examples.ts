import { NegotiationPolicySchema, type NegotiationPolicy, type NegotiationPolicyInput } from './policy';

/**
 * Example policies for the demo portfolio and tests, one per currency we carry. Creditor and segment "*":
 * the fallback `selectPolicy` uses when a creditor has none of its own. Values are plausible, not any real
 * creditor's: COP/CLP minimums in whole pesos (COP stored in centavos).
 */
const inputs: NegotiationPolicyInput[] = [
  {
    id: 'demo-co',
    version: 1,
    creditorId: '*',
    segment: '*',
    currency: 'COP',
    payInFull: { maxDiscountPercent: 15, floorAtPrincipal: true, maxDaysToPay: 10 },
    settlement: { floorPercentOfBalance: 70, floorPercentOfPrincipal: 90, maxDaysToPay: 5 },
    installments: {
      maxTerm: 24,
      frequencies: ['monthly', 'biweekly'],
      minInstallment: { amountMinor: 20_000_000, currency: 'COP' },
      downPayment: { required: true, minPercent: 10 },
      planFee: { amountMinor: 5_000_000, currency: 'COP' },
      monthlyInterestPercent: 1.5,
      maxDaysToFirstPayment: 7,
      defaultDaysToFirstPayment: 2,
    },
    partialPayment: { minAmount: { amountMinor: 10_000_000, currency: 'COP' }, maxDaysToPay: 15 },
    graceDays: 3,
  },
  {
    id: 'demo-cl',
    version: 1,
    creditorId: '*',
    segment: '*',
    currency: 'CLP',
    payInFull: { maxDiscountPercent: 10, floorAtPrincipal: true, maxDaysToPay: 7 },
    settlement: { floorPercentOfBalance: 75, maxDaysToPay: 5 },
    installments: { maxTerm: 12, frequencies: ['monthly'], minInstallment: { amountMinor: 20_000, currency: 'CLP' }, maxDaysToFirstPayment: 10, defaultDaysToFirstPayment: 3 },
    graceDays: 2,
  },
  {
    id: 'demo-mx',
    version: 1,
    creditorId: '*',
    segment: '*',
    currency: 'MXN',
    payInFull: { maxDiscountPercent: 20, maxDaysToPay: 10 },
    settlement: { floorPercentOfBalance: 60, maxDaysToPay: 7 },
    installments: {
      maxTerm: 24,
      frequencies: ['weekly', 'biweekly', 'monthly'],
      minInstallment: { amountMinor: 30_000, currency: 'MXN' },
      planFee: { amountMinor: 15_000, currency: 'MXN' },
      maxDaysToFirstPayment: 7,
    },
    partialPayment: { minAmount: { amountMinor: 20_000, currency: 'MXN' }, maxDaysToPay: 10 },
    graceDays: 3,
  },
  {
    id: 'demo-pe',
    version: 1,
    creditorId: '*',
    segment: '*',
    currency: 'PEN',
    payInFull: { maxDiscountPercent: 10, maxDaysToPay: 10 },
    installments: { maxTerm: 12, frequencies: ['monthly'], minInstallment: { amountMinor: 5_000, currency: 'PEN' }, downPayment: { required: false, minPercent: 5 }, maxDaysToFirstPayment: 10 },
    graceDays: 3,
  },
  {
    id: 'demo-us',
    version: 1,
    creditorId: '*',
    segment: '*',
    currency: 'USD',
    payInFull: { maxDiscountPercent: 25, maxDaysToPay: 14 },
    settlement: { floorPercentOfBalance: 60, maxDaysToPay: 10 },
    installments: { maxTerm: 36, frequencies: ['biweekly', 'monthly'], minInstallment: { amountMinor: 2_500, currency: 'USD' }, maxDaysToFirstPayment: 14, defaultDaysToFirstPayment: 5 },
    partialPayment: { minAmount: { amountMinor: 1_000, currency: 'USD' }, maxDaysToPay: 14 },
    graceDays: 5,
  },
];

export const EXAMPLE_POLICIES: readonly NegotiationPolicy[] = inputs.map((p) => NegotiationPolicySchema.parse(p));

/** The policy for an account: creditor-specific beats "*", segment-specific beats "*", then the highest version. */
export function selectPolicy(policies: readonly NegotiationPolicy[], creditorId: string, segment: string, currency: string): NegotiationPolicy | null {
  let best: NegotiationPolicy | null = null;
  const score = (p: NegotiationPolicy) => (p.creditorId === creditorId ? 2 : 0) + (p.segment === segment ? 1 : 0);
  for (const p of policies) {
    if (p.currency !== currency) continue;
    if (p.creditorId !== creditorId && p.creditorId !== '*') continue;
    if (p.segment !== segment && p.segment !== '*') continue;
    if (!best || score(p) > score(best) || (score(p) === score(best) && p.version > best.version)) best = p;
  }
  return best;
}
