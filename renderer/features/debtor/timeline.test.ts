import { describe, expect, it } from 'vitest';
import { buildTimeline, nextPending, timelineFirstRows, totalsByCurrency } from './timeline';
import type { Account, Debtor } from '../../../shared/domain/portfolio';

const debtor = { timeZone: 'America/Bogota' } as Debtor;
const contact = (id: string, startedAt: string) => ({
  id, debtorId: 'd', accountId: null, agentId: 'agent1', channel: 'call' as const, direction: 'outbound' as const,
  phoneE164: null, startedAt, endedAt: null, outcome: 'no_answer', reason: null, notes: '', mos: null, conversation: false,
});

describe('buildTimeline', () => {
  it('merges every kind newest first, dating payments from the start of their day in the debtor zone', () => {
    const t = buildTimeline({
      debtor,
      contacts: [contact('c1', '2026-11-20T15:00:00Z'), contact('c2', '2026-11-02T14:00:00Z')],
      // 2026-11-20 00:00 in Bogotá is 05:00Z: before c1 (15:00Z) and after the promise at 04:00Z.
      payments: [{ id: 'p1', accountId: 'a', amountMinor: 100, currency: 'COP', postedAt: '2026-11-20', method: 'pse' }],
      promises: [{
        id: 'pr1', accountId: 'a', debtorId: 'd', agentId: 'agent1', amountMinor: 5, currency: 'COP', dueDate: '2026-11-25',
        installments: 1, method: 'pse', status: 'broken', createdAt: '2026-11-20T04:00:00Z',
      }],
      callbacks: [{ id: 'cb1', debtorId: 'd', accountId: null, agentId: 'agent1', dueAt: '2026-11-26T16:00:00Z', timeZone: 'America/Bogota', note: '', status: 'pending' }],
    });
    expect(t.map((e) => e.item.id)).toEqual(['cb1', 'c1', 'p1', 'pr1', 'c2']);
  });
});

describe('nextPending', () => {
  it('picks the soonest pending promise and callback, ignoring kept/broken/done ones', () => {
    const pr = (id: string, dueDate: string, status: string) => ({ id, dueDate, status }) as never;
    const cb = (id: string, dueAt: string, status: string) => ({ id, dueAt, status }) as never;
    const r = nextPending({
      promises: [pr('a', '2026-12-01', 'pending'), pr('b', '2026-11-20', 'broken'), pr('c', '2026-11-28', 'pending')],
      callbacks: [cb('x', '2026-11-26T16:00:00Z', 'done'), cb('y', '2026-11-27T16:00:00Z', 'pending'), cb('z', '2026-11-26T18:00:00-05:00', 'pending')],
    });
    expect(r.promise?.id).toBe('c');
    expect(r.callback?.id).toBe('z');
    expect(nextPending({ promises: [], callbacks: [] })).toEqual({ promise: null, callback: null });
  });
});

describe('totalsByCurrency', () => {
  it('sums active accounts per currency and keeps the worst days past due', () => {
    const acc = (currency: string, balanceMinor: number, daysPastDue: number, status = 'active') => ({ currency, balanceMinor, daysPastDue, status }) as Account;
    expect(totalsByCurrency([acc('COP', 100, 10), acc('USD', 50, 90), acc('COP', 300, 62), acc('COP', 999, 5, 'settled')])).toEqual([
      { currency: 'COP', amountMinor: 400, maxDpd: 62 },
      { currency: 'USD', amountMinor: 50, maxDpd: 90 },
    ]);
  });
});

describe('timelineFirstRows', () => {
  it('covers a window as tall as the screen with one-line rows, and never fewer than one', () => {
    expect(timelineFirstRows(768)).toBe(39);
    expect(timelineFirstRows(1080)).toBe(54);
    expect(timelineFirstRows(0)).toBe(1);
  });
});
