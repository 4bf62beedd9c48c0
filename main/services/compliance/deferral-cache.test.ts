/**
 * The queue's deferral hook keeps things between builds (each debtor's check input and zones, its events, the
 * lookbacks, a per-minute memo for debtors with nothing in their window) and the queue reads only the days of
 * contacts the rules can use. These tests hold all of it to the uncached path — `deferralFor` on every account
 * over the debtor's whole 30 days of contacts and this desk's attempts, with a rulebook built afresh — across a
 * varied portfolio, many instants and changes made between builds; and show that a contact, a dial, a flag or a
 * creditor's rule arriving between two builds at the very same instant changes the answer.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBaseRules } from '../../../shared/compliance/jurisdictions';
import { deferralFor } from '../../../shared/compliance/check';
import type { Channel, ComplianceFlag } from '../../../shared/compliance/rules-schema';
import type { Debtor, PortfolioSlice, StopFlag } from '../../../shared/domain/portfolio';
import type { User } from '../../../shared/domain/users';
import { replaceSlice } from '../portfolio/slice-writer';
import { createQueueService, type DeferralDecision } from '../queue/queue-service';
import { Rng } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import { mergeAttempts, type AttemptRecord, type ContactFact } from './attempt-history';
import { createComplianceService, DEFERRED_INDEFINITELY } from './compliance-service';
import { createRulebookSource } from './rulebook-source';

const DAY = 86_400_000;
const BASE = Date.parse('2026-07-15T15:00:00.000Z');
const AGENT: User = { id: 'u-agent', username: 'agent1', displayName: 'Ana', role: 'agent', teamId: 't1' };
const base = buildBaseRules();
const coWeekly = base.countries.CO!.caps.find((c) => c.id === 'co.weekly_max')!;
const regf = base.countries.US!.caps.find((c) => c.id === 'us.regf.7in7')!;

/** Places with one zone, several zones, no region (every regional set), holidays on 20 July (CO) and 4 July (US). */
const PLACES: Array<{ country: Debtor['country']; region: string | null; timeZone: string; cc: string; national: string }> = [
  { country: 'US', region: 'NY', timeZone: 'America/New_York', cc: '1', national: '2125550' },
  { country: 'US', region: 'TX', timeZone: 'America/Chicago', cc: '1', national: '2145550' },
  { country: 'US', region: 'MA', timeZone: 'America/New_York', cc: '1', national: '6175550' },
  { country: 'US', region: null, timeZone: 'America/Denver', cc: '1', national: '3035550' },
  { country: 'MX', region: 'CMX', timeZone: 'America/Mexico_City', cc: '52', national: '55123' },
  { country: 'MX', region: null, timeZone: 'America/Tijuana', cc: '52', national: '66412' },
  { country: 'CL', region: 'RM', timeZone: 'America/Santiago', cc: '56', national: '91234' },
  { country: 'CL', region: 'MA', timeZone: 'America/Punta_Arenas', cc: '56', national: '96123' },
  { country: 'CO', region: null, timeZone: 'America/Bogota', cc: '57', national: '31012' },
  { country: 'PE', region: 'LIM', timeZone: 'America/Lima', cc: '51', national: '91234' },
  { country: 'AR', region: 'C', timeZone: 'America/Argentina/Buenos_Aires', cc: '54', national: '91123' },
];
const CHANNELS: Channel[] = ['call', 'call', 'call', 'sms', 'email', 'whatsapp', 'visit'];
const FLAGS: StopFlag[] = ['cease_communication', 'dispute_pending', 'do_not_call', 'deceased'];

function phoneOf(i: number): string {
  const p = PLACES[i % PLACES.length]!;
  return `+${p.cc}${p.national}${String(i % 1000).padStart(p.cc === '1' ? 3 : 5, '0')}`;
}

