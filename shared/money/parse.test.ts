import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMoneyInput } from './parse';
import { formatMoney } from './format';
import { CURRENCY_CODES, minorExponent, quoteStepMinor, type CurrencyCode } from './currency';

describe('parseMoneyInput', () => {
  const ok: Array<[string, CurrencyCode, string, number]> = [
    ['1.234.567,89', 'MXN', 'es-CO', 123456789],
    ['1,234,567.89', 'MXN', 'es-MX', 123456789],
    ['1,234,567.89', 'USD', 'es-CO', 123456789], // both marks: the last one is decimal whatever the locale
    ['$ 1.200.000', 'COP', 'es-CO', 120000000],
    ['$ 1.200.000', 'COP', 'en-US', 120000000], // repeated mark is grouping
    ['1.200', 'COP', 'en-US', 120000], // COP has no quoted decimals: ".200" can only be a group
    ['1.200', 'CLP', 'es-CL', 1200],
    ['COP 1200000', 'COP', 'es-CO', 120000000],
    ['1200000 COP', 'COP', 'es-CO', 120000000],
    ['S/ 350.50', 'PEN', 'es-PE', 35050],
    ['S/. 350,5', 'PEN', 'es-CO', 35050],
    ['US$ 12.5', 'USD', 'en-US', 1250],
    ['12,5', 'USD', 'en-US', 1250], // "12,5" is not a group of three: it is a decimal mark
    ['1,234', 'USD', 'en-US', 123400],
    ['  1 234 567,00 ', 'COP', 'es-CO', 123456700],
    ['0', 'COP', 'es-CO', 0],
    ['1.200.000,00', 'COP', 'es-CO', 120000000], // trailing zero decimals are fine
    ['$1,200,000', 'CLP', 'en-US', 1200000],
  ];
  for (const [text, cur, locale, minor] of ok) {
    it(`parses ${JSON.stringify(text)} ${cur} ${locale}`, () => {
      expect(parseMoneyInput(text, cur, locale)).toEqual({ ok: true, value: { amountMinor: minor, currency: cur } });
    });
  }

  const bad: Array<[string, CurrencyCode, string, string, Record<string, unknown>?]> = [
    ['', 'COP', 'es-CO', 'money.empty'],
    ['   ', 'COP', 'es-CO', 'money.empty'],
    ['-1.000', 'COP', 'es-CO', 'money.negative'],
    ['$ -1.000', 'COP', 'es-CO', 'money.negative'],
    ['(1.000)', 'COP', 'es-CO', 'money.negative'],
    ['1.000-', 'COP', 'es-CO', 'money.negative'],
    ['abc', 'COP', 'es-CO', 'money.not_numeric'],
    ['12a3', 'COP', 'es-CO', 'money.not_numeric'],
    ['1e6', 'COP', 'es-CO', 'money.not_numeric'],
    ['1.23.456', 'COP', 'es-CO', 'money.invalid_grouping'],
    ['12.34.567', 'COP', 'es-CO', 'money.invalid_grouping'],
    ['1.200.000,5', 'COP', 'es-CO', 'money.too_many_decimals', { max: 0, currency: 'COP' }],
    ['1,234', 'USD', 'es-CO', 'money.too_many_decimals', { max: 2, currency: 'USD' }],
    ['10.555', 'MXN', 'en-US', 'money.too_many_decimals', { max: 2, currency: 'MXN' }],
    ['USD 100', 'COP', 'es-CO', 'money.currency_mismatch', { typed: 'USD', expected: 'COP' }],
    ['99999999999999999999', 'COP', 'es-CO', 'money.too_large'],
  ];
  for (const [text, cur, locale, code, params] of bad) {
    it(`refuses ${JSON.stringify(text)} ${cur} ${locale} with ${code}`, () => {
      const r = parseMoneyInput(text, cur, locale);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        if (params) expect(r.error.params).toMatchObject(params);
      }
    });
  }

  it('minor precision accepts COP centavos', () => {
    expect(parseMoneyInput('1.200.000,50', 'COP', 'es-CO', { precision: 'minor' })).toEqual({
      ok: true,
      value: { amountMinor: 120000050, currency: 'COP' },
    });
  });

  it('round-trips formatMoney output in the currency default locale and in en-US/es-CO (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.integer({ min: 0, max: 10 ** 13 }),
        fc.constantFrom('es-CO', 'en-US', 'es-MX', 'es-CL', 'es-PE'),
        fc.constantFrom('symbol', 'code') as fc.Arbitrary<'symbol' | 'code'>,
        (cur, units, locale, display) => {
          const step = quoteStepMinor(cur);
          const m = { amountMinor: units * step, currency: cur };
          const text = formatMoney(m, locale, { display });
          const back = parseMoneyInput(text, cur, locale);
          expect(back).toEqual({ ok: true, value: m });
        },
      ),
      { numRuns: 400 },
    );
    expect(minorExponent('COP')).toBe(2);
  });

  it('never throws on arbitrary text and only returns safe, non-negative integers (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,-$ ()COPUSDabcS/€\u00a0'.split('')), maxLength: 30 }), fc.constantFrom(...CURRENCY_CODES), fc.constantFrom('es-CO', 'en-US'), (text, cur, locale) => {
        const r = parseMoneyInput(text, cur, locale);
        if (r.ok) {
          expect(Number.isSafeInteger(r.value.amountMinor)).toBe(true);
          expect(r.value.amountMinor).toBeGreaterThanOrEqual(0);
        } else {
          expect(r.error.code).toMatch(/^money\./);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
