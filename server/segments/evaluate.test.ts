import { describe, expect, it } from 'vitest';
import { ageOn, compileSegmenter, dpdBucket } from './evaluate';
import { SegmentRuleSet, type SegmentInput } from './rules';

const AS_OF = '2026-11-25';
const base: SegmentInput = {
  daysPastDue: 10,
  balanceMinor: 50_000_000,
  currency: 'COP',
  profile: 'occasional_late',
  product: 'tarjeta',
  region: 'ANT',
  country: 'CO',
  birthDate: '1980-06-15',
  language: 'es',
};

const rules = SegmentRuleSet.parse({
  rules: [
    { segment: 'juridico', label: 'Más de 90 días y deuda alta', when: { dpdBuckets: ['90+'], balance: { currency: 'COP', min: 1_000_000_000 } } },
    { segment: 'cronicos', when: { paymentHistory: ['chronic_late'], dpdBuckets: ['31-60', '61-90', '90+'] } },
    { segment: 'temprana', when: { dpdBuckets: ['1-30'] } },
    { segment: 'libranza-ant', when: { products: ['LIBRANZA'], regions: ['ant'] } },
    { segment: 'media', when: { daysPastDue: { min: 31, max: 90 } } },
    { segment: 'mayores', when: { ageYears: { min: 65 } } },
    { segment: 'usa', when: { countries: ['US'], languages: ['en'] } },
  ],
  fallback: 'general',
});

describe('segment evaluation: first matching rule wins', () => {
  const seg = compileSegmenter(rules, AS_OF);
  it.each<[string, Partial<SegmentInput>, string]>([
    ['1–30 days', { daysPastDue: 1 }, 'temprana'],
    ['30 days is still early', { daysPastDue: 30 }, 'temprana'],
    ['31 days, occasional payer', { daysPastDue: 31 }, 'media'],
    ['31 days, chronic payer', { daysPastDue: 31, profile: 'chronic_late' }, 'cronicos'],
    ['90+ with a large COP balance', { daysPastDue: 91, balanceMinor: 1_000_000_000 }, 'juridico'],
    ['90+ just under the amount', { daysPastDue: 91, balanceMinor: 999_999_999, profile: 'chronic_late' }, 'cronicos'],
    ['90+ large balance in another currency', { daysPastDue: 120, balanceMinor: 5_000_000_000, currency: 'USD' }, 'general'],
    ['current account, libranza in Antioquia (case-insensitive)', { daysPastDue: 0, product: 'libranza', region: 'Ant' }, 'libranza-ant'],
    ['libranza elsewhere', { daysPastDue: 0, product: 'libranza', region: 'DC' }, 'general'],
    ['no region', { daysPastDue: 0, product: 'libranza', region: null }, 'general'],
    ['65 on the day', { daysPastDue: 0, birthDate: '1961-11-25' }, 'mayores'],
    ['65 tomorrow', { daysPastDue: 0, birthDate: '1961-11-26' }, 'general'],
    ['no birth date', { daysPastDue: 0, birthDate: null }, 'general'],
    ['US debtor speaking English', { daysPastDue: 0, country: 'US', language: 'en' }, 'usa'],
    ['US debtor speaking Spanish', { daysPastDue: 0, country: 'US', language: 'es' }, 'general'],
  ])('%s → %s', (_name, patch, expected) => {
    expect(seg({ ...base, ...patch })).toBe(expected);
  });

  it('an empty rule set puts everything in the fallback', () => {
    expect(compileSegmenter(SegmentRuleSet.parse({ rules: [], fallback: 'todos' }), AS_OF)(base)).toBe('todos');
  });
});

describe('buckets and ages', () => {
  it.each([
    [0, null],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '90+'],
    [2000, '90+'],
  ])('%i days → %s', (d, b) => expect(dpdBucket(d)).toBe(b));

  it('counts whole years, birthdays on 29 February included', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });
});

describe('rule documents are validated', () => {
  it.each<[string, unknown, string]>([
    ['unknown bucket', { rules: [{ segment: 'a', when: { dpdBuckets: ['0-30'] } }] }, 'rules.0.when.dpdBuckets.0'],
    ['bad segment name', { rules: [{ segment: 'Con Espacios', when: {} }] }, 'rules.0.segment'],
    ['min over max', { rules: [{ segment: 'a', when: { daysPastDue: { min: 60, max: 30 } } }] }, 'rules.0.when.daysPastDue'],
    ['balance without currency', { rules: [{ segment: 'a', when: { balance: { min: 1 } } }] }, 'rules.0.when.balance.currency'],
    ['unknown condition', { rules: [{ segment: 'a', when: { mood: 'angry' } }] }, 'rules.0.when'],
    ['unknown profile', { rules: [{ segment: 'a', when: { paymentHistory: ['sometimes'] } }] }, 'rules.0.when.paymentHistory.0'],
  ])('%s → error at %s', (_n, doc, path) => {
    const r = SegmentRuleSet.safeParse(doc);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
