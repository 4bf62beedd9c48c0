import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, compare, divRound, MoneyError, MoneySchema, roundToQuote, subtract, sum, money } from './money';
import { applyPpm, percentOfQuoted, percentToPpm, ppmToPercentString, PercentSchema, ratioPpm } from './rate';
import { allocate, allocateByWeights } from './allocate';
import { formatMoney, toDecimalString } from './format';
import { CURRENCY_CODES, quoteStepMinor, type CurrencyCode } from './currency';

const currencyArb = fc.constantFrom(...CURRENCY_CODES);

describe('MoneySchema', () => {
  it('accepts integer minor units and refuses floats, unsafe integers, unknown currencies and extra keys', () => {
    expect(MoneySchema.parse({ amountMinor: 120000000, currency: 'COP' })).toEqual({ amountMinor: 120000000, currency: 'COP' });
    expect(MoneySchema.safeParse({ amountMinor: 1.5, currency: 'COP' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amountMinor: 2 ** 60, currency: 'COP' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amountMinor: 1, currency: 'XYZ' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amountMinor: 1, currency: 'USD', amount: 1 }).success).toBe(false);
  });
});

describe('arithmetic', () => {
  it('refuses mixing currencies', () => {
    expect(() => add(money(1, 'COP'), money(1, 'USD'))).toThrow(MoneyError);
  });
  it('refuses overflow past safe integers', () => {
    expect(() => add(money(Number.MAX_SAFE_INTEGER, 'CLP'), money(1, 'CLP'))).toThrow(/overflow/);
  });
  it('adds, subtracts and compares', () => {
    expect(subtract(add(money(150, 'USD'), money(50, 'USD')), money(25, 'USD'))).toEqual(money(175, 'USD'));
    expect(compare(money(1, 'USD'), money(2, 'USD'))).toBe(-1);
    expect(sum([money(1, 'MXN'), money(2, 'MXN')], 'MXN')).toEqual(money(3, 'MXN'));
  });
  it('divRound rounds down, up and half away from zero', () => {
    expect([divRound(7n, 2n, 'down'), divRound(7n, 2n, 'up'), divRound(7n, 2n, 'half-up')]).toEqual([3n, 4n, 4n]);
    expect([divRound(-7n, 2n, 'down'), divRound(-7n, 2n, 'up'), divRound(-7n, 2n, 'half-up')]).toEqual([-4n, -3n, -4n]);
    expect(divRound(5n, 3n, 'half-up')).toBe(2n);
    expect(divRound(4n, 3n, 'half-up')).toBe(1n);
  });
  it('roundToQuote uses whole pesos for COP and cents for USD', () => {
    expect(roundToQuote(money(120000050, 'COP'))).toEqual(money(120000100, 'COP'));
    expect(roundToQuote(money(120000049, 'COP'))).toEqual(money(120000000, 'COP'));
    expect(roundToQuote(money(120000099, 'COP'), 'down')).toEqual(money(120000000, 'COP'));
    expect(roundToQuote(money(1234, 'USD'))).toEqual(money(1234, 'USD'));
  });
});

describe('rates without float drift', () => {
  it('percent → ppm is exact and refuses more than 4 decimals', () => {
    expect(percentToPpm(15)).toBe(150000);
    expect(percentToPpm(1.85)).toBe(18500);
    expect(percentToPpm(0.1)).toBe(1000);
    expect(percentToPpm(33.3333)).toBe(333333);
    expect(() => percentToPpm(1.23456)).toThrow(/too_many_decimals/);
    expect(PercentSchema.safeParse(1.23456).success).toBe(false);
    expect(PercentSchema.safeParse(101).success).toBe(false);
    expect(ppmToPercentString(18500)).toBe('1.85');
    expect(ppmToPercentString(150000)).toBe('15');
  });
  it('takes 15 % of COP 53.369.636 exactly and rounds to whole pesos', () => {
    const bal = money(5336963600, 'COP');
    expect(applyPpm(bal, 150000)).toEqual(money(800544540, 'COP'));
    expect(percentOfQuoted(bal, 150000)).toEqual(money(800544500, 'COP'));
    expect(percentOfQuoted(bal, 150000, 'up')).toEqual(money(800544600, 'COP'));
  });
  it('0.1 + 0.2 style drift cannot happen: 10 % of 0.30 USD is exactly 3 cents', () => {
    expect(applyPpm(money(30, 'USD'), percentToPpm(10))).toEqual(money(3, 'USD'));
  });
  it('percent math matches an exact rational reference (property)', () => {
    fc.assert(
      fc.property(currencyArb, fc.integer({ min: 0, max: 10 ** 14 }), fc.integer({ min: 0, max: 1_000_000 }), (cur, amt, ppm) => {
        const r = percentOfQuoted(money(amt, cur), ppm, 'down');
        const step = BigInt(quoteStepMinor(cur));
        const exact = BigInt(amt) * BigInt(ppm); // ×1e6
        // r ≤ exact < r + step
        expect(BigInt(r.amountMinor) * 1_000_000n <= exact).toBe(true);
        expect((BigInt(r.amountMinor) + step) * 1_000_000n > exact).toBe(true);
        expect(r.amountMinor % Number(step)).toBe(0);
      }),
    );
  });
  it('ratioPpm', () => {
    expect(ratioPpm(money(25, 'USD'), money(100, 'USD'))).toBe(250000);
  });
});

