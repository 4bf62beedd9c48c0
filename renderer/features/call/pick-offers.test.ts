import { describe, expect, it } from 'vitest';
import { pickForPreview } from './pick-offers';

const o = (id: string, kind: string, installmentCount = 1, frequency?: string) => ({ id, kind, installmentCount, frequency });

describe('pickForPreview', () => {
  it('keeps single payments and the shortest/longest plan per frequency, in the policy order', () => {
    const offers = [
      o('full', 'pay_in_full'), o('set', 'settlement'),
      o('m2', 'installments', 2, 'monthly'), o('m6', 'installments', 6, 'monthly'), o('m12', 'installments', 12, 'monthly'),
      o('b4', 'installments', 4, 'biweekly'),
    ];
    const r = pickForPreview(offers);
    expect(r.shown.map((x) => x.id)).toEqual(['full', 'set', 'm2', 'm12', 'b4']);
    expect(r.hidden).toBe(1);
  });
  it('shows everything when there is nothing to fold', () => {
    expect(pickForPreview([o('full', 'pay_in_full')])).toEqual({ shown: [o('full', 'pay_in_full')], hidden: 0 });
  });
});
