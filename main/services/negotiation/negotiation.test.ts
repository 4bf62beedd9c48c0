import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { PortfolioSlice } from '../../../shared/domain/portfolio';
import { isBusinessDay } from '../../../shared/calendar';
import { S2_INPUT } from '../../../shared/negotiation/testing/fixtures';
import { AuditAppend, CallbackAdd, ContactAdd, PhoneMark, PromiseAdd } from '../../../shared/sync/mutations';
import { DESK_EXAMPLE_SCRIPTS as EXAMPLE_SCRIPT_FILES } from './example-scripts';
import { createOutbox } from '../outbox/outbox';
import { replaceSlice } from '../portfolio/slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import type { Db } from '../store/open';
import { createNegotiationHandlers } from './handlers';
import { mapRequiredDisclosures } from './scripts';

// Wednesday 25 Nov 2026, 10:00 in Bogotá.
const NOW = new Date('2026-11-25T15:00:00Z');
const AGENT = { id: 'u-agent1', username: 'agent1', displayName: 'Laura Gómez', role: 'agent' as const, teamId: null };

/** A CO debtor (d-0000000) with one COP 5.000.000 account in segment S2 under the S2 policy, and a US debtor. */
function slice(): PortfolioSlice {
  const s = demoSlice({ debtors: 5, accountsPerDebtor: 1, now: NOW });
  s.promises = [];
  s.callbacks = [];
  s.contacts = [];
  s.payments = [];
  const co = s.accounts.find((a) => a.debtorId === 'd-0000000')!;
  Object.assign(co, { balanceMinor: 500_000_000, principalMinor: 400_000_000, segment: 'S2', currency: 'COP' });
  const us = s.accounts.find((a) => a.debtorId === 'd-0000004')!;
  Object.assign(us, { balanceMinor: 250_000, principalMinor: 200_000, segment: 'S2', currency: 'USD' });
  s.debtors.find((d) => d.id === 'd-0000004')!.language = 'en';
  s.policies = [
    { id: 'pol-s2', creditorId: 'cr-1', segment: 'S2', version: 3, body: { ...S2_INPUT, id: 'pol-s2', creditorId: 'cr-1' } },
  ];
  return s;
}

let store: ReturnType<typeof freshStore>;
let db: Db;
let outboxPings = 0;
const handlers = () =>
  createNegotiationHandlers({
    db, now: () => NOW, user: () => AGENT, guard: (fn) => async (...a) => fn(...a), outboxChanged: () => { outboxPings++; },
  });
const CO_ACCOUNT = 'd-0000000-a0';
const US_ACCOUNT = 'd-0000004-a0';

beforeEach(() => {
  store = freshStore();
  db = store.db;
  outboxPings = 0;
  replaceSlice(db, slice());
});
afterEach(() => store.close());

const draft = (over: Record<string, unknown> = {}) => ({
  kind: 'pay_in_full', amount: { amountMinor: 425_000_000, currency: 'COP' }, dates: ['2026-12-01'], method: 'pse', installments: 1, ...over,
});

