import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { percentOfQuoted, percentToPpm, quoteStepMinor, type CurrencyCode, type Money } from '../money';
import { checkArrangement, type NegotiationContext } from './arrangement';
import { buildInstallmentPlan, computeOffers } from './offers';
import { NegotiationPolicySchema, parsePolicy, policyJsonSchema, type NegotiationPolicy } from './policy';
import { coBusinessDay, S2, S2_INPUT, weekdaysExcept } from './testing/fixtures';

const cop = (pesos: number): Money => ({ amountMinor: pesos * 100, currency: 'COP' });

describe('policy schema', () => {
  it('refuses unknown fields, amounts in another currency and a policy that allows nothing', () => {
    expect(parsePolicy({ ...S2_INPUT, bonus: 1 }).ok).toBe(false);
    const wrong = parsePolicy({ ...S2_INPUT, installments: { ...S2_INPUT.installments, minInstallment: { amountMinor: 100, currency: 'USD' } } });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.issues[0]).toEqual({ path: 'installments.minInstallment.currency', message: 'policy.amount_currency_mismatch' });
    const none = parsePolicy({ id: 'x', version: 1, creditorId: 'c', segment: 's', currency: 'USD', graceDays: 0 });
    expect(none.ok).toBe(false);
    expect(parsePolicy({ ...S2_INPUT, payInFull: { maxDiscountPercent: 15.12345, maxDaysToPay: 3 } }).ok).toBe(false);
  });
  it('exports a JSON Schema for editors', () => {
    const schema = policyJsonSchema() as { additionalProperties: boolean; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['currency', 'graceDays']));
  });
});

describe('computeOffers (COP, S2, today Wednesday 2026-11-25)', () => {
  const ctx: NegotiationContext = { policy: S2, balance: cop(53_369_636), principal: cop(39_200_000), today: '2026-11-25', isBusinessDay: coBusinessDay };
  const offers = computeOffers(ctx);

  it('pay in full: 15 % off, whole pesos, payable by the last business day within 10 days', () => {
    const pif = offers.find((o) => o.id === 'pay_in_full')!;
    // 15 % of 53.369.636 = 8.005.445,4 → discount rounded down to 8.005.445
    expect(pif.total).toEqual(cop(45_364_191));
    expect(pif.discount).toEqual(cop(8_005_445));
    expect(pif.schedule).toEqual([{ seq: 1, kind: 'single', dueDate: '2026-12-04', amount: cop(45_364_191) }]);
  });

  it('settlement at the larger floor (90 % of principal > 70 % of balance)', () => {
    const s = offers.find((o) => o.id === 'settlement')!;
    expect(s.total).toEqual(cop(37_358_746)); // 70 % of 53.369.636 = 37.358.745,2 → up; 90 % principal = 35.280.000
    expect(s.schedule[0]!.dueDate).toBe('2026-11-30'); // Sat 28, Sun 29 skipped backwards from the 30th limit
  });

  it('installment plans: down payment 10 %, interest and fee, dates off weekends and the 8 and 25 Dec holidays', () => {
    const plan = offers.find((o) => o.id === 'installments:monthly:6')!;
    expect(plan.downPayment).toEqual(cop(5_336_964));
    // financed 48.032.672 × 1.5 % × 6 = 4.322.940,48 → 4.322.940; + fee 50.000
    expect(plan.interest).toEqual(cop(4_322_940));
    expect(plan.fee).toEqual(cop(50_000));
    expect(plan.total).toEqual(cop(53_369_636 + 4_322_940 + 50_000));
    expect(plan.schedule.map((p) => p.dueDate)).toEqual([
      '2026-11-27', // down payment: today + 2
      '2026-12-28', // the 27th is a Sunday
      '2027-01-27',
      '2027-03-01', // Saturday 27 Feb moves to Monday; March is anchored on the 27th again, no drift
      '2027-03-29', // the 27th is a Saturday
      '2027-04-27',
      '2027-05-27',
    ]);
    const inst = plan.schedule.filter((p) => p.kind === 'installment').map((p) => p.amount.amountMinor);
    expect(inst.reduce((a, b) => a + b, 0)).toBe(48_032_672_00 + 4_322_940_00 + 50_000_00);
    expect(Math.max(...inst) - Math.min(...inst)).toBeLessThanOrEqual(100);
  });

  it('offers plans only while the installment reaches the minimum', () => {
    const monthly = offers.filter((o) => o.id.startsWith('installments:monthly:')).map((o) => o.installmentCount);
    expect(monthly[0]).toBe(2);
    expect(monthly.at(-1)).toBe(24); // 48M / 24 ≈ 2.3M ≥ 200k
    const small = computeOffers({ ...ctx, balance: cop(1_000_000), principal: cop(900_000) });
    const counts = small.filter((o) => o.id.startsWith('installments:monthly:')).map((o) => o.installmentCount);
    // 5: (900.000 + 67.500 interest + 50.000 fee) / 5 = 203.500; 6: (900.000 + 81.000 + 50.000) / 6 < 200.000
    expect(Math.max(...counts)).toBe(5);
    for (const o of small) expect(checkArrangement(o, { ...ctx, balance: cop(1_000_000), principal: cop(900_000) })).toEqual([]);
  });

  it('every offer passes the policy check', () => {
    for (const o of offers) expect(checkArrangement(o, ctx)).toEqual([]);
  });

  it('plans laid out once per frequency equal plans built one by one', () => {
    for (const o of offers.filter((x) => x.kind === 'installments')) {
      expect(buildInstallmentPlan(ctx, { count: o.installmentCount, frequency: o.frequency! })).toEqual(o);
    }
  });

  it('a plan one installment over the max term is refused by the check', () => {
    const plan = buildInstallmentPlan(ctx, { count: 25, frequency: 'monthly' })!;
    expect(checkArrangement(plan, ctx).map((x) => x.code)).toContain('policy.term_exceeds_max');
  });

  it('no offers in another currency or for a zero balance', () => {
    expect(computeOffers({ ...ctx, balance: { amountMinor: 100, currency: 'USD' } })).toEqual([]);
    expect(computeOffers({ ...ctx, balance: cop(0) })).toEqual([]);
  });
});

