import { describe, expect, it } from 'vitest';
import type { Money } from '../money';
import { followUpAgenda } from './agenda';
import { trackPromises, type TrackedPromise } from './promise-tracking';

const cop = (pesos: number): Money => ({ amountMinor: pesos * 100, currency: 'COP' });
const promise = (id: string, dates: string[], accountId = id): TrackedPromise => ({
  id,
  accountId,
  agentId: 'agent1',
  createdAt: '2026-11-20T15:00:00Z',
  createdOn: '2026-11-20',
  zone: 'America/Bogota',
  schedule: dates.map((d, i) => ({ seq: i + 1, kind: 'installment', dueDate: d, amount: cop(100_000) })),
});

describe('followUpAgenda (Wednesday 2026-11-25, 10:00 in Bogotá)', () => {
  const now = '2026-11-25T15:00:00Z';
  const tracked = trackPromises({
    promises: [promise('due_today', ['2026-11-25']), promise('due_friday', ['2026-11-27']), promise('next_week', ['2026-12-02']), promise('in_grace', ['2026-11-24']), promise('broken', ['2026-11-20'])],
    payments: [],
    graceDays: 2,
    now,
  }).promises;
  const agenda = followUpAgenda({
    promises: tracked,
    callbacks: [
      { id: 'cb_later_today', accountId: 'a', debtorId: 'd', dueAt: '2026-11-25T21:00:00Z', status: 'pending' },
      { id: 'cb_missed', accountId: 'a', debtorId: 'd', dueAt: '2026-11-25T14:00:00Z', status: 'pending' },
      { id: 'cb_sunday', accountId: 'a', debtorId: 'd', dueAt: '2026-11-29T15:00:00Z', status: 'pending' },
      { id: 'cb_done', accountId: 'a', debtorId: 'd', dueAt: '2026-11-26T15:00:00Z', status: 'done' },
    ],
    now,
    agentZone: 'America/Bogota',
  });
  const ids = (items: typeof agenda.today) => items.map((i) => (i.kind === 'callback' ? i.callbackId : i.promiseId));

  it('puts overdue callbacks, in-grace payments and recently broken promises first', () => {
    expect(ids(agenda.overdue)).toEqual(['broken', 'in_grace', 'cb_missed']);
  });
  it("lists today's payments and callbacks, callbacks at the agent's local time", () => {
    expect(ids(agenda.today)).toEqual(['due_today', 'cb_later_today']);
    expect(agenda.today[1]).toMatchObject({ kind: 'callback', time: '16:00' });
  });
  it('lists the rest of the week through Sunday, and nothing after or done', () => {
    expect(ids(agenda.thisWeek)).toEqual(['due_friday', 'cb_sunday']);
  });
});
