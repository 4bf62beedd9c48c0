import { describe, expect, it } from 'vitest';
import type { Money } from '../money';
import { keptRateByAgent, newlyBroken, trackPromises, type PostedPayment, type TrackedPromise } from './promise-tracking';

const cop = (pesos: number): Money => ({ amountMinor: pesos * 100, currency: 'COP' });
const single = (id: string, dueDate: string, pesos: number, extra: Partial<TrackedPromise> = {}): TrackedPromise => ({
  id,
  accountId: 'acc1',
  agentId: 'agent1',
  createdAt: '2026-11-25T15:00:00Z',
  createdOn: '2026-11-25',
  zone: 'America/Bogota',
  schedule: [{ seq: 1, kind: 'single', dueDate, amount: cop(pesos) }],
  ...extra,
});
const plan: TrackedPromise = {
  ...single('plan', '2026-12-04', 0),
  schedule: [
    { seq: 1, kind: 'installment', dueDate: '2026-12-04', amount: cop(500_000) },
    { seq: 2, kind: 'installment', dueDate: '2027-01-04', amount: cop(500_000) },
  ],
};
const pay = (id: string, postedOn: string, pesos: number, accountId = 'acc1'): PostedPayment => ({ id, accountId, postedOn, amount: cop(pesos) });
// Noon in Bogotá (UTC−5) on the given local date.
const noon = (date: string) => `${date}T17:00:00Z`;

function statusAt(now: string, promises: TrackedPromise[], payments: PostedPayment[], graceDays = 3) {
  return trackPromises({ promises, payments, graceDays, now });
}

