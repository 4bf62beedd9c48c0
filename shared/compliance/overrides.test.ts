import { describe, expect, it } from 'vitest';
import { buildBaseRules } from './jurisdictions';
import { ComplianceRuleError, applyCreditorOverrides } from './overrides';
import { createRulebook } from './rulebook';
import { calls, run } from './test-support/cases';
import { formatRuleError } from './messages';

const base = buildBaseRules();
const us = base.countries.US!;
const co = base.countries.CO!;
const regf = us.caps.find((c) => c.id === 'us.regf.7in7')!;
const usHours = us.hours[0]!;

function refusal(fn: () => unknown): ComplianceRuleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ComplianceRuleError) return e;
    throw e;
  }
  throw new Error('expected a ComplianceRuleError');
}

describe('applyCreditorOverrides', () => {
  it('accepts a tighter cap and a narrower window, and adds new constraints', () => {
    const next = applyCreditorOverrides(us, {
      caps: [{ ...regf, max: 5 }, { ...regf, id: 'acme.sms_daily', channels: ['sms'], counts: ['sms'], windowDays: 1, max: 1, excludePriorConsent: false }],
      hours: [{ ...usHours, week: { ...usHours.week, mon: [{ from: '09:00', to: '12:00' }, { from: '14:00', to: '20:00' }] } }],
      holidays: [{ id: 'acme.holidays', channels: ['call'], source: 'creditor policy' }],
    });
    expect(next.caps.find((c) => c.id === 'us.regf.7in7')!.max).toBe(5);
    expect(next.caps.map((c) => c.id)).toContain('acme.sms_daily');
    expect(next.holidays).toHaveLength(1);
    expect(us.caps.find((c) => c.id === 'us.regf.7in7')!.max).toBe(7); // base untouched
  });

  it.each([
    ['a higher cap', { caps: [{ ...regf, max: 8 }] }, 'us.regf.7in7', 'max'],
    ['a shorter window', { caps: [{ ...regf, windowDays: 5 }] }, 'us.regf.7in7', 'windowDays'],
    ['counting only conversations', { caps: [{ ...regf, countOnly: 'conversations' }] }, 'us.regf.7in7', 'countOnly'],
    ['dropping a channel', { hours: [{ ...usHours, channels: ['call'] }] }, 'us.fdcpa.hours', 'channels'],
    ['an earlier start', { hours: [{ ...usHours, week: { ...usHours.week, tue: [{ from: '07:30', to: '21:00' }] } }] }, 'us.fdcpa.hours', 'week.tue'],
    ['a shorter wait after a conversation', { afterConversation: [{ ...us.afterConversation[0]!, days: 3 }] }, 'us.regf.after_conversation', 'days'],
    ['an overridable cease flag', { flags: [{ ...us.flags[0]!, overridable: true }] }, 'flag.cease_communication', 'overridable'],
  ])('refuses %s', (_label, ov, ruleId, field) => {
    const err = refusal(() => applyCreditorOverrides(us, ov));
    expect(err.code).toBe('override_loosens_rule');
    expect(err.params).toMatchObject({ ruleId, field });
    expect(err.key).toBe('compliance.ruleError.override_loosens_rule');
    expect(formatRuleError(err, 'es')).toContain(ruleId);
  });

  it("refuses dropping Colombia's channel authorization and per-debtor scope", () => {
    expect(refusal(() => applyCreditorOverrides(co, { requireAuthorizedChannels: false })).params.field).toBe('requireAuthorizedChannels');
    const daily = co.caps.find((c) => c.id === 'co.ley2300.daily')!;
    expect(refusal(() => applyCreditorOverrides(co, { caps: [{ ...daily, scope: 'debt' }] })).params.field).toBe('scope');
  });

  it('refuses malformed overrides with the path of the problem', () => {
    const err = refusal(() => applyCreditorOverrides(us, { caps: [{ ...regf, max: -1 }] }));
    expect(err.code).toBe('override_invalid');
    expect(err.params.field).toBe('caps.0.max');
    expect(refusal(() => applyCreditorOverrides(us, { removeRules: ['us.regf.7in7'] })).code).toBe('override_invalid');
  });

  it('a rulebook applies the creditor tightening to that creditor only', () => {
    const rules = createRulebook({ creditorOverrides: { cred1: { US: { caps: [{ ...regf, max: 2 }] } } } });
    const history = calls(['2026-07-13T15:00:00Z', '2026-07-14T15:00:00Z']);
    const mine = run({ name: '', rules, debtor: { country: 'US', region: 'NY' }, history, at: '2026-07-15T15:00:00Z', allowed: false });
    expect(mine.allowed).toBe(false);
    expect(createRulebook().compiled('cred1', 'US', 'NY')!.counters.find((c) => c.id === 'us.regf.7in7')!.max).toBe(7);
    expect(() => createRulebook({ creditorOverrides: { cred1: { US: { caps: [{ ...regf, max: 9 }] } } } })).toThrow(ComplianceRuleError);
  });
});

describe('lead override', () => {
  const late = { name: '', debtor: { country: 'US', region: 'NY' }, at: '2026-07-15T01:30:00Z', allowed: false };

  it('lets a lead with a reason dial outside hours, and returns what was overridden', () => {
    const d = run({ ...late, override: { by: 'lead-7', role: 'lead', reason: 'Debtor asked to be called back at 21:30' } });
    expect(d).toMatchObject({ allowed: true, override: { by: 'lead-7', role: 'lead', reason: 'Debtor asked to be called back at 21:30' } });
    if (d.allowed) expect(d.override!.overridden.map((r) => r.code)).toEqual(['outside_hours']);
  });

  it.each([
    [{ by: 'agent-1', role: 'agent', reason: 'I think it is fine' }, 'role'],
    [{ by: '', role: 'lead', reason: 'Debtor asked for it' }, 'by'],
    [{ by: 'lead-7', role: 'lead', reason: ' ok ' }, 'reason'],
  ])('refuses an override without a lead or a reason (%j)', (override, field) => {
    const d = run({ ...late, override });
    expect(d.allowed).toBe(false);
    if (!d.allowed) {
      expect(d.reasons).toContainEqual({ code: 'override_invalid', params: expect.objectContaining({ field }) });
      expect(d.nextAllowedAt).toBe('2026-07-15T12:00:00.000Z');
    }
  });

  it('cannot override a cease-communication flag', () => {
    const d = run({ ...late, debtor: { country: 'US', region: 'NY', flags: ['cease_communication'] }, override: { by: 'lead-7', role: 'lead', reason: 'Debtor asked to be called back' } });
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.reasons.map((r) => r.code)).toContain('override_not_permitted');
  });
});
