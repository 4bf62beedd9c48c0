import { describe, expect, it } from 'vitest';
import { EXAMPLE_RULE_SET, parseRuleSetText, summarizeRules } from './rule-text';

describe('parseRuleSetText', () => {
  it('reads a rule document and says on which line bad JSON broke', () => {
    expect(parseRuleSetText(JSON.stringify(EXAMPLE_RULE_SET))).toMatchObject({ ok: true });
    const bad = parseRuleSetText('{\n  "rules": [\n    { "segment": "a", }\n  ]\n}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.line).toBe(3);
  });
  it('refuses a document that is not an object', () => {
    expect(parseRuleSetText('[]')).toMatchObject({ ok: false });
    expect(parseRuleSetText('null')).toMatchObject({ ok: false });
  });
});

describe('summarizeRules', () => {
  it('lists each rule with its segment and readable conditions', () => {
    const s = summarizeRules({
      rules: [{ segment: 'alto', when: { dpdBuckets: ['90+'], balance: { currency: 'COP', min: 100, max: 900 } } }],
      fallback: 'resto',
    });
    expect(s.fallback).toBe('resto');
    expect(s.rules[0]).toEqual({
      index: 0, segment: 'alto', label: '',
      conditions: [{ key: 'dpdBuckets', text: '90+' }, { key: 'balance', text: 'COP ≥ 100 ≤ 900' }],
    });
  });
  it('shows odd shapes instead of dropping them', () => {
    expect(summarizeRules({ rules: [42] }).rules[0]).toMatchObject({ segment: '?', conditions: [] });
  });
});