// ---------- properties ----------

const currencyArb = fc.constantFrom<CurrencyCode>('COP', 'CLP', 'MXN', 'PEN', 'USD');
const percentArb = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100); // 2 decimals
const freqsArb = fc.subarray(['weekly', 'biweekly', 'monthly'] as const, { minLength: 1 });

const policyArb = (currency: CurrencyCode) =>
  fc
    .record({
      pif: fc.option(fc.record({ maxDiscountPercent: percentArb, floorAtPrincipal: fc.boolean(), maxDaysToPay: fc.integer({ min: 0, max: 30 }) }), { nil: undefined }),
      settlement: fc.option(
        fc.record({ floorPercentOfBalance: percentArb, floorPercentOfPrincipal: fc.option(percentArb, { nil: undefined }), maxDaysToPay: fc.integer({ min: 0, max: 30 }) }),
        { nil: undefined },
      ),
      inst: fc.option(
        fc.record({
          maxTerm: fc.integer({ min: 2, max: 48 }),
          frequencies: freqsArb,
          minUnits: fc.integer({ min: 1, max: 5_000_000 }),
          down: fc.option(fc.record({ required: fc.boolean(), minPercent: percentArb }), { nil: undefined }),
          feeUnits: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
          rate: fc.option(fc.integer({ min: 0, max: 500 }).map((x) => x / 100), { nil: undefined }),
          maxFirst: fc.integer({ min: 0, max: 30 }),
          defFirst: fc.integer({ min: 0, max: 30 }),
        }),
        { nil: undefined },
      ),
      graceDays: fc.integer({ min: 0, max: 10 }),
    })
    .map(({ pif, settlement, inst, graceDays }) => {
      const step = quoteStepMinor(currency);
      return NegotiationPolicySchema.safeParse({
        id: 'p',
        version: 1,
        creditorId: 'c',
        segment: 's',
        currency,
        payInFull: pif,
        settlement,
        installments: inst && {
          maxTerm: inst.maxTerm,
          frequencies: inst.frequencies,
          minInstallment: { amountMinor: inst.minUnits * step, currency },
          downPayment: inst.down,
          planFee: inst.feeUnits === undefined ? undefined : { amountMinor: inst.feeUnits * step, currency },
          monthlyInterestPercent: inst.rate,
          maxDaysToFirstPayment: inst.maxFirst,
          defaultDaysToFirstPayment: Math.min(inst.defFirst, inst.maxFirst),
        },
        graceDays,
      });
    })
    .filter((r) => r.success)
    .map((r) => r.data as NegotiationPolicy);