describe('trackPromises with a controlled clock', () => {
  const p = single('p1', '2026-12-04', 1_200_000);

  it('pending before the due date, overdue but pending inside grace, broken the day after grace', () => {
    expect(statusAt(noon('2026-12-03'), [p], []).promises[0]).toMatchObject({ status: 'pending', brokenOn: null });
    const inGrace = statusAt(noon('2026-12-07'), [p], []).promises[0]!;
    expect(inGrace.status).toBe('pending');
    expect(inGrace.installments[0]).toMatchObject({ overdue: true, graceUntil: '2026-12-07' });
    expect(statusAt(noon('2026-12-08'), [p], []).promises[0]).toMatchObject({ status: 'broken', brokenOn: '2026-12-08' });
  });

  it('kept when paid on time', () => {
    const r = statusAt(noon('2026-12-10'), [p], [pay('x1', '2026-12-04', 1_200_000)]);
    expect(r.promises[0]).toMatchObject({ status: 'kept', keptOn: '2026-12-04', paidMinor: 120_000_000 });
    expect(r.applications).toEqual([{ paymentId: 'x1', promiseId: 'p1', seq: 1, amountMinor: 120_000_000 }]);
  });

  it('paid late but within grace is kept', () => {
    expect(statusAt(noon('2026-12-20'), [p], [pay('x1', '2026-12-07', 1_200_000)]).promises[0]).toMatchObject({ status: 'kept', keptOn: '2026-12-07' });
  });

  it('paid after grace is broken, and the late money is reported unapplied', () => {
    const r = statusAt(noon('2026-12-20'), [p], [pay('x1', '2026-12-08', 1_200_000)]);
    expect(r.promises[0]).toMatchObject({ status: 'broken', paidMinor: 0, brokenOn: '2026-12-08' });
    expect(r.unapplied).toEqual([{ paymentId: 'x1', amountMinor: 120_000_000, reason: 'no_open_installment' }]);
  });

  it('partly paid: partial while in time, broken after grace with what was paid', () => {
    const payments = [pay('x1', '2026-12-04', 700_000)];
    expect(statusAt(noon('2026-12-05'), [p], payments).promises[0]).toMatchObject({ status: 'partial', paidMinor: 70_000_000 });
    expect(statusAt(noon('2026-12-05'), [p], payments).promises[0]!.installments[0]!.status).toBe('partial');
    expect(statusAt(noon('2026-12-08'), [p], payments).promises[0]).toMatchObject({ status: 'broken', paidMinor: 70_000_000 });
  });

  it('grace days come from each promise policy', () => {
    const r = trackPromises({ promises: [p, single('p2', '2026-12-04', 1, { accountId: 'acc2' })], payments: [], graceDays: (x) => (x.id === 'p1' ? 0 : 10), now: noon('2026-12-05') });
    expect(r.promises.map((x) => x.status)).toEqual(['broken', 'pending']);
  });

  it("takes today in the debtor's zone: 02:00 UTC on the 8th is still the 7th in Bogotá", () => {
    expect(statusAt('2026-12-08T02:00:00Z', [p], []).promises[0]!.status).toBe('pending');
    expect(statusAt('2026-12-08T05:00:00Z', [p], []).promises[0]!.status).toBe('broken');
  });

  it('applies payments to the oldest open installment and spills over', () => {
    const r = statusAt(noon('2026-12-10'), [plan], [pay('x1', '2026-12-01', 800_000)]);
    expect(r.applications).toEqual([
      { paymentId: 'x1', promiseId: 'plan', seq: 1, amountMinor: 50_000_000 },
      { paymentId: 'x1', promiseId: 'plan', seq: 2, amountMinor: 30_000_000 },
    ]);
    expect(r.promises[0]!.installments.map((i) => i.status)).toEqual(['kept', 'partial']);
    expect(r.promises[0]!.status).toBe('partial');
    const later = statusAt(noon('2027-01-08'), [plan], [pay('x1', '2026-12-01', 800_000)]);
    expect(later.promises[0]!.status).toBe('broken');
    const kept = statusAt(noon('2027-01-08'), [plan], [pay('x1', '2026-12-01', 800_000), pay('x2', '2027-01-05', 200_000)]);
    expect(kept.promises[0]).toMatchObject({ status: 'kept', keptOn: '2027-01-05' });
  });

  it('a broken installment makes the plan broken even if later ones are paid', () => {
    const r = statusAt(noon('2027-01-05'), [plan], [pay('x1', '2026-12-20', 500_000)]);
    // Dec 20 is after the first installment's grace (Dec 7): the money goes to installment 2.
    expect(r.promises[0]!.installments.map((i) => i.status)).toEqual(['broken', 'kept']);
    expect(r.promises[0]).toMatchObject({ status: 'broken', brokenOn: '2026-12-08' });
  });

  it('ignores payments posted before the promise was made, on other accounts, or in another currency', () => {
    const r = statusAt(noon('2026-12-05'), [p], [
      pay('before', '2026-11-24', 1_200_000),
      pay('other', '2026-12-01', 1_200_000, 'acc9'),
      { id: 'usd', accountId: 'acc1', postedOn: '2026-12-01', amount: { amountMinor: 30000, currency: 'USD' } },
    ]);
    expect(r.promises[0]).toMatchObject({ status: 'pending', paidMinor: 0 });
    expect(r.unapplied.map((u) => `${u.paymentId}:${u.reason}`)).toEqual(['before:no_open_installment', 'other:no_open_installment', 'usd:currency_mismatch']);
  });

  it('with two promises on one account, an old broken one does not swallow payments meant for the new one', () => {
    const old = single('old', '2026-12-04', 1_200_000);
    const renewed = single('new', '2026-12-15', 1_200_000, { createdAt: '2026-12-10T15:00:00Z', createdOn: '2026-12-10' });
    const r = statusAt(noon('2026-12-16'), [old, renewed], [pay('x1', '2026-12-15', 1_200_000)]);
    expect(r.promises.map((x) => `${x.promiseId}:${x.status}`)).toEqual(['old:broken', 'new:kept']);
  });

  it('cancelled promises take no payments and are not counted in kept rates', () => {
    const c = single('c', '2026-12-04', 1_200_000, { cancelled: true });
    const r = statusAt(noon('2026-12-05'), [c, single('p', '2026-12-04', 1_000)], [pay('x1', '2026-12-04', 1_000)]);
    expect(r.promises.map((x) => x.status)).toEqual(['cancelled', 'kept']);
    expect(keptRateByAgent(r.promises)).toEqual([{ agentId: 'agent1', kept: 1, broken: 0, open: 0, keptRatePpm: 1_000_000 }]);
  });

  it('kept rate per agent and newly broken promises', () => {
    const promises = [single('a', '2026-12-04', 100), single('b', '2026-12-04', 100, { accountId: 'acc2' }), single('c', '2026-12-04', 100, { accountId: 'acc3', agentId: 'agent2' }), single('d', '2026-12-30', 100, { accountId: 'acc4' })];
    const r = statusAt(noon('2026-12-10'), promises, [pay('x', '2026-12-04', 100)]);
    expect(keptRateByAgent(r.promises)).toEqual([
      { agentId: 'agent1', kept: 1, broken: 1, open: 1, keptRatePpm: 500_000 },
      { agentId: 'agent2', kept: 0, broken: 1, open: 0, keptRatePpm: 0 },
    ]);
    expect(newlyBroken(new Map([['b', 'broken']]), r.promises).map((x) => x.promiseId)).toEqual(['c']);
  });
});
