/**
 * The queue kept between builds (queue-service.ts) against a fresh full build: after any sequence of the desk's
 * writes (contacts with their dispositions and callbacks, dial attempts), what a pull brings (promises kept or
 * broken, callbacks done, a stop flag, a balance) and the clock moving (seconds, minutes, across hours), the kept
 * queue gives the very rows, reasons, deferrals and order — and the same page and totals — as a new service
 * reading everything at that instant with a new compliance service.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/users';
import { queuePage } from '../../../shared/queue/page';
import { ALL } from '../../../shared/compliance/jurisdictions/common';
import { createComplianceService } from '../compliance';
import { createContactService } from '../negotiation/contacts';
import { replaceSlice } from '../portfolio/slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import { createQueueService } from './queue-service';

const START = Date.parse('2026-11-25T14:40:00Z'); // 09:40 in Bogotá: contact windows open, an hour rolls soon
const AGENT: User = { id: 'u-agent1', username: 'agent1', displayName: 'Agente Uno', role: 'agent', teamId: null };
const slice = demoSlice({ debtors: 60, now: new Date(START) });
// Colombia's hours tightened by the creditor to windows that end inside an hour (17:47, 14:31): a row is deferred
// at a minute when no zone's hour rolls over.
const tight = [{ from: '07:13', to: '17:47' }];
slice.policies = slice.policies.map((p) => ({
  ...p,
  body: {
    ...(p.body as Record<string, unknown>),
    compliance: {
      CO: { hours: [{ id: 'co.ley2300.hours', channels: ALL, week: { mon: tight, tue: tight, wed: tight, thu: tight, fri: tight, sat: [{ from: '08:00', to: '14:31' }], sun: [] }, source: 'creditor' }] },
    },
  },
}));
const debtorIds = slice.debtors.map((d) => d.id);
const SEGMENTS = [...new Set(slice.accounts.map((a) => a.segment))];

let store: ReturnType<typeof freshStore>;
let clock = new Date(START);
beforeAll(() => {
  store = freshStore();
  replaceSlice(store.db, slice);
});
afterAll(() => store.close());

/** A fresh service and compliance service: everything read and decided at `at`. */
function reference(at: Date, segment?: string) {
  const compliance = createComplianceService({ db: store.db, now: () => at, log: () => {} });
  const queue = createQueueService(store.db, { deferral: compliance.deferral });
  try {
    return queue.list(segment !== undefined ? { segment } : {}, at);
  } finally {
    queue.close();
  }
}

const step = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('check' as const), segment: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...SEGMENTS), weight: 1 }) }), weight: 4 },
  // Mostly a wrap-up's worth of seconds; sometimes past the hour (every zone's local hour rolls).
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), s: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 150 }), weight: 8 }, { arbitrary: fc.integer({ min: 150, max: 3 * 3600 }), weight: 1 }) }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('wrapUp' as const), debtor: fc.constantFrom(...debtorIds),
      disposition: fc.constantFrom('callback' as const, 'refused' as const, 'no_answer' as const, 'voicemail' as const),
      // A callback from a few minutes to two days on, at the debtor's wall clock.
      inMin: fc.integer({ min: 2, max: 2 * 24 * 60 }), account: fc.boolean(),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('dial' as const), debtor: fc.constantFrom(...debtorIds) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('promise' as const), debtor: fc.constantFrom(...debtorIds), days: fc.integer({ min: -3, max: 3 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('promiseStatus' as const), pick: fc.nat(), status: fc.constantFrom('broken', 'kept') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('callbackDone' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('flag' as const), debtor: fc.constantFrom(...debtorIds), on: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('balance' as const), pick: fc.nat(), minor: fc.integer({ min: 1, max: 50_000_000 }) }), weight: 1 },
);

