import type { CurrencyCode } from '../../shared/domain/codes';
import type { PolicyRecord } from '../../shared/domain/portfolio';
import { CREDITORS, SEGMENTS, type CreditorSpec, type SegmentCode } from './data/creditors';

/** Smallest installment per currency, minor units (COP in centavos). */
const MIN_INSTALLMENT_MINOR: Record<string, number> = {
  COP: 50_000_00,
  CLP: 20_000,
  MXN: 500_00,
  PEN: 100_00,
  USD: 25_00,
};

/** Older debt: deeper discounts, lower settlement floors, longer plans. */
const BY_SEGMENT: Record<SegmentCode, { discount: number; floor: number; term: number; down: number; days: number }> = {
  dpd_1_30: { discount: 0, floor: 100, term: 6, down: 10, days: 10 },
  dpd_31_60: { discount: 5, floor: 90, term: 12, down: 10, days: 15 },
  dpd_61_90: { discount: 15, floor: 75, term: 18, down: 15, days: 20 },
  dpd_90_plus: { discount: 35, floor: 50, term: 24, down: 20, days: 30 },
};

/**
 * The negotiation policy document (shared/negotiation/policy.ts) for one creditor and segment. Version 2
 * exists for some creditors' oldest bucket, as after a policy review, so clients see a versioned history.
 */
export function policyBody(c: CreditorSpec, segment: SegmentCode, version: number): Record<string, unknown> {
  const s = BY_SEGMENT[segment];
  const currency: CurrencyCode = c.currency;
  const extra = version > 1 ? 5 : 0;
  const body: Record<string, unknown> = {
    id: policyId(c.id, segment, version),
    version,
    creditorId: c.id,
    segment,
    currency,
    installments: {
      maxTerm: s.term + (version > 1 ? 6 : 0),
      frequencies: c.country === 'US' ? ['weekly', 'biweekly', 'monthly'] : ['biweekly', 'monthly'],
      minInstallment: { amountMinor: MIN_INSTALLMENT_MINOR[currency] ?? 1_000, currency },
      downPayment: { required: segment !== 'dpd_1_30', minPercent: s.down },
      maxDaysToFirstPayment: s.days,
      defaultDaysToFirstPayment: Math.min(5, s.days),
    },
    partialPayment: { minAmount: { amountMinor: MIN_INSTALLMENT_MINOR[currency] ?? 1_000, currency }, maxDaysToPay: 7 },
    graceDays: c.country === 'US' ? 5 : 3,
  };
  if (s.discount > 0) {
    body.payInFull = { maxDiscountPercent: s.discount + extra, floorAtPrincipal: segment !== 'dpd_90_plus', maxDaysToPay: s.days };
  } else {
    body.payInFull = { maxDiscountPercent: 0, floorAtPrincipal: true, maxDaysToPay: s.days };
  }
  if (s.floor < 100) body.settlement = { floorPercentOfBalance: s.floor - extra, maxDaysToPay: s.days };
  return body;
}

export function policyId(creditorId: string, segment: string, version: number): string {
  return `pol-${creditorId.replace(/^cred-/, '')}-${segment}-v${version}`;
}

export function demoPolicies(): PolicyRecord[] {
  const out: PolicyRecord[] = [];
  CREDITORS.forEach((c, i) => {
    for (const seg of SEGMENTS) {
      const versions = seg.code === 'dpd_90_plus' && i % 2 === 0 ? 2 : 1;
      for (let v = 1; v <= versions; v++) {
        out.push({ id: policyId(c.id, seg.code, v), creditorId: c.id, segment: seg.code, version: v, body: policyBody(c, seg.code, v) });
      }
    }
  });
  return out;
}
