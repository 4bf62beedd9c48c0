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
});