describe('allocate', () => {
  it('splits COP 1.000.000 in 3 whole-peso parts, remainder first', () => {
    const parts = allocate(money(100000000, 'COP'), 3);
    expect(parts.map((p) => p.amountMinor)).toEqual([33333400, 33333300, 33333300]);
  });
  it('puts centavos of a COP total on the first part', () => {
    const parts = allocate(money(100000050, 'COP'), 2);
    expect(parts.map((p) => p.amountMinor)).toEqual([50000050, 50000000]);
  });
  it('can send the remainder to the last parts', () => {
    expect(allocate(money(100, 'USD'), 3, { remainderTo: 'last' }).map((p) => p.amountMinor)).toEqual([33, 33, 34]);
  });
  it('refuses n < 1 and negative totals', () => {
    expect(() => allocate(money(100, 'USD'), 0)).toThrow(MoneyError);
    expect(() => allocate(money(-100, 'USD'), 2)).toThrow(MoneyError);
  });
  it('parts add up exactly, differ by at most one quote step, and are quote-rounded (property)', () => {
    fc.assert(
      fc.property(currencyArb, fc.integer({ min: 0, max: 10 ** 14 }), fc.integer({ min: 1, max: 250 }), (cur: CurrencyCode, amt, n) => {
        const parts = allocate(money(amt, cur), n);
        const step = quoteStepMinor(cur);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, p) => a + p.amountMinor, 0)).toBe(amt);
        const rest = parts.slice(1).map((p) => p.amountMinor);
        rest.forEach((p) => expect(p % step).toBe(0));
        const all = [parts[0]!.amountMinor - (amt % step), ...rest];
        expect(Math.max(...all) - Math.min(...all)).toBeLessThanOrEqual(step);
      }),
    );
  });
  it('allocateByWeights adds up exactly (property)', () => {
    fc.assert(
      fc.property(currencyArb, fc.integer({ min: 0, max: 10 ** 12 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)), (cur, amt, w) => {
        const parts = allocateByWeights(money(amt, cur), w);
        expect(parts.reduce((a, p) => a + p.amountMinor, 0)).toBe(amt);
        parts.forEach((p, i) => {
          if (w[i] === 0 && i > 0) expect(p.amountMinor).toBe(0);
        });
      }),
    );
  });
});

describe('formatMoney', () => {
  const table: Array<[number, CurrencyCode, string, 'symbol' | 'code', string]> = [
    [120000000, 'COP', 'es-CO', 'symbol', '$ 1.200.000'],
    [120000000, 'COP', 'es-CO', 'code', 'COP 1.200.000'],
    [120000000, 'COP', 'en-US', 'code', 'COP 1,200,000'],
    [1200000, 'CLP', 'es-CL', 'symbol', '$1.200.000'],
    [123456789, 'MXN', 'es-MX', 'symbol', '$1,234,567.89'],
    [35050, 'PEN', 'es-PE', 'symbol', 'S/ 350.50'],
    [1250, 'USD', 'en-US', 'symbol', '$12.50'],
  ];
  for (const [minor, cur, locale, display, expected] of table) {
    it(`${minor} ${cur} ${locale} ${display} → ${expected}`, () => {
      expect(formatMoney(money(minor, cur), locale, { display }).replace(/[\u00a0\u202f]/g, ' ')).toBe(expected);
    });
  }
  it('is exact for amounts beyond float cents precision', () => {
    expect(toDecimalString(money(9007199254740991, 'USD'), 2)).toBe('90071992547409.91');
    expect(formatMoney(money(9007199254740991, 'USD'), 'en-US')).toBe('$90,071,992,547,409.91');
  });
  it('rounds COP centavos half-up to whole pesos', () => {
    expect(toDecimalString(money(150, 'COP'))).toBe('2');
    expect(toDecimalString(money(149, 'COP'))).toBe('1');
  });
});