describe('negotiation.scriptFor', () => {
  it('picks the jurisdiction and language script from the library and fills the placeholders', async () => {
    const r = await handlers().scriptFor({ debtorId: 'd-0000000', accountId: CO_ACCOUNT });
    expect(r.script.id).toBe('co_general');
    expect(r.source).toBe('library');
    expect(r.mayAskReason).toBe(false);
    expect(r.zone).toBe('America/Bogota');
    expect(r.vars['agent.name']).toBe('Laura Gómez');
    expect(r.vars['company.phone']).toBe('nuestra línea de atención');
    expect(r.vars['account.balance']).toBe('COP 5.000.000');
    expect(r.vars['account.numberLast4']).toHaveLength(4);
    expect(r.requiredDisclosures).toEqual(['co_identificacion']);
  });

  it('marks the disclosures the law requires on this contact mandatory (US first communication: mini-Miranda)', async () => {
    const r = await handlers().scriptFor({ debtorId: 'd-0000004', accountId: US_ACCOUNT });
    expect(r.script.id).toBe('us_general');
    expect(r.requiredDisclosures).toContain('us_mini_miranda');
    expect(r.script.disclosures?.find((d) => d.id === 'us_mini_miranda')?.mandatory).toBe(true);
    expect(r.requiredDisclosures).toContain('us_mini_miranda');
    expect(r.missingDisclosures).toEqual([]);
  });

  it('maps the rulebook\'s disclosure ids to the script\'s, and names what the script lacks', () => {
    expect(mapRequiredDisclosures(['identify_agent_and_creditor'], ['co_grabacion', 'co_identificacion'], 'CO')).toEqual({ required: ['co_identificacion'], missing: [] });
    expect(mapRequiredDisclosures(['us.mini_miranda', 'us.caller_identity', 'us.new_rule'], ['us_mini_miranda'], 'US')).toEqual({ required: ['us_mini_miranda'], missing: ['us.new_rule'] });
  });

  it('uses a newer store version, refuses a bad file with its path and reason, and keeps the last good version', async () => {
    const co = EXAMPLE_SCRIPT_FILES['co-general.json'] as { version: number; title: string; steps: Array<Record<string, unknown>> };
    const v2 = { ...co, version: 2, title: 'Cobranza Colombia v2' };
    const v3 = structuredClone({ ...co, version: 3 });
    (v3.steps[0]!.answers as Array<{ next: string }>)[0]!.next = 'no_such_step';
    const ins = db.prepare('INSERT INTO scripts (id, version, body, updated_at) VALUES (?, ?, ?, ?)');
    ins.run('co_general', 2, JSON.stringify(v2), NOW.toISOString());
    ins.run('co_general', 3, JSON.stringify(v3), NOW.toISOString());
    const r = await handlers().scriptFor({ debtorId: 'd-0000000', accountId: CO_ACCOUNT });
    expect(r.script.version).toBe(2);
    expect(r.script.title).toBe('Cobranza Colombia v2');
    expect(r.source).toBe('store');
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]!.id).toBe('co_general');
    expect(r.refused[0]!.issues[0]!.path).toMatch(/^steps\.0\.answers\.0\.next/);
  });

  it('an account of another debtor is not found', async () => {
    await expect(handlers().scriptFor({ debtorId: 'd-0000001', accountId: CO_ACCOUNT })).rejects.toMatchObject({ key: 'negotiation.error.accountNotFound' });
  });
});