const scenarioArb = currencyArb.chain((currency) =>
  fc.record({
    policy: policyArb(currency),
    balanceMinor: fc.integer({ min: 1, max: 10 ** 12 }),
    principalShare: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
    todayOffset: fc.integer({ min: 0, max: 3 * 365 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 6 * 365 }), { maxLength: 60 }),
  }),
);

describe('computeOffers properties', () => {
  it('no offer breaks its policy; totals add up; dates are business days, in the window and strictly increasing', () => {
    fc.assert(
      fc.property(scenarioArb, ({ policy, balanceMinor, principalShare, todayOffset, holidays }) => {
        const base = DateTime.fromISO('2026-01-01', { zone: 'utc' });
        const today = base.plus({ days: todayOffset }).toISODate()!;
        const isBusinessDay = weekdaysExcept(new Set(holidays.map((d) => base.plus({ days: d }).toISODate()!)));
        const balance = { amountMinor: balanceMinor, currency: policy.currency };
        const principal = principalShare === undefined ? undefined : { amountMinor: Math.floor((balanceMinor * principalShare) / 100), currency: policy.currency };
        const ctx: NegotiationContext = { policy, balance, principal, today, isBusinessDay };
        const step = quoteStepMinor(policy.currency);
        const payable = Math.ceil(balanceMinor / step) * step;
        const today10 = (days: number) => DateTime.fromISO(today, { zone: 'utc' }).plus({ days }).toISODate()!;
        // Plain boolean checks collected per offer (one expect per scenario keeps 300 runs fast).
        const broken: string[] = [];
        const check = (ok: boolean, what: string, id: string) => {
          if (!ok) broken.push(`${id}: ${what}`);
        };
        for (const o of computeOffers(ctx)) {
          const violations = checkArrangement(o, ctx);
          check(violations.length === 0, JSON.stringify(violations), o.id);
          // independent restatements of the policy, not through checkArrangement
          check(o.schedule.reduce((a, p) => a + p.amount.amountMinor, 0) === o.total.amountMinor, 'sum', o.id);
          o.schedule.forEach((p, i) => {
            check(p.amount.amountMinor % step === 0, 'quote rounding', o.id);
            check(p.amount.amountMinor > 0, 'positive', o.id);
            check(isBusinessDay(p.dueDate), `business day ${p.dueDate}`, o.id);
            check(p.dueDate >= today, 'not in the past', o.id);
            if (i > 0) check(p.dueDate > o.schedule[i - 1]!.dueDate, 'strictly increasing', o.id);
          });
          if (o.kind === 'pay_in_full') {
            const maxDiscount = percentOfQuoted({ amountMinor: payable, currency: policy.currency }, percentToPpm(policy.payInFull!.maxDiscountPercent), 'up');
            check(payable - o.total.amountMinor <= maxDiscount.amountMinor, 'discount ≤ max', o.id);
            check(o.total.amountMinor <= payable, '≤ payable', o.id);
            if (policy.payInFull!.floorAtPrincipal && principal) check(o.total.amountMinor >= Math.min(principal.amountMinor, payable), '≥ principal', o.id);
            check(o.schedule[0]!.dueDate <= today10(policy.payInFull!.maxDaysToPay), 'pay by', o.id);
          }
          if (o.kind === 'settlement') {
            const floorOk = BigInt(o.total.amountMinor) * 1_000_000n >= BigInt(payable) * BigInt(percentToPpm(policy.settlement!.floorPercentOfBalance));
            check(floorOk || o.total.amountMinor === payable, 'settlement floor', o.id);
            check(o.schedule[0]!.dueDate <= today10(policy.settlement!.maxDaysToPay), 'pay by', o.id);
          }
          if (o.kind === 'installments') {
            const r = policy.installments!;
            const insts = o.schedule.filter((p) => p.kind === 'installment');
            check(insts.length >= 2 && insts.length <= r.maxTerm, 'term', o.id);
            check(insts.every((p) => p.amount.amountMinor >= r.minInstallment.amountMinor), 'min installment', o.id);
            check(r.frequencies.includes(o.frequency!), 'frequency', o.id);
            if (r.downPayment?.required) check(o.schedule[0]!.kind === 'down_payment', 'down payment', o.id);
            check(o.total.amountMinor === payable + o.interest.amountMinor + o.fee.amountMinor, 'plan total', o.id);
            check(o.schedule[0]!.dueDate <= today10(r.maxDaysToFirstPayment), 'first payment', o.id);
          }
        }
        expect(broken).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