/** ~260 debtors, 1–3 accounts, two creditors (one stricter by policy), 0–6 contacts each around BASE. */
function portfolio(): PortfolioSlice {
  const rng = new Rng(20261125);
  const updatedAt = new Date(BASE - 40 * DAY).toISOString();
  const slice: PortfolioSlice = {
    creditors: [{ id: 'C-PLAIN', name: 'Plain', country: 'US' }, { id: 'C-STRICT', name: 'Strict', country: 'US' }],
    debtors: [], accounts: [], phones: [], payments: [], contacts: [], promises: [], callbacks: [],
    policies: [
      { id: 'POL-PLAIN', creditorId: 'C-PLAIN', segment: 'early', version: 1, body: { maxDiscountPct: 10 } },
      {
        id: 'POL-STRICT', creditorId: 'C-STRICT', segment: 'early', version: 1,
        body: { compliance: { CO: { caps: [{ ...coWeekly, max: 1 }] }, US: { caps: [{ ...regf, max: 3 }] } } },
      },
    ],
  };
  for (let i = 0; i < 264; i++) {
    const place = PLACES[i % PLACES.length]!;
    const id = `D${String(i).padStart(4, '0')}`;
    const creditorId = i % 3 === 0 ? 'C-STRICT' : 'C-PLAIN';
    const flags = rng.next() < 0.08 ? [rng.pick(FLAGS)] : [];
    slice.debtors.push({
      id, creditorId, fullName: `Deudor ${i}`, documentType: 'DOC', documentId: `X${i}`, birthDate: null,
      country: place.country, region: place.region, city: null, timeZone: place.timeZone, language: 'es', flags,
      profile: 'unknown', updatedAt,
    });
    slice.phones.push({ id: `${id}-P`, debtorId: id, e164: phoneOf(i), type: 'mobile', valid: true, status: 'ok', updatedAt });
    const accounts = rng.int(1, 3);
    for (let a = 0; a < accounts; a++) {
      slice.accounts.push({
        id: `${id}-A${a}`, debtorId: id, creditorId, accountNumber: `N-${id}-${a}`, product: 'card', currency: 'USD',
        balanceMinor: 10_000 + rng.int(0, 90_000), principalMinor: 10_000, daysPastDue: rng.int(1, 200), dueSince: '2026-01-01',
        lastPaymentAt: null, segment: 'early', assignedAgentId: AGENT.id, status: 'active', updatedAt,
      });
    }
    const contacts = rng.int(0, 6);
    for (let k = 0; k < contacts; k++) {
      // From 40 days before BASE to 12 days after it: some are in the future of an early instant.
      const startedAt = new Date(BASE - rng.int(-12 * 24 * 60, 40 * 24 * 60) * 60_000 + rng.int(0, 59) * 1000).toISOString();
      const accountPick = rng.int(0, accounts);
      slice.contacts.push({
        id: `${id}-K${k}`, debtorId: id, accountId: accountPick === accounts ? null : `${id}-A${accountPick}`, agentId: AGENT.id,
        channel: rng.pick(CHANNELS), direction: rng.next() < 0.15 ? 'inbound' : 'outbound', phoneE164: rng.next() < 0.5 ? phoneOf(i) : null,
        startedAt, endedAt: null, outcome: 'no_answer', reason: null, notes: '', mos: null, conversation: rng.next() < 0.35,
      });
    }
  }
  // Kept out of the generated steps for the tests that change one debtor at a time: no contacts, no flags.
  for (const [id, place] of [['FRESH-CO1', 8], ['FRESH-CO2', 8], ['FRESH-CO3', 8], ['FRESH-CO4', 8], ['FRESH-US1', 0]] as const) {
    const p = PLACES[place]!;
    slice.debtors.push({
      id, creditorId: 'C-PLAIN', fullName: id, documentType: 'DOC', documentId: id, birthDate: null, country: p.country,
      region: p.region, city: null, timeZone: p.timeZone, language: 'es', flags: [], profile: 'unknown', updatedAt,
    });
    slice.phones.push({ id: `${id}-P`, debtorId: id, e164: `+${p.cc}${p.national}999`.slice(0, 13), type: 'mobile', valid: true, status: 'ok', updatedAt });
    slice.accounts.push({
      id: `${id}-A0`, debtorId: id, creditorId: 'C-PLAIN', accountNumber: `N-${id}`, product: 'card', currency: 'USD',
      balanceMinor: 50_000, principalMinor: 10_000, daysPastDue: 30, dueSince: '2026-01-01', lastPaymentAt: null,
      segment: 'early', assignedAgentId: AGENT.id, status: 'active', updatedAt,
    });
  }
  return slice;
}

interface AccountRow { id: string; debtor_id: string; creditor_id: string; country: string; region: string | null; time_zone: string; flags: string }

