/**
 * Rule set → a function account → segment. Compiled once (conditions to small predicates) because an import
 * or a re-segmentation runs it on every account of a portfolio.
 */
import type { DpdBucket, SegmentConditions, SegmentInput, SegmentRuleSet } from './rules';

export function dpdBucket(days: number): DpdBucket | null {
  if (days <= 0) return null;
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

/** Whole years between a 'YYYY-MM-DD' birth date and `asOf`. */
export function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

type Pred = (a: SegmentInput) => boolean;

const inRange = (v: number, r: { min?: number | undefined; max?: number | undefined }) =>
  (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);

function compileConditions(c: SegmentConditions, asOf: string): Pred {
  const preds: Pred[] = [];
  if (c.dpdBuckets) {
    const set = new Set<string>(c.dpdBuckets);
    preds.push((a) => {
      const b = dpdBucket(a.daysPastDue);
      return b !== null && set.has(b);
    });
  }
  if (c.daysPastDue) {
    const r = c.daysPastDue;
    preds.push((a) => inRange(a.daysPastDue, r));
  }
  if (c.balance) {
    const r = c.balance;
    preds.push((a) => a.currency === r.currency && inRange(a.balanceMinor, r));
  }
  if (c.paymentHistory) {
    const set = new Set<string>(c.paymentHistory);
    preds.push((a) => set.has(a.profile));
  }
  if (c.products) {
    const set = new Set(c.products.map((p) => p.toLowerCase()));
    preds.push((a) => set.has(a.product.toLowerCase()));
  }
  if (c.regions) {
    const set = new Set(c.regions.map((p) => p.toUpperCase()));
    preds.push((a) => a.region !== null && set.has(a.region.toUpperCase()));
  }
  if (c.countries) {
    const set = new Set<string>(c.countries);
    preds.push((a) => set.has(a.country));
  }
  if (c.ageYears) {
    const r = c.ageYears;
    preds.push((a) => a.birthDate !== null && inRange(ageOn(a.birthDate, asOf), r));
  }
  if (c.languages) {
    const set = new Set<string>(c.languages);
    preds.push((a) => set.has(a.language));
  }
  return (a) => preds.every((p) => p(a));
}

/** First matching rule wins; no rule → the fallback segment. `asOf` ('YYYY-MM-DD') dates age conditions. */
export function compileSegmenter(ruleSet: SegmentRuleSet, asOf: string): (a: SegmentInput) => string {
  const compiled = ruleSet.rules.map((r) => ({ segment: r.segment, test: compileConditions(r.when, asOf) }));
  return (a) => {
    for (const r of compiled) if (r.test(a)) return r.segment;
    return ruleSet.fallback;
  };
}

export function segmentFor(ruleSet: SegmentRuleSet, a: SegmentInput, asOf: string): string {
  return compileSegmenter(ruleSet, asOf)(a);
}