describe('negotiation.offers', () => {
  it('computes the policy offers on the debtor\'s business days, from today in the debtor\'s zone', async () => {
    const r = await handlers().offers({ accountId: CO_ACCOUNT });
    expect(r.today).toBe('2026-11-25');
    expect(r.policy.id).toBe('pol-s2');
    const ids = r.offers.map((o) => o.id);
    expect(ids[0]).toBe('pay_in_full');
    expect(ids).toContain('installments:monthly:6');
    // 15 % off COP 5.000.000, floored at the principal (COP 4.000.000): COP 4.250.000.
    expect(r.offers[0]!.total).toEqual({ amountMinor: 425_000_000, currency: 'COP' });
    for (const o of r.offers) for (const p of o.schedule) expect(isBusinessDay(p.dueDate, 'CO')).toBe(true);
  });

  it('an account whose segment has no policy says so', async () => {
    db.prepare("UPDATE accounts SET segment = 'nada' WHERE id = ?").run(CO_ACCOUNT);
    const err = await handlers().offers({ accountId: CO_ACCOUNT }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not_found', key: 'negotiation.error.noPolicy' });
  });
});

describe('negotiation.savePromise', () => {
  it('a dry run returns the read-back in the debtor\'s language and saves nothing', async () => {
    const r = await handlers().savePromise({ accountId: CO_ACCOUNT, draft: draft(), dryRun: true, confirmedByDebtor: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.saved).toBe(false);
    expect(r.readBackLanguage).toBe('es');
    expect(r.readBack).toContain('COP 4.250.000');
    expect(r.readBack).toContain('martes 1 de diciembre de 2026');
    expect(db.prepare('SELECT count(*) FROM promises').pluck().get()).toBe(0);
    expect(createOutbox(db).pendingCount()).toBe(0);
  });

  it('refuses to save until the debtor confirmed the read-back', async () => {
    const r = await handlers().savePromise({ accountId: CO_ACCOUNT, draft: draft(), dryRun: false, confirmedByDebtor: false });
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'confirmed', code: 'negotiation.promise.notConfirmed' }] });
  });

  it('saves the promise with its terms and reminders and its outbox mutations in the sync engine\'s shape', async () => {
    const plan = (await handlers().offers({ accountId: CO_ACCOUNT })).offers.find((o) => o.id === 'installments:monthly:6')!;
    const r = await handlers().savePromise({
      accountId: CO_ACCOUNT, dryRun: false, confirmedByDebtor: true,
      draft: { kind: 'installments', amount: plan.total, dates: plan.schedule.map((s) => s.dueDate), method: 'bank_transfer', installments: 6, frequency: 'monthly', downPayment: plan.downPayment, offerId: plan.id },
    });
    expect(r.ok && r.saved).toBe(true);
    if (!r.ok) return;
    expect(r.reminders.length).toBeGreaterThanOrEqual(plan.schedule.length);
    expect(r.reminders[0]).toMatchObject({ kind: 'day_before' });
    const row = db.prepare('SELECT * FROM promises WHERE id = ?').get(r.promise.id) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'pending', installments: 7, amount_minor: plan.total.amountMinor, due_date: plan.schedule[0]!.dueDate, agent_id: AGENT.id });
    expect(JSON.parse(row.terms as string).schedule).toHaveLength(7);
    const pending = createOutbox(db).pending();
    expect(pending.map((p) => p.kind)).toEqual(['promise.add', 'audit.append']);
    expect(PromiseAdd.parse(pending[0]!.payload)).toMatchObject({ id: r.promise.id, policyId: 'pol-s2', policyVersion: 3 });
    expect(AuditAppend.parse(pending[1]!.payload)).toMatchObject({ action: 'promise.terms', subject: r.promise.id });
    expect(outboxPings).toBe(1);
  });

  it.each([
    ['a discount beyond the policy', draft({ amount: { amountMinor: 300_000_000, currency: 'COP' } }), 'amount', 'policy.discount_exceeds_max'],
    ['a date on a Saturday', draft({ dates: ['2026-11-28'] }), 'dates.0', 'policy.date_not_business_day'],
    ['a date on a Colombian holiday', draft({ dates: ['2026-12-08'] }), 'dates.0', 'policy.date_not_business_day'],
    ['a date after the latest allowed', draft({ dates: ['2026-12-15'] }), 'dates.0', 'policy.pay_by_too_late'],
    ['no payment method', draft({ method: '' }), 'method', 'promise.method_required'],
    ['more installments than the maximum', { kind: 'installments', amount: { amountMinor: 600_000_000, currency: 'COP' }, dates: Array.from({ length: 26 }, (_, i) => `2027-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 7) + 1}`), method: 'pse', installments: 25, frequency: 'monthly', downPayment: { amountMinor: 50_000_000, currency: 'COP' } }, 'installments', 'policy.term_exceeds_max'],
    ['a partial payment below the minimum', draft({ kind: 'partial', amount: { amountMinor: 5_000_000, currency: 'COP' } }), 'amount', 'policy.partial_below_min'],
  ])('refuses %s with its message on its field', async (_, d, field, code) => {
    const r = await handlers().savePromise({ accountId: CO_ACCOUNT, draft: d as Record<string, unknown>, dryRun: false, confirmedByDebtor: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.find((e) => e.field === field)).toMatchObject({ code });
    expect(new Set(r.errors.map((e) => e.field)).size).toBe(r.errors.length);
    expect(db.prepare('SELECT count(*) FROM promises').pluck().get()).toBe(0);
  });

  it('if the outbox write fails, the promise is not saved either', async () => {
    db.exec("CREATE TRIGGER break_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    await expect(handlers().savePromise({ accountId: CO_ACCOUNT, draft: draft(), dryRun: false, confirmedByDebtor: true })).rejects.toThrow(/disk full/);
    expect(db.prepare('SELECT count(*) FROM promises').pluck().get()).toBe(0);
  });
});