/** The uncached path: a fresh rulebook, and `deferralFor` on every account over its debtor's whole 30 days. */
function reference(db: ReturnType<typeof freshStore>['db'], nowMs: number): Map<string, DeferralDecision | null> {
  const rules = createRulebookSource(db, { log: () => {} }).rules();
  const now = new Date(nowMs).toISOString();
  const since = nowMs - 30 * DAY;
  const attempts = new Map<string, AttemptRecord[]>();
  for (const r of db.prepare("SELECT seq, at, actor, action, detail FROM audit_log WHERE action IN ('contact_attempt', 'contact_override') ORDER BY seq").all() as
    Array<{ seq: number; at: string; actor: string; action: AttemptRecord['action']; detail: string }>) {
    const d = JSON.parse(r.detail) as { debtorId: string; accountId: string | null; channel: Channel; phoneE164: string | null };
    const atMs = Date.parse(r.at);
    if (atMs < since) continue;
    const list = attempts.get(d.debtorId) ?? [];
    list.push({ seq: r.seq, at: r.at, atMs, actor: r.actor, action: r.action, debtorId: d.debtorId, accountId: d.accountId, channel: d.channel, phoneE164: d.phoneE164 });
    attempts.set(d.debtorId, list);
  }
  const contacts = db.prepare('SELECT account_id, channel, direction, phone_e164, started_at, conversation FROM contacts WHERE debtor_id = ? AND started_at >= ?');
  const out = new Map<string, DeferralDecision | null>();
  const rows = db.prepare(`SELECT a.id, a.debtor_id, a.creditor_id, d.country, d.region, d.time_zone, d.flags FROM accounts a
    JOIN debtors d ON d.id = a.debtor_id WHERE a.status = 'active' AND a.balance_minor > 0`).all() as AccountRow[];
  for (const a of rows) {
    const facts: ContactFact[] = (contacts.all(a.debtor_id, new Date(since).toISOString()) as Array<{
      account_id: string | null; channel: Channel; direction: 'outbound' | 'inbound'; phone_e164: string | null; started_at: string; conversation: number;
    }>).map((c) => ({
      atMs: Date.parse(c.started_at), channel: c.channel, accountId: c.account_id, direction: c.direction,
      conversation: c.conversation === 1, phoneE164: c.phone_e164,
    }));
    const history = mergeAttempts(facts, attempts.get(a.debtor_id) ?? []);
    const d = deferralFor({
      rules, now, history,
      debtor: { id: a.debtor_id, country: a.country, region: a.region, timeZone: a.time_zone, flags: JSON.parse(a.flags) as ComplianceFlag[] },
      account: { id: a.id, creditorId: a.creditor_id },
    });
    out.set(a.id, d.deferred ? { until: d.until ?? DEFERRED_INDEFINITELY, reason: d.reasons[0]! } : null);
  }
  return out;
}

let store: ReturnType<typeof freshStore>;
let clock = new Date(BASE);
let service: ReturnType<typeof createComplianceService>;
let queue: ReturnType<typeof createQueueService>;
const slice = portfolio();

/** The desk's queue at `atMs`; `fresh`: a new queue's first build, read from the store (the hook's caches kept). */
function build(atMs: number, fresh = false): Map<string, DeferralDecision | null> {
  clock = new Date(atMs);
  const q = fresh ? createQueueService(store.db, { deferral: service.deferral }) : queue;
  try {
    const rows = q.list({}, clock);
    return new Map(rows.map((r) => [r.accountId, r.deferredUntil === null ? null : { until: r.deferredUntil, reason: r.deferReason! }]));
  } finally {
    if (fresh) q.close();
  }
}

function insertContact(id: string, debtorId: string, accountId: string | null, channel: Channel, startedAt: string, conversation: boolean): void {
  store.db.prepare(`INSERT INTO contacts (id, debtor_id, account_id, agent_id, channel, direction, phone_e164, started_at, ended_at,
    outcome, reason, notes, mos, conversation, local_hour) VALUES (?, ?, ?, ?, ?, 'outbound', NULL, ?, NULL, 'no_answer', NULL, '', NULL, ?, 10)`)
    .run(id, debtorId, accountId, AGENT.id, channel, startedAt, conversation ? 1 : 0);
}

beforeAll(() => {
  store = freshStore();
  replaceSlice(store.db, slice);
  service = createComplianceService({ db: store.db, now: () => clock, log: () => {} });
  queue = createQueueService(store.db, { deferral: service.deferral });
});
afterAll(() => store.close());

