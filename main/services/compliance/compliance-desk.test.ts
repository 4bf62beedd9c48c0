/**
 * Compliance wired into the desk, end to end through the contract (`desk.dispatch`) over a real encrypted store:
 * the dial check with its audit rows, Reg F's 7-in-7 counting the dials themselves, a cease flag arriving by pull
 * while offline, a lead's override (an agent's refused), the queue's deferral, the debtor-view audit, and the
 * hash chain verified after all of it, then a tampered row named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api/envelope';
import type { AttemptReview, AuditVerdict, DialDecision } from '../../../shared/api/methods/compliance';
import type { QueueItem } from '../../../shared/api/methods/portfolio';
import type { PortfolioSlice } from '../../../shared/domain/portfolio';
import type { User } from '../../../shared/domain/users';
import { openDesk, type Desk } from '../desk';
import { SliceWriter } from '../portfolio/slice-writer';
import { createPullApplier } from '../sync/pull-apply';
import { makeVerifier } from '../session/verifier';
import { keyFileProvider } from '../store/key-file';
import { tempDir } from '../testing/temp';
import { DEFERRED_INDEFINITELY } from './compliance-service';

const PASSWORD = 'clave-de-prueba';
const AGENT: User = { id: 'u-agent', username: 'agent9', displayName: 'Ana Agente', role: 'agent', teamId: 't1' };
const LEAD: User = { id: 'u-lead', username: 'lead9', displayName: 'Luis Líder', role: 'lead', teamId: 't1' };

/** Three New York debtors (EDT in March 2026, UTC−4), one account and one 212 number each. */
function slice(flags: Record<string, string[]> = {}, updatedAt = '2026-03-01T12:00:00.000Z'): PortfolioSlice {
  const ids = ['NY1', 'NY2', 'NY3'];
  return {
    creditors: [{ id: 'C1', name: 'Banco Uno', country: 'US' }],
    debtors: ids.map((id, i) => ({
      id: `D-${id}`, creditorId: 'C1', fullName: `Deudor ${id}`, documentType: 'SSN', documentId: `00${i}`, birthDate: null,
      country: 'US', region: 'NY', city: 'New York', timeZone: 'America/New_York', language: 'en',
      flags: (flags[`D-${id}`] ?? []) as PortfolioSlice['debtors'][number]['flags'], profile: 'unknown', updatedAt,
    })),
    accounts: ids.map((id) => ({
      id: `A-${id}`, debtorId: `D-${id}`, creditorId: 'C1', accountNumber: `N-${id}`, product: 'card', currency: 'USD',
      balanceMinor: 150_000, principalMinor: 120_000, daysPastDue: 60, dueSince: '2026-01-01', lastPaymentAt: null,
      segment: 'early', assignedAgentId: AGENT.id, status: 'active', updatedAt,
    })),
    phones: ids.map((id, i) => ({
      id: `P-${id}`, debtorId: `D-${id}`, e164: `+1212555010${i}`, type: 'mobile', valid: true, status: 'ok', updatedAt,
    })),
    payments: [], contacts: [], promises: [], callbacks: [], policies: [],
  };
}

const profile = tempDir('recaudo-compliance-');
let desk: Desk;
let clock = new Date('2026-03-11T14:00:00.000Z');

function value<T>(env: Envelope): T {
  if (!env.ok) throw new Error(`call failed: ${JSON.stringify(env.error)}`);
  return env.value as T;
}
const at = (iso: string) => { clock = new Date(iso); };
const login = async (u: User) => value(await desk.dispatch('session.login', { username: u.username, password: PASSWORD }));
const dial = async (debtor: string) =>
  value<DialDecision>(await desk.dispatch('compliance.checkDial', { debtorId: `D-${debtor}`, accountId: `A-${debtor}`, phoneE164: `+1212555010${['NY1', 'NY2', 'NY3'].indexOf(debtor)}`, channel: 'call' }));