describe('negotiation.recordContact', () => {
  const base = {
    debtorId: 'd-0000000', accountId: CO_ACCOUNT, reason: null, reasonText: '', notes: '', scriptId: 'co_general', scriptVersion: 1,
    disclosures: ['co_grabacion', 'co_identificacion'], verification: 'passed' as const, promiseId: null, callbackAt: null,
    phoneE164: null, direction: 'outbound' as const, mos: 4.2,
  };

  it('keeps the script version and the disclosures ticked, and sends the contact in the sync shape', async () => {
    const r = await handlers().recordContact({ ...base, disposition: 'refused', reason: 'lost_job', reasonText: 'Cerró su negocio' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = db.prepare('SELECT * FROM contacts WHERE id = ?').get(r.contact.id) as Record<string, unknown>;
    expect(row).toMatchObject({ outcome: 'refused', reason: 'lost_job', reason_text: 'Cerró su negocio', script_id: 'co_general', script_version: 1, verification: 'passed', conversation: 1, local_hour: 10 });
    expect(JSON.parse(row.disclosures as string)).toEqual(['co_grabacion', 'co_identificacion']);
    const [contact, audit] = createOutbox(db).pending();
    expect(ContactAdd.parse(contact!.payload)).toMatchObject({ id: r.contact.id, outcome: 'refused', conversation: true });
    expect(AuditAppend.parse(audit!.payload).detail).toMatchObject({ scriptVersion: 1, disclosures: ['co_grabacion', 'co_identificacion'] });
  });

  it('a callback disposition creates a callback at the wall-clock time in the debtor\'s zone', async () => {
    const r = await handlers().recordContact({ ...base, disposition: 'callback', callbackAt: { date: '2026-11-27', time: '16:30' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.callback).toMatchObject({ dueAt: '2026-11-27T21:30:00Z', timeZone: 'America/Bogota', status: 'pending' });
    const kinds = createOutbox(db).pending().map((p) => p.kind);
    expect(kinds).toEqual(['contact.add', 'audit.append', 'callback.add']);
    expect(CallbackAdd.parse(createOutbox(db).pending()[2]!.payload).id).toBe(r.callback!.id);
  });

  it('a wrong-number disposition marks the dialed phone, and syncs the mark', async () => {
    const phone = db.prepare("SELECT id, e164 FROM phones WHERE debtor_id = 'd-0000000' LIMIT 1").get() as { id: string; e164: string };
    const r = await handlers().recordContact({ ...base, disposition: 'wrong_number', verification: 'pending', disclosures: [], phoneE164: phone.e164 });
    expect(r.ok).toBe(true);
    expect(db.prepare('SELECT status FROM phones WHERE id = ?').pluck().get(phone.id)).toBe('not_debtor');
    const mark = createOutbox(db).pending().find((p) => p.kind === 'phone.mark')!;
    expect(PhoneMark.parse(mark.payload)).toMatchObject({ phoneId: phone.id, status: 'not_debtor', e164: phone.e164 });
    const none = await handlers().recordContact({ ...base, disposition: 'wrong_number', verification: 'pending', disclosures: [] });
    expect(none).toMatchObject({ ok: false, errors: [{ field: 'phone', code: 'negotiation.contact.phoneRequired' }] });
  });

  it.each([
    ['a callback without its time', { disposition: 'callback' }, 'callback', 'disposition.callback_required'],
    ['a callback in the past', { disposition: 'callback', callbackAt: { date: '2026-11-25', time: '08:00' } }, 'callback', 'callback.in_past'],
    ['a promise disposition without a promise', { disposition: 'promise_to_pay' }, 'promise', 'disposition.promise_required'],
    ['a right-party disposition after a failed verification', { disposition: 'refused', verification: 'failed' }, 'disposition', 'disposition.not_reached'],
    ['a reason "other" without text', { disposition: 'refused', reason: 'other' }, 'reasonText', 'reason.text_required'],
    ['a dispute without a note', { disposition: 'dispute' }, 'note', 'disposition.note_required'],
  ])('refuses %s and saves nothing', async (_, over, field, code) => {
    const r = await handlers().recordContact(Object.assign({ ...base, disposition: 'refused' }, over) as Parameters<ReturnType<typeof handlers>['recordContact']>[0]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.find((e) => e.field === field)).toMatchObject({ code });
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    expect(createOutbox(db).pendingCount()).toBe(0);
  });
});

describe('negotiation.agenda', () => {
  it('shows today\'s callbacks and this week\'s promised payments of the agent', async () => {
    const h = handlers();
    const saved = await h.savePromise({ accountId: CO_ACCOUNT, draft: draft({ dates: ['2026-11-27'] }), dryRun: false, confirmedByDebtor: true });
    expect(saved.ok).toBe(true);
    await h.recordContact({ ...base(), disposition: 'callback', callbackAt: { date: '2026-11-25', time: '16:00' } });
    const today = await h.agenda({ range: 'today', zone: 'America/Bogota' });
    expect(today.today).toBe('2026-11-25');
    expect(today.dueToday.map((i) => i.kind)).toEqual(['callback']);
    expect(today.dueToday[0]).toMatchObject({ time: '16:00', debtorId: 'd-0000000', debtorTime: '2026-11-25 16:00 America/Bogota' });
    expect(today.thisWeek).toEqual([]);
    const week = await h.agenda({ range: 'week', zone: 'America/Bogota' });
    expect(week.thisWeek.map((i) => [i.kind, i.date, i.amountMinor])).toEqual([['payment_due', '2026-11-27', 425_000_000]]);
    expect(week.thisWeek[0]!.debtorName).toBe(week.dueToday[0]!.debtorName);
  });

  it('lists at most `limit` items per group, soonest first, and counts every item in totals', async () => {
    const h = handlers();
    const insert = db.prepare(`INSERT INTO callbacks (id, debtor_id, account_id, agent_id, due_at, time_zone, status)
      VALUES (?, 'd-0000001', NULL, ?, ?, 'America/Bogota', 'pending')`);
    db.transaction(() => {
      // 300 overdue (this morning, before 10:00 Bogotá) and 200 later today, inserted latest first.
      for (let k = 299; k >= 0; k--) insert.run(`cb-o${k}`, AGENT.id, new Date(Date.UTC(2026, 10, 25, 12, 0, k)).toISOString());
      for (let k = 199; k >= 0; k--) insert.run(`cb-t${k}`, AGENT.id, new Date(Date.UTC(2026, 10, 25, 20, 0, k)).toISOString());
    })();
    const capped = await h.agenda({ range: 'today', zone: 'America/Bogota', limit: 25 });
    expect(capped.totals).toEqual({ overdue: 300, dueToday: 200, thisWeek: 0 });
    expect(capped.overdue).toHaveLength(25);
    expect(capped.dueToday).toHaveLength(25);
    expect(capped.overdue.map((i) => i.callbackId)).toEqual(Array.from({ length: 25 }, (_, k) => `cb-o${k}`));
    const all = await h.agenda({ range: 'today', zone: 'America/Bogota' });
    expect(all.overdue).toHaveLength(300);
    expect(all.totals.dueToday).toBe(all.dueToday.length);
  });

  function base() {
    return {
      debtorId: 'd-0000000', accountId: CO_ACCOUNT, reason: null, reasonText: '', notes: '', scriptId: 'co_general', scriptVersion: 1,
      disclosures: [], verification: 'passed' as const, promiseId: null, callbackAt: null, phoneE164: null, direction: 'outbound' as const, mos: null,
    };
  }

  it('a promise whose date plus grace passed unpaid shows as broken; a paid one leaves the agenda', async () => {
    const h = handlers();
    const insert = db.prepare(`INSERT INTO promises (id, account_id, debtor_id, agent_id, amount_minor, currency, due_date, method, installments, status, created_at)
      VALUES (?, ?, 'd-0000000', ?, 100000000, 'COP', ?, 'pse', 1, 'pending', '2026-11-01T15:00:00Z')`);
    insert.run('p-old', CO_ACCOUNT, AGENT.id, '2026-11-18'); // + 3 grace days → broken on the 22nd
    insert.run('p-paid', 'd-0000001-a0', AGENT.id, '2026-11-26');
    db.prepare("INSERT INTO payments (id, account_id, amount_minor, currency, posted_at, method) VALUES ('pay-x', 'd-0000001-a0', 100000000, 'COP', '2026-11-24', 'pse')").run();
    db.prepare("UPDATE accounts SET currency = 'COP' WHERE id = 'd-0000001-a0'").run();
    const week = await h.agenda({ range: 'week', zone: 'America/Bogota' });
    expect(week.overdue.map((i) => [i.kind, i.promiseId])).toEqual([['broken_promise', 'p-old']]);
    expect([...week.dueToday, ...week.thisWeek].some((i) => i.promiseId === 'p-paid')).toBe(false);
  });
});
