import { describe, expect, it } from 'vitest';
import { addRule, formToRule, moveRule, removeRule, ruleToForm } from './rule-form';

describe('rule form', () => {
  it('round-trips a rule, balances in major units on screen and minor units in the document', () => {
    const rule = {
      segment: 'alto', label: 'Saldo alto', extraKey: 1,
      when: { dpdBuckets: ['90+'], balance: { currency: 'COP', min: 500_000_00 }, regions: ['ANT', 'DC'], futureCondition: true },
    };
    const f = ruleToForm(rule);
    expect(f).toMatchObject({ segment: 'alto', currency: 'COP', balanceMin: '500000', balanceMax: '', regions: 'ANT, DC', dpdBuckets: ['90+'] });
    expect(formToRule(f, rule)).toEqual(rule);
    expect(formToRule({ ...f, balanceMax: '2000000', regions: '', paymentHistory: ['chronic_late'] }, rule).when).toEqual({
      dpdBuckets: ['90+'], balance: { currency: 'COP', min: 500_000_00, max: 2_000_000_00 }, futureCondition: true, paymentHistory: ['chronic_late'],
    });
  });
  it('keeps what is not a number as text, so the server names that field', () => {
    const f = ruleToForm({ segment: 'x', when: {} });
    expect(formToRule({ ...f, dpdMin: 'treinta' }, {}).when).toEqual({ daysPastDue: { min: 'treinta' } });
  });
  it('adds, removes and moves rules', () => {
    const doc = addRule(addRule({ fallback: 'general' }, 'a'), 'b');
    expect(doc).toEqual({ fallback: 'general', rules: [{ segment: 'a', when: {} }, { segment: 'b', when: {} }] });
    expect((moveRule(doc, 1, -1).rules as { segment: string }[]).map((r) => r.segment)).toEqual(['b', 'a']);
    expect(moveRule(doc, 0, -1)).toBe(doc);
    expect(removeRule(doc, 0).rules).toEqual([{ segment: 'b', when: {} }]);
  });
});