const lastAudit = () => desk.db.prepare('SELECT seq, actor, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
  { seq: number; actor: string; action: string; subject: string; detail: string };

beforeAll(async () => {
  // The server is unreachable: everything below runs from the local store, as on a desk that lost the network.
  desk = openDesk({
    userDataDir: profile.dir, keyProvider: keyFileProvider(profile.dir), serverUrl: 'http://127.0.0.1:9', now: () => clock,
    log: () => {}, serverTimeoutMs: 300,
  });
  const save = desk.db.prepare('INSERT INTO local_users (username, user_json, verifier, last_login_at) VALUES (?, ?, ?, ?)');
  for (const u of [AGENT, LEAD]) save.run(u.username, JSON.stringify(u), await makeVerifier(PASSWORD), clock.toISOString());
  const w = new SliceWriter(desk.db);
  const gen = w.begin();
  w.applyPage(gen, slice());
  w.finish(gen);
  await login(AGENT);
}, 30_000);
afterAll(() => {
  desk?.close();
  profile.cleanup();
});

describe('the dial check on the desk', () => {
  it('blocks a call at 21:05 in the debtor\'s zone, says why and when, and audits the block', async () => {
    at('2026-03-12T01:05:00.000Z'); // Wed 11 March, 21:05 in New York
    const d = await dial('NY1');
    expect(d.allowed).toBe(false);
    expect(d.reasons.map((r) => r.code)).toEqual(['outside_hours']);
    expect(d.reasons[0]!.params).toMatchObject({ zone: 'America/New_York', localTime: '2026-03-11 21:05' });
    expect(d.nextAllowedAt).toBe('2026-03-12T12:00:00.000Z'); // Thursday 08:00 EDT
    expect(d).toMatchObject({ debtorZone: 'America/New_York', zones: ['America/New_York'], overridable: true, override: null });
    const row = lastAudit();
    expect(row).toMatchObject({ seq: d.auditSeq, actor: AGENT.id, action: 'contact_blocked', subject: 'debtor:D-NY1' });
    expect(JSON.parse(row.detail)).toMatchObject({ phoneE164: '+12125550100', nextAllowedAt: '2026-03-12T12:00:00.000Z', reasons: [{ code: 'outside_hours' }] });
  });

  it('allows it at 08:00 sharp and audits the attempt', async () => {
    at('2026-03-12T11:59:00.000Z');
    expect((await dial('NY1')).allowed).toBe(false); // 07:59
    at('2026-03-12T12:00:00.000Z');
    const d = await dial('NY1');
    expect(d).toMatchObject({ allowed: true, reasons: [], nextAllowedAt: null });
    expect(lastAudit()).toMatchObject({ seq: d.auditSeq, action: 'contact_attempt', subject: 'debtor:D-NY1' });
  });

  it('refuses an unknown debtor or an account of someone else, naming it', async () => {
    const none = await desk.dispatch('compliance.checkDial', { debtorId: 'D-XX', phoneE164: '+12125550100', channel: 'call' });
    expect(none.ok ? null : none.error).toMatchObject({ code: 'not_found', key: 'errors.portfolio.debtorNotFound', params: { debtorId: 'D-XX' } });
    const other = await desk.dispatch('compliance.checkDial', { debtorId: 'D-NY1', accountId: 'A-NY2', phoneE164: '+12125550100', channel: 'call' });
    expect(other.ok ? null : other.error).toMatchObject({ code: 'not_found', key: 'errors.compliance.accountNotFound', params: { accountId: 'A-NY2' } });
    const badPhone = await desk.dispatch('compliance.checkDial', { debtorId: 'D-NY1', phoneE164: '212-555', channel: 'call' });
    expect(badPhone.ok ? null : badPhone.error).toMatchObject({ code: 'invalid_input', params: { field: 'phoneE164' } });
  });

  it('counts the dials themselves toward Reg F: the 8th call in 7 days is blocked (a saved contact is not counted twice)', async () => {
    const days = ['2026-03-12T14:00', '2026-03-12T14:30', '2026-03-13T14:00', '2026-03-14T14:00', '2026-03-15T14:00', '2026-03-16T14:00', '2026-03-17T14:00'];
    for (const [i, t] of days.entries()) {
      at(`${t}:00.000Z`);
      expect((await dial('NY2')).allowed, `call ${i + 1}`).toBe(true);
      if (i === 0) {
        // The agent saved a disposition for the first call (no conversation): it stands for that dial.
        desk.db.prepare(`INSERT INTO contacts (id, debtor_id, account_id, agent_id, channel, direction, phone_e164, started_at, ended_at,
          outcome, reason, notes, mos, conversation, local_hour) VALUES ('K1', 'D-NY2', 'A-NY2', ?, 'call', 'outbound', '+12125550101',
          '2026-03-12T14:00:05.000Z', '2026-03-12T14:01:00.000Z', 'no_answer', NULL, '', NULL, 0, 10)`).run(AGENT.id);
      }
    }
    at('2026-03-18T13:00:00.000Z'); // 09:00 EDT on the 7th day
    const eighth = await dial('NY2');
    expect(eighth.allowed).toBe(false);
    expect(eighth.reasons).toEqual([expect.objectContaining({ code: 'frequency_cap', params: expect.objectContaining({ ruleId: 'us.regf.7in7', max: 7, windowDays: 7 }) })]);
    // The two calls of 12 March leave the 7-day window on the 19th, at the start of the calling day.
    expect(eighth.nextAllowedAt).toBe('2026-03-19T12:00:00.000Z');
    expect(eighth.overridable).toBe(true);
  });
});

describe('a cease flag that arrives by pull while the agent works offline', () => {
  let attemptAt: string;
  it('applies at the next check; the attempt made before it is judged good faith', async () => {
    at('2026-03-12T15:00:00.000Z');
    attemptAt = clock.toISOString();
    expect((await dial('NY3')).allowed).toBe(true);
    // The debtor's cease letter was recorded on the server at 14:30 (before the call); the desk learns at 16:00.
    at('2026-03-12T16:00:00.000Z');
    // The sync engine's own applier, with the page of changes the server would send.
    const changed = slice({ 'D-NY3': ['cease_communication'] }, '2026-03-12T14:30:00.000Z');
    createPullApplier(desk.db).apply({
      slice: { ...changed, creditors: [], debtors: changed.debtors.filter((d) => d.id === 'D-NY3'), accounts: [], phones: [] },
      scripts: [], removedAccounts: [], cursor: 'c-1', more: false, full: 'none',
    }, null);
    const next = await dial('NY3');
    expect(next).toMatchObject({ allowed: false, nextAllowedAt: null, overridable: false });
    expect(next.reasons).toEqual([{ code: 'stop_flag', params: expect.objectContaining({ flag: 'cease_communication' }) }]);
    const flagRow = desk.db.prepare("SELECT at, detail FROM audit_log WHERE action = 'flag_changed' AND subject = 'debtor:D-NY3'").get() as { at: string; detail: string };
    expect(flagRow.at).toBe('2026-03-12T16:00:00.000Z');
    expect(JSON.parse(flagRow.detail)).toMatchObject({ added: ['cease_communication'], effectiveAt: '2026-03-12T14:30:00.000Z' });

    await login(LEAD);
    const review = value<AttemptReview[]>(await desk.dispatch('compliance.attempts', { debtorId: 'D-NY3' }));
    expect(review).toEqual([expect.objectContaining({ at: attemptAt, actor: AGENT.id, status: 'good_faith', flags: ['cease_communication'] })]);
    // And no lead can override a debtor's cease request.
    const forced = value<DialDecision>(await desk.dispatch('compliance.override', { debtorId: 'D-NY3', phoneE164: '+12125550102', channel: 'call', reason: 'El deudor llamó pidiendo hablar' }));
    expect(forced.allowed).toBe(false);
    expect(forced.reasons.map((r) => r.code)).toEqual(['stop_flag', 'override_not_permitted']);
    expect(lastAudit()).toMatchObject({ action: 'contact_blocked', actor: LEAD.id });
    await login(AGENT);
  });
});

describe('overrides', () => {
  const target = { debtorId: 'D-NY1', accountId: 'A-NY1', phoneE164: '+12125550100', channel: 'call' as const };
  it('refuses an agent', async () => {
    at('2026-03-20T01:30:00.000Z'); // 21:30 EDT
    const env = await desk.dispatch('compliance.override', { ...target, reason: 'El deudor pidió que lo llamaran a esta hora' });
    expect(env.ok ? null : env.error).toMatchObject({ code: 'forbidden', key: 'errors.compliance.overrideForbidden', params: { role: 'agent' } });
    expect(lastAudit().action).not.toBe('contact_override');
  });

  it('refuses an empty reason, naming the field', async () => {
    await login(LEAD);
    const env = await desk.dispatch('compliance.override', { ...target, reason: '   ' });
    expect(env.ok ? null : env.error).toMatchObject({ code: 'invalid_input', params: { field: 'reason' } });
  });

  it('lets a lead authorize a call at 21:30 with a reason, recorded with what was overridden', async () => {
    const d = value<DialDecision>(await desk.dispatch('compliance.override', { ...target, reason: 'El deudor pidió que lo llamaran a esta hora' }));
    expect(d).toMatchObject({ allowed: true, override: { by: LEAD.id, role: 'lead', reason: 'El deudor pidió que lo llamaran a esta hora' } });
    expect(d.override!.overridden.map((r) => r.code)).toEqual(['outside_hours']);
    const row = lastAudit();
    expect(row).toMatchObject({ seq: d.auditSeq, actor: LEAD.id, action: 'contact_override', subject: 'debtor:D-NY1' });
    expect(JSON.parse(row.detail).override).toMatchObject({ by: LEAD.id, reason: 'El deudor pidió que lo llamaran a esta hora' });
    await login(AGENT);
  });
});

describe('queue and debtor views', () => {
  it('defers accounts that cannot be called now, until when and why; a flagged one sinks without a date', async () => {
    at('2026-03-20T01:30:00.000Z'); // 21:30 EDT
    const late = value<QueueItem[]>(await desk.dispatch('portfolio.queue', {}));
    const byDebtor = new Map(late.map((r) => [r.debtorId, r]));
    expect(byDebtor.get('D-NY1')).toMatchObject({ deferredUntil: '2026-03-20T12:00:00.000Z', deferReason: { code: 'outside_hours' } });
    expect(byDebtor.get('D-NY3')).toMatchObject({ deferredUntil: DEFERRED_INDEFINITELY, deferReason: { code: 'stop_flag' } });
    expect(late.at(-1)!.debtorId).toBe('D-NY3');
    at('2026-03-20T14:00:00.000Z'); // 10:00 EDT
    const day = value<QueueItem[]>(await desk.dispatch('portfolio.queue', {}));
    expect(day.find((r) => r.debtorId === 'D-NY1')).toMatchObject({ deferredUntil: null, deferReason: null });
  });

  it('the queue counts this desk\'s dials too: NY2 is deferred by Reg F on the 18th', async () => {
    at('2026-03-18T13:00:00.000Z');
    const q = value<QueueItem[]>(await desk.dispatch('portfolio.queue', {}));
    expect(q.find((r) => r.debtorId === 'D-NY2')).toMatchObject({ deferredUntil: '2026-03-19T12:00:00.000Z', deferReason: { code: 'frequency_cap' } });
  });

  it('audits every view of a debtor\'s record', async () => {
    const before = desk.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'debtor_viewed'").pluck().get() as number;
    value(await desk.dispatch('portfolio.card', { debtorId: 'D-NY2' }));
    value(await desk.dispatch('portfolio.card', { debtorId: 'D-NY2' }));
    expect(desk.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'debtor_viewed'").pluck().get()).toBe(before + 2);
    expect(lastAudit()).toMatchObject({ actor: AGENT.id, action: 'debtor_viewed', subject: 'debtor:D-NY2' });
  });
});

describe('the audit chain', () => {
  it('verifies after all of it (lead only), then names a tampered row', async () => {
    const agentTry = await desk.dispatch('compliance.verifyAudit', {});
    expect(agentTry.ok ? null : agentTry.error).toMatchObject({ code: 'forbidden', key: 'errors.compliance.reviewForbidden' });
    await login(LEAD);
    const ok = value<AuditVerdict>(await desk.dispatch('compliance.verifyAudit', {}));
    const count = desk.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(ok).toMatchObject({ ok: true, count });
    expect(count).toBeGreaterThan(15);
    // Someone with the key edits a block into an attempt (the triggers must be dropped first).
    const victim = desk.db.prepare("SELECT seq FROM audit_log WHERE action = 'contact_blocked' ORDER BY seq LIMIT 1").pluck().get() as number;
    desk.db.exec('DROP TRIGGER audit_log_no_update');
    desk.db.prepare("UPDATE audit_log SET action = 'contact_attempt' WHERE seq = ?").run(victim);
    const broken = value<AuditVerdict>(await desk.dispatch('compliance.verifyAudit', {}));
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: victim, reason: 'hash_mismatch' });
  });
});