describe('the kept queue', () => {
  it('gives what a fresh full build gives after any writes and any passing of time', () => {
    const compliance = createComplianceService({ db: store.db, now: () => clock, log: () => {} });
    const recordContact = createContactService(store.db);
    let seq = 0;
    let checks = 0;
    let incremental = 0;
    const served = { reads: 0, scores: 0, debtorsRead: 0, redecided: 0 };
    let kept = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        // One desk per run: its queue lives across the run's steps.
        const queue = createQueueService(store.db, { deferral: compliance.deferral });
        try {
          queue.list({}, clock);
          for (const s of steps) {
            switch (s.kind) {
              case 'check': {
                const input = s.segment !== undefined ? { segment: s.segment } : {};
                const want = reference(clock, s.segment);
                const before = queue.stats().scores;
                expect(queue.list(input, clock)).toEqual(want);
                if (queue.stats().scores === before) kept++;
                expect(queue.page({ ...input, limit: 7 }, clock)).toEqual(queuePage(want, 7));
                checks++;
                break;
              }
              case 'tick':
                clock = new Date(clock.getTime() + s.s * 1000);
                break;
              case 'wrapUp': {
                const tz = slice.debtors.find((d) => d.id === s.debtor)!.timeZone;
                const at = new Date(clock.getTime() + s.inMin * 60_000);
                const local = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
                const part = (t: string) => local.find((p) => p.type === t)!.value;
                const accountId = s.account ? slice.accounts.find((a) => a.debtorId === s.debtor)!.id : null;
                const r = recordContact({
                  debtorId: s.debtor, accountId, disposition: s.disposition, reason: null, reasonText: '', notes: 'n', scriptId: 's',
                  scriptVersion: 1, disclosures: [], verification: s.disposition === 'no_answer' || s.disposition === 'voicemail' ? 'pending' : 'passed',
                  promiseId: null, callbackAt: s.disposition === 'callback' ? { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` } : null,
                  phoneE164: null, direction: 'outbound', startedAt: new Date(clock.getTime() - 120_000).toISOString(), endedAt: clock.toISOString(), mos: null,
                }, AGENT.id, clock);
                expect(r.ok, JSON.stringify(r)).toBe(true);
                incremental++;
                break;
              }
              case 'dial': {
                const phone = slice.phones.find((p) => p.debtorId === s.debtor)!.e164;
                compliance.checkDial(AGENT, { debtorId: s.debtor, phoneE164: phone, channel: 'call' });
                incremental++;
                break;
              }
              case 'promise': {
                const a = slice.accounts.find((x) => x.debtorId === s.debtor)!;
                const due = new Date(clock.getTime() + s.days * 86_400_000).toISOString().slice(0, 10);
                store.db.prepare(`INSERT INTO promises (id, account_id, debtor_id, agent_id, amount_minor, currency, due_date, method,
                  installments, status, created_at) VALUES (?, ?, ?, ?, 100000, ?, ?, 'transfer', 1, 'pending', ?)`)
                  .run(`P-${seq++}`, a.id, s.debtor, AGENT.id, a.currency, due, clock.toISOString());
                incremental++;
                break;
              }
              case 'promiseStatus': {
                const ids = store.db.prepare("SELECT id FROM promises WHERE status = 'pending' ORDER BY id").pluck().all() as string[];
                if (ids.length) store.db.prepare('UPDATE promises SET status = ? WHERE id = ?').run(s.status, ids[s.pick % ids.length]);
                break;
              }
              case 'callbackDone': {
                const ids = store.db.prepare("SELECT id FROM callbacks WHERE status = 'pending' ORDER BY id").pluck().all() as string[];
                if (ids.length) store.db.prepare("UPDATE callbacks SET status = 'done' WHERE id = ?").run(ids[s.pick % ids.length]);
                break;
              }
              case 'flag':
                store.db.prepare('UPDATE debtors SET flags = ? WHERE id = ?').run(s.on ? '["cease_communication"]' : '[]', s.debtor);
                break;
              case 'balance': {
                const a = slice.accounts[s.pick % slice.accounts.length]!;
                store.db.prepare('UPDATE accounts SET balance_minor = ? WHERE id = ?').run(s.minor, a.id);
                break;
              }
            }
          }
          const want = reference(clock);
          expect(queue.list({}, clock)).toEqual(want);
          checks++;
          for (const [k, n] of Object.entries(queue.stats())) served[k as keyof typeof served] += n;
        } finally {
          queue.close();
        }
      }),
      { numRuns: 80, seed: 20261125 },
    );
    expect(checks).toBeGreaterThan(150);
    expect(incremental).toBeGreaterThan(150);
    // Most checks were answered by the kept queue: debtors read alone, deferrals asked again by the minute.
    expect(served.debtorsRead).toBeGreaterThan(100);
    expect(served.redecided).toBeGreaterThan(20);
    expect(kept).toBeGreaterThan(40);
  });

  it('defers rows at a window closing inside an hour, and names the minute in a deferred row it hands out', () => {
    const at = (iso: string) => new Date(iso);
    const compliance = createComplianceService({ db: store.db, now: () => clock, log: () => {} });
    const queue = createQueueService(store.db, { deferral: compliance.deferral });
    try {
      const coAccounts = (rows: ReturnType<typeof queue.list>) => rows.filter((r) => r.timeZone === 'America/Bogota');
      clock = at('2026-11-26T22:40:00Z'); // Thursday 17:40 in Bogotá: open until 17:47
      const before = queue.list({}, clock);
      expect(coAccounts(before).some((r) => r.deferredUntil === null)).toBe(true);
      expect(before).toEqual(reference(clock));
      clock = at('2026-11-26T22:48:30Z'); // 17:48: closed, and no zone's hour rolled over
      const scores = queue.stats().scores;
      const after = queue.list({}, clock);
      expect(queue.stats().scores).toBe(scores);
      expect(coAccounts(after).every((r) => r.deferredUntil !== null)).toBe(true);
      expect(after).toEqual(reference(clock));
      // Late at night every row is deferred; the page's rows say the minute it is now, not the minute they were decided.
      clock = at('2026-11-27T07:05:00Z');
      queue.page({ limit: 5 }, clock);
      clock = at('2026-11-27T07:09:00Z');
      const page = queue.page({ limit: 5 }, clock);
      expect(page.items.every((r) => r.deferredUntil !== null)).toBe(true);
      expect(page).toEqual(queuePage(reference(clock), 5));
    } finally {
      queue.close();
    }
  });
});
