import { describe, expect, it } from 'vitest';
import { isBusinessDay } from '../calendar';
import type { NegotiationContext } from './arrangement';
import { EXAMPLE_POLICIES } from './examples';
import { computeOffers } from './offers';
import { draftFromOffer, validatePromise } from './promise';

// With the team's real holiday calendar (shared/calendar, date-holidays): what the UI and server will wire.
describe('offers on the real calendar', () => {
  it('Colombia: no due date on a weekend or festivo (8 Dec, 25 Dec, 1 Jan, Reyes moved to Monday 11 Jan 2027)', () => {
    const policy = EXAMPLE_POLICIES.find((p) => p.currency === 'COP')!;
    const ctx: NegotiationContext = { policy, balance: { amountMinor: 5_336_963_600, currency: 'COP' }, today: '2026-12-04', isBusinessDay: (d) => isBusinessDay(d, 'CO') };
    const offers = computeOffers(ctx);
    const dates = offers.flatMap((o) => o.schedule.map((p) => p.dueDate));
    for (const holiday of ['2026-12-08', '2026-12-25', '2027-01-01', '2027-01-11']) expect(dates).not.toContain(holiday);
    expect(dates.every((d) => isBusinessDay(d, 'CO'))).toBe(true);
    // pay in full within 10 days of Friday 4 Dec: the 14th is the last business day (8 Dec is Inmaculada Concepción)
    expect(offers.find((o) => o.id === 'pay_in_full')!.schedule[0]!.dueDate).toBe('2026-12-14');
  });

  it('every offer, turned into a promise draft, passes the promise form', () => {
    for (const [policy, country] of EXAMPLE_POLICIES.map((p) => [p, { COP: 'CO', CLP: 'CL', MXN: 'MX', PEN: 'PE', USD: 'US', ARS: 'AR' }[p.currency]] as const)) {
      const ctx: NegotiationContext = { policy, balance: { amountMinor: 987_654_321, currency: policy.currency }, today: '2026-12-23', isBusinessDay: (d) => isBusinessDay(d, country) };
      for (const o of computeOffers(ctx)) {
        const r = validatePromise(draftFromOffer(o, 'bank_transfer'), ctx, { id: 'p', accountId: 'a', debtorId: 'd', agentId: 'g', createdAt: '2026-12-23T15:00:00Z', zone: 'America/Bogota' });
        expect(r.ok ? [] : r.errors, `${policy.id} ${o.id}`).toEqual([]);
      }
    }
  });
});