describe('the queue deferral with its caches', () => {
  it('decides exactly as the uncached path, build after build, while contacts, dials and flags change in between', () => {
    const debtors = slice.debtors.map((d) => d.id).filter((id) => !id.startsWith('FRESH-'));
    const step = fc.oneof(
      // An instant: within 12 days of BASE, any second (often a whole minute, where windows open and close).
      // Built by the desk's kept queue, or by a new queue reading everything again.
      { arbitrary: fc.record({ kind: fc.constant('build' as const), offsetS: fc.integer({ min: -12 * 86_400, max: 12 * 86_400 }), whole: fc.boolean(), fresh: fc.boolean() }), weight: 4 },
      {
        arbitrary: fc.record({
          kind: fc.constant('contact' as const), debtor: fc.constantFrom(...debtors), channel: fc.constantFrom(...CHANNELS),
          agoMin: fc.integer({ min: 0, max: 10 * 24 * 60 }), conversation: fc.boolean(), general: fc.boolean(),
        }),
        weight: 2,
      },
      { arbitrary: fc.record({ kind: fc.constant('dial' as const), debtor: fc.constantFrom(...debtors) }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('flag' as const), debtor: fc.constantFrom(...debtors), flag: fc.option(fc.constantFrom(...FLAGS)) }), weight: 1 },
    );
    let seq = 0;
    let builds = 0;
    let deferred = 0;
    let allowed = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        for (const s of steps) {
          if (s.kind === 'build') {
            const atMs = BASE + s.offsetS * 1000 - (s.whole ? (s.offsetS * 1000) % 60_000 : 0);
            const got = build(atMs, s.fresh);
            const want = reference(store.db, Math.floor(atMs / 1000) * 1000);
            expect(got.size).toBe(want.size);
            for (const [accountId, w] of want) {
              expect(got.get(accountId), `${accountId} at ${new Date(atMs).toISOString()}`).toEqual(w);
              if (w) deferred++;
              else allowed++;
            }
            builds++;
          } else if (s.kind === 'contact') {
            const accountId = s.general ? null : (slice.accounts.find((a) => a.debtorId === s.debtor)!.id);
            insertContact(`X${seq++}`, s.debtor, accountId, s.channel, new Date(clock.getTime() - s.agoMin * 60_000).toISOString(), s.conversation);
          } else if (s.kind === 'dial') {
            service.checkDial(AGENT, { debtorId: s.debtor, phoneE164: phoneOf(debtors.indexOf(s.debtor)), channel: 'call' });
          } else {
            store.db.prepare('UPDATE debtors SET flags = ? WHERE id = ?').run(JSON.stringify(s.flag ? [s.flag] : []), s.debtor);
          }
        }
      }),
      { numRuns: 40, seed: 20261125 },
    );
    // The runs covered both answers, over enough builds to mean something.
    expect(builds).toBeGreaterThan(40);
    expect(deferred).toBeGreaterThan(1000);
    expect(allowed).toBeGreaterThan(1000);
  });

  // Colombia: at most one contact a day (co.ley2300.daily) — the simplest rule a single new event trips.
  const NOW = Date.parse('2026-07-22T15:00:00.000Z'); // Wednesday 10:00 in Bogotá
  const phoneOfFresh = (id: string) => slice.phones.find((p) => p.debtorId === id)!.e164;

  it('sees a contact recorded between two builds at the same instant', () => {
    expect(build(NOW).get('FRESH-CO1-A0')).toBeNull();
    insertContact('NEW-1', 'FRESH-CO1', null, 'call', new Date(NOW - 5 * 60_000).toISOString(), false);
    const after = build(NOW).get('FRESH-CO1-A0');
    expect(after).toMatchObject({ reason: { code: 'frequency_cap', params: { ruleId: 'co.ley2300.daily' } }, until: '2026-07-23T12:00:00.000Z' }); // 07:00 in Bogotá
    expect(after).toEqual(reference(store.db, NOW).get('FRESH-CO1-A0'));
  });

  it('sees a contact recorded between two new queues\' builds at the same instant (each reads the contacts anew)', () => {
    insertContact('NEW-5', 'FRESH-CO4', null, 'call', new Date(NOW - 3 * DAY).toISOString(), false);
    expect(build(NOW, true).get('FRESH-CO4-A0')).toBeNull();
    expect(build(NOW, true).get('FRESH-CO4-A0')).toBeNull();
    insertContact('NEW-6', 'FRESH-CO4', null, 'call', new Date(NOW - 10 * 60_000).toISOString(), false);
    const after = build(NOW, true).get('FRESH-CO4-A0');
    expect(after).toMatchObject({ reason: { code: 'frequency_cap' } });
    expect(after).toEqual(reference(store.db, NOW).get('FRESH-CO4-A0'));
    store.db.prepare("DELETE FROM contacts WHERE id IN ('NEW-5', 'NEW-6')").run();
  });

  it('sees a dial this desk allowed (an audit attempt, no contact yet) between two builds at the same instant', () => {
    expect(build(NOW).get('FRESH-CO2-A0')).toBeNull();
    expect(service.checkDial(AGENT, { debtorId: 'FRESH-CO2', phoneE164: phoneOfFresh('FRESH-CO2'), channel: 'call' }).allowed).toBe(true);
    const after = build(NOW).get('FRESH-CO2-A0');
    expect(after).toMatchObject({ reason: { code: 'frequency_cap', params: { ruleId: 'co.ley2300.daily' } } });
    expect(after).toEqual(reference(store.db, NOW).get('FRESH-CO2-A0'));
  });

  it('sees a stop flag pulled between two builds, and its lifting', () => {
    expect(build(NOW).get('FRESH-US1-A0')).toBeNull();
    store.db.prepare('UPDATE debtors SET flags = ? WHERE id = ?').run('["cease_communication"]', 'FRESH-US1');
    expect(build(NOW).get('FRESH-US1-A0')).toEqual({ until: DEFERRED_INDEFINITELY, reason: { code: 'stop_flag', params: { flag: 'cease_communication' } } });
    store.db.prepare("UPDATE debtors SET flags = '[]' WHERE id = ?").run('FRESH-US1');
    expect(build(NOW).get('FRESH-US1-A0')).toBeNull();
  });

  it("applies a creditor's tighter rule pulled with its policy at the next build (after the rulebook's half-second look)", async () => {
    // One call three days ago: fine under 2 contacts a week, not under the creditor's 1.
    insertContact('NEW-2', 'FRESH-CO3', null, 'call', new Date(NOW - 3 * DAY).toISOString(), false);
    expect(build(NOW).get('FRESH-CO3-A0')).toBeNull();
    store.db.prepare('UPDATE policies SET body = ?, version = 2 WHERE id = ?')
      .run(JSON.stringify({ maxDiscountPct: 10, compliance: { CO: { caps: [{ ...coWeekly, max: 1 }] } } }), 'POL-PLAIN');
    await new Promise((r) => setTimeout(r, 550));
    const after = build(NOW).get('FRESH-CO3-A0');
    expect(after).toMatchObject({ reason: { code: 'frequency_cap', params: { ruleId: 'co.weekly_max', max: 1 } } });
    expect(after).toEqual(reference(store.db, NOW).get('FRESH-CO3-A0'));
  });

  it('reads the store itself when a rule pulled after the queue asked how many days to read needs more of them', async () => {
    // Two calls 12 and 13 days ago: outside the 10 days the queue reads for 7-day windows.
    insertContact('OLD-1', 'FRESH-CO4', null, 'call', new Date(NOW - 12 * DAY).toISOString(), false);
    insertContact('OLD-2', 'FRESH-CO4', null, 'call', new Date(NOW - 13 * DAY).toISOString(), false);
    expect(build(NOW).get('FRESH-CO4-A0')).toBeNull();
    const told = service.deferral.historyDays();
    expect(told).toBe(10);
    store.db.prepare('UPDATE policies SET body = ?, version = 3 WHERE id = ?')
      .run(JSON.stringify({ compliance: { CO: { caps: [{ ...coWeekly, windowDays: 14 }] } } }), 'POL-PLAIN');
    await new Promise((r) => setTimeout(r, 550));
    // What the queue read before the rule arrived: the last `told` days.
    const contacts = (store.db.prepare('SELECT started_at, channel, account_id, direction, conversation, phone_e164 FROM contacts WHERE debtor_id = ? AND started_at >= ?')
      .all('FRESH-CO4', new Date(NOW - told * DAY).toISOString()) as Array<{ started_at: string; channel: Channel; account_id: string | null; direction: 'outbound' | 'inbound'; conversation: number; phone_e164: string | null }>)
      .map((c) => ({ startedAt: c.started_at, channel: c.channel, accountId: c.account_id, direction: c.direction, conversation: c.conversation === 1, phoneE164: c.phone_e164 }));
    expect(contacts).toEqual([]);
    const debtor = { id: 'FRESH-CO4', country: 'CO' as const, region: null, timeZone: 'America/Bogota', flags: [] };
    const decided = service.deferral({ id: 'FRESH-CO4-A0', creditorId: 'C-PLAIN' }, debtor, { contacts });
    expect(decided).toMatchObject({ reason: { code: 'frequency_cap', params: { ruleId: 'co.weekly_max', windowDays: 14 } } });
    expect(decided).toEqual(reference(store.db, NOW).get('FRESH-CO4-A0'));
    // The next build asks again and reads enough.
    expect(service.deferral.historyDays()).toBe(17);
    expect(build(NOW).get('FRESH-CO4-A0')).toEqual(decided);
  });
});
