import { afterEach, describe, expect, it } from 'vitest';
import { buildBaseRules } from '../../../shared/compliance/jurisdictions';
import { freshStore } from '../testing/store-fixture';
import { mergeAttempts, type AttemptRecord, type ContactFact } from './attempt-history';
import { createRulebookSource } from './rulebook-source';

const regf = buildBaseRules().countries.US!.caps.find((c) => c.id === 'us.regf.7in7')!;
let store: ReturnType<typeof freshStore> | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

function withPolicies(bodies: Array<[creditor: string, body: unknown]>) {
  store = freshStore();
  const db = store.db;
  for (const [c] of bodies) db.prepare("INSERT OR IGNORE INTO creditors (id, name, country) VALUES (?, ?, 'US')").run(c, c);
  bodies.forEach(([c, body], i) => {
    db.prepare('INSERT INTO policies (id, creditor_id, segment, version, body) VALUES (?, ?, ?, 1, ?)').run(`P${i}`, c, 'early', JSON.stringify(body));
  });
  return db;
}

describe('the desk rulebook from the store', () => {
  it("applies a creditor's tightening carried by its policy, and refuses one that loosens (logged, legal floor applies)", () => {
    const logged: unknown[] = [];
    const db = withPolicies([
      ['ACME', { rules: [], compliance: { US: { caps: [{ ...regf, max: 5 }] } } }],
      ['LAX', { compliance: { US: { caps: [{ ...regf, max: 9 }] } } }],
      ['PLAIN', { rules: [] }],
    ]);
    const src = createRulebookSource(db, { log: (_l, msg, detail) => logged.push({ msg, detail }) });
    const rules = src.rules();
    const capOf = (creditor: string) => rules.ruleSets(creditor, 'US', 'NY')[0]!.caps.find((c) => c.id === 'us.regf.7in7')!.max;
    expect(capOf('ACME')).toBe(5);
    expect(capOf('LAX')).toBe(7);
    expect(capOf('PLAIN')).toBe(7);
    expect(logged).toEqual([expect.objectContaining({
      msg: expect.stringContaining('creditor LAX'),
      detail: expect.objectContaining({ key: 'compliance.ruleError.override_loosens_rule', params: expect.objectContaining({ ruleId: 'us.regf.7in7', field: 'max' }) }),
    })]);
    // A pulled policy change is picked up (after invalidate, or within half a second).
    db.prepare('UPDATE policies SET body = ?, version = 2 WHERE id = ?').run(JSON.stringify({ compliance: { US: { caps: [{ ...regf, max: 3 }] } } }), 'P0');
    src.invalidate();
    expect(src.rules().ruleSets('ACME', 'US', 'NY')[0]!.caps.find((c) => c.id === 'us.regf.7in7')!.max).toBe(3);
  });
});

describe('mergeAttempts', () => {
  const attempt = (at: string, phone: string | null = '+12125550100'): AttemptRecord => ({
    seq: 1, at, atMs: Date.parse(at), actor: 'u', action: 'contact_attempt', debtorId: 'D', accountId: 'A', channel: 'call', phoneE164: phone,
  });
  const contact = (at: string, over: Partial<ContactFact> = {}): ContactFact => ({
    atMs: Date.parse(at), channel: 'call', accountId: 'A', direction: 'outbound', phoneE164: '+12125550100', ...over,
  });
  it.each([
    ['a contact saved for the dial stands for it', [contact('2026-03-12T14:00:20Z')], 1],
    ['a contact 20 minutes later is another call', [contact('2026-03-12T14:20:00Z')], 2],
    ['an inbound contact does not stand for a dial', [contact('2026-03-12T14:00:20Z', { direction: 'inbound' })], 2],
    ['another number is another call', [contact('2026-03-12T14:00:20Z', { phoneE164: '+12125550199' })], 2],
    ['an SMS is not the call', [contact('2026-03-12T14:00:20Z', { channel: 'sms' })], 2],
    ['no contact: the dial counts alone', [], 1],
  ])('%s', (_what, contacts, expected) => {
    expect(mergeAttempts(contacts, [attempt('2026-03-12T14:00:00Z')])).toHaveLength(expected);
  });
  it('one contact stands for one dial only', () => {
    expect(mergeAttempts([contact('2026-03-12T14:00:20Z')], [attempt('2026-03-12T14:00:00Z'), attempt('2026-03-12T14:01:00Z')])).toHaveLength(2);
  });
});
