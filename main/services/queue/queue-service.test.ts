import { afterEach, describe, expect, it } from 'vitest';
import { createQueueService, type Deferral } from './queue-service';
import { replaceSlice } from '../portfolio/slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import { QueueItem } from '../../../shared/api/methods/portfolio';

let close: () => void = () => {};
afterEach(() => close());
const NOW = new Date('2026-11-25T15:00:00Z');

describe('queue service', () => {
  it('lists every active account with a balance, contract-valid, callbacks and promises due today first', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 200, now: NOW });
    slice.accounts[5] = { ...slice.accounts[5]!, status: 'settled' };
    slice.accounts[6] = { ...slice.accounts[6]!, balanceMinor: 0 };
    replaceSlice(s.db, slice);
    const rows = createQueueService(s.db).list({}, NOW);
    expect(QueueItem.array().parse(rows)).toEqual(rows);
    expect(rows).toHaveLength(slice.accounts.length - 2);
    const top = rows.findIndex((r) => !r.reasons.some((x) => ['callback_due', 'callback_overdue', 'promise_due_today'].includes(x.code)));
    expect(top).toBeGreaterThan(0);
    expect(rows.slice(top).some((r) => r.reasons.some((x) => ['callback_due', 'callback_overdue', 'promise_due_today'].includes(x.code)))).toBe(false);
    const late = createQueueService(s.db).list({ segment: 'late', limit: 5 }, NOW);
    expect(late.length).toBeLessThanOrEqual(5);
    expect(late.every((r) => r.segment === 'late')).toBe(true);
  });

  it('learns the best hour from successful contacts stored with their local hour', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 2, now: NOW });
    const d = slice.debtors[0]!; // America/Bogota: 15:00Z is 10:00 there
    slice.contacts = [10, 10, 10].map((_, i) => ({
      id: `c${i}`, debtorId: d.id, accountId: null, agentId: 'u', channel: 'call' as const, direction: 'outbound' as const,
      phoneE164: null, startedAt: `2026-11-${10 + i}T15:20:00Z`, endedAt: null, outcome: 'promise', reason: null, notes: '',
      mos: null, conversation: true,
    }));
    replaceSlice(s.db, slice);
    expect(s.db.prepare('SELECT DISTINCT local_hour FROM contacts').pluck().all()).toEqual([10]);
    const row = createQueueService(s.db).list({}, NOW).find((r) => r.debtorId === d.id)!;
    expect(row.reasons).toContainEqual({ code: 'best_hour_now', params: { hour: 10 } });
  });

  it('hands the deferral hook the account, the debtor and their recent contacts; deferred rows sink', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 20, now: NOW });
    replaceSlice(s.db, slice);
    const victim = slice.debtors[0]!.id;
    const calls: Array<[string, string, number]> = [];
    const deferral: Deferral = (account, debtor, history) => {
      if (account.id.startsWith('\u0000')) return null; // a place's probe (queue-service `redecide`)
      calls.push([account.id, debtor.timeZone, history.contacts.length]);
      return debtor.id === victim ? { until: '2026-11-25T13:00:00.000Z', reason: { code: 'compliance.outside_hours', params: { from: 8 } } } : null;
    };
    const rows = createQueueService(s.db, { deferral }).list({}, NOW);
    expect(calls).toHaveLength(rows.length);
    const expectedContacts = slice.contacts.filter((c) => c.debtorId === victim && Date.parse(c.startedAt) >= NOW.getTime() - 30 * 86_400_000).length;
    expect(calls.find(([a]) => a.startsWith(victim))![2]).toBe(expectedContacts);
    const deferred = rows.filter((r) => r.deferredUntil !== null);
    expect(deferred.map((r) => r.debtorId).every((id) => id === victim)).toBe(true);
    expect(rows.slice(-deferred.length)).toEqual(deferred);
    expect(deferred[0]!.deferReason).toEqual({ code: 'compliance.outside_hours', params: { from: 8 } });
  });

  it('counts a callback for the account it names, whoever\'s it is; for every account of its debtor when that account is not in the queue', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 6, accountsPerDebtor: 2, now: NOW });
    slice.callbacks = [];
    slice.promises = [];
    const [a, b] = [slice.debtors[0]!.id, slice.debtors[1]!.id];
    const acc = (d: string, i: number) => `${d}-a${i}`;
    // A third account of debtor A, settled: not in the queue.
    slice.accounts.push({ ...slice.accounts.find((x) => x.id === acc(a, 0))!, id: `${a}-a9`, accountNumber: 'SETTLED-9', status: 'settled' });
    const today = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();
    const cb = (id: string, debtorId: string, accountId: string | null, at: string) => ({
      id, debtorId, accountId, agentId: 'u-agent1', dueAt: at, timeZone: 'America/Bogota', note: '', status: 'pending' as const,
    });
    slice.callbacks.push(
      cb('cb-1', a, acc(b, 1), today(-1)), // A's callback about one of B's accounts: B's account only
      cb('cb-2', a, `${a}-a9`, today(1)), // about A's settled account: every account of A in the queue
      cb('cb-3', b, null, today(2)),
    );
    const promise = (id: string, accountId: string, debtorId: string) => ({
      id, accountId, debtorId, agentId: 'u-agent1', amountMinor: 1000, currency: 'COP' as const, dueDate: '2026-11-25', method: 'pse',
      installments: 1, status: 'pending' as const, createdAt: today(-48),
    });
    slice.promises.push(promise('p-1', `${a}-a9`, a), promise('p-2', acc(a, 1), a));
    replaceSlice(s.db, slice);
    const queue = createQueueService(s.db);
    const rows = queue.list({}, NOW);
    const codes = (id: string) => rows.find((r) => r.accountId === id)!.reasons.map((r) => r.code);
    expect(codes(acc(b, 1))).toContain('callback_overdue');
    expect(codes(acc(b, 0))).toContain('callback_due');
    expect(codes(acc(b, 0))).not.toContain('callback_overdue');
    expect(codes(acc(a, 0))).toContain('callback_due');
    expect(codes(acc(a, 1))).toEqual(expect.arrayContaining(['callback_due', 'promise_due_today']));
    expect(codes(acc(a, 0))).not.toContain('promise_due_today');
    expect(rows.some((r) => r.accountId === `${a}-a9`)).toBe(false);
    // After a write about A (the kept queue reads A alone again) and one about B: what a fresh build gives.
    s.db.prepare("UPDATE callbacks SET note = 'x' WHERE id = 'cb-1'").run();
    s.db.prepare("UPDATE callbacks SET note = 'y' WHERE id = 'cb-3'").run();
    expect(queue.list({}, NOW)).toEqual(createQueueService(s.db).list({}, NOW));
    expect(queue.stats().debtorsRead).toBeGreaterThan(0);
    queue.close();
  });

  it('hands out the store\'s values as they are: any text, big numbers, no region', () => {
    const s = freshStore();
    close = s.close;
    const slice = demoSlice({ debtors: 3, accountsPerDebtor: 1, now: NOW });
    const odd = 'Zoë "la \\ Tía" \u2028 O\'Neil \u{1F600} \u0001 ñ';
    slice.debtors[0] = { ...slice.debtors[0]!, fullName: odd, region: null };
    slice.accounts[0] = { ...slice.accounts[0]!, accountNumber: `${odd}-N`, product: 'préstamo "libre"', balanceMinor: 2 ** 53 + 2 };
    replaceSlice(s.db, slice);
    const deferral: Deferral = (_account, debtor) => {
      if (debtor.id === slice.debtors[0]!.id) expect(debtor.region).toBeNull();
      return null;
    };
    for (const opts of [{}, { deferral }]) {
      const row = createQueueService(s.db, opts).list({}, NOW).find((r) => r.debtorId === slice.debtors[0]!.id)!;
      const stored = s.db.prepare('SELECT account_number, product, balance_minor FROM accounts WHERE id = ?').raw().get(row.accountId) as [string, string, number];
      expect(row.debtorName).toBe(odd);
      expect([row.accountNumber, row.product, row.balanceMinor]).toEqual(stored);
    }
  });
});

