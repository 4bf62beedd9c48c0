import { describe, expect, it } from 'vitest';
import { calls, run, type Case } from './test-support/cases';

const NY = { country: 'US', region: 'NY' };

const cases: Case[] = [
  { name: 'window opens at 08:00 to the minute (EDT)', debtor: NY, at: '2026-07-14T12:00:00Z', allowed: true },
  { name: '07:59 is before the window', debtor: NY, at: '2026-07-14T11:59:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-14T12:00:00.000Z' },
  { name: '20:59 is inside', debtor: NY, at: '2026-07-15T00:59:00Z', allowed: true },
  { name: '21:00 is outside; next is 08:00 next day', debtor: NY, at: '2026-07-15T01:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-15T12:00:00.000Z' },
  // Daylight-saving: clocks spring forward on Sunday 2026-03-08.
  { name: 'Saturday before DST: 07:30 EST blocked, opens 13:00Z', debtor: NY, at: '2026-03-07T12:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-03-07T13:00:00.000Z' },
  { name: 'DST Sunday: 12:00Z is already 08:00 EDT', debtor: NY, at: '2026-03-08T12:00:00Z', allowed: true },
  { name: 'DST Sunday: 07:30 EDT blocked, opens 12:00Z', debtor: NY, at: '2026-03-08T11:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-03-08T12:00:00.000Z' },
  { name: 'Saturday night 21:30 EST before spring forward → Sunday 08:00 EDT', debtor: NY, at: '2026-03-08T02:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-03-08T12:00:00.000Z' },
  // Fall back on Sunday 2026-11-01.
  { name: 'Saturday 21:30 EDT before fall back → Sunday 08:00 EST (13:00Z)', debtor: NY, at: '2026-11-01T01:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-11-01T13:00:00.000Z' },
  { name: 'fall-back Sunday 12:30Z is 07:30 EST', debtor: NY, at: '2026-11-01T12:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-11-01T13:00:00.000Z' },
  { name: 'fall-back Sunday 20:59 EST allowed', debtor: NY, at: '2026-11-02T01:59:00Z', allowed: true },
  // A debtor in another zone than the agent: 09:00 in New York is 06:00 in California.
  { name: 'California debtor at 06:00 PDT', debtor: { country: 'US', region: 'CA' }, at: '2026-07-14T13:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-14T15:00:00.000Z' },
  // Ambiguous zone: Florida spans Eastern and Central; 08:30 EDT is 07:30 CDT.
  { name: 'Florida area code: allowed only when both zones allow', debtor: { country: 'US' }, phone: '+13055550123', at: '2026-07-14T12:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-14T13:00:00.000Z' },
  { name: 'NY area code with no address region narrows to New York', debtor: { country: 'US' }, phone: '+12125550123', at: '2026-07-14T12:30:00Z', allowed: true },
  { name: 'no federal holiday ban (July 4th)', debtor: NY, at: '2026-07-04T15:00:00Z', allowed: true },
  // Reg F 7-in-7 per debt.
  {
    name: 'the 8th call in 7 days is refused; the window frees the next day',
    debtor: NY,
    history: calls(['2026-03-02T15:00:00Z', '2026-03-03T15:00:00Z', '2026-03-04T15:00:00Z', '2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z', '2026-03-07T15:00:00Z', '2026-03-08T13:00:00Z']),
    at: '2026-03-08T16:00:00Z',
    allowed: false,
    codes: ['frequency_cap'],
    next: '2026-03-09T12:00:00.000Z',
  },
  {
    name: '7 calls on another debt do not count for this one',
    debtor: NY,
    history: calls(['2026-03-02T15:00:00Z', '2026-03-03T15:00:00Z', '2026-03-04T15:00:00Z', '2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z', '2026-03-07T15:00:00Z', '2026-03-08T13:00:00Z'], { accountId: 'other' }),
    at: '2026-03-08T16:00:00Z',
    allowed: true,
  },
  {
    name: 'a call made with prior consent does not count',
    debtor: NY,
    history: [
      ...calls(['2026-03-02T15:00:00Z', '2026-03-03T15:00:00Z', '2026-03-04T15:00:00Z', '2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z', '2026-03-07T15:00:00Z']),
      ...calls(['2026-03-08T13:00:00Z'], { priorConsent: true }),
    ],
    at: '2026-03-08T16:00:00Z',
    allowed: true,
  },
  {
    name: 'no call for 7 days after a conversation (its day is day 1)',
    debtor: NY,
    history: calls(['2026-07-13T15:00:00Z'], { conversation: true }),
    at: '2026-07-19T15:00:00Z',
    allowed: false,
    codes: ['after_conversation'],
    next: '2026-07-20T12:00:00.000Z',
  },
  { name: 'day 8 after the conversation is fine', debtor: NY, history: calls(['2026-07-13T15:00:00Z'], { conversation: true }), at: '2026-07-20T12:00:00Z', allowed: true },
  { name: 'an SMS is not a call for the 7-day wait', debtor: NY, history: calls(['2026-07-13T15:00:00Z'], { conversation: true }), channel: 'sms', at: '2026-07-14T15:00:00Z', allowed: true },
  { name: 'cease communication blocks for good', debtor: { ...NY, flags: ['cease_communication'] }, at: '2026-07-14T15:00:00Z', allowed: false, codes: ['stop_flag'], next: null },
  { name: 'do-not-call blocks calls but not email', debtor: { ...NY, flags: ['do_not_call'] }, channel: 'email', at: '2026-07-14T15:00:00Z', allowed: true },
  { name: 'a number marked do-not-call', debtor: { ...NY, doNotCallNumbers: ['+12125550123'] }, phone: '+12125550123', at: '2026-07-14T15:00:00Z', allowed: false, codes: ['number_do_not_call'], next: null },
  { name: 'the debtor refused email', debtor: { ...NY, refusedChannels: ['email'] }, channel: 'email', at: '2026-07-14T15:00:00Z', allowed: false, codes: ['channel_refused_by_debtor'], next: null },
  { name: 'a time the debtor said is inconvenient', debtor: { ...NY, inconvenientTimes: [{ from: '12:00', to: '14:00' }] }, at: '2026-07-14T16:30:00Z', allowed: false, codes: ['inconvenient_time'], next: '2026-07-14T18:00:00.000Z' },
  // Massachusetts: at most 2 calls or texts a week per debt.
  { name: 'Massachusetts: the 3rd call/text in 7 days', debtor: { country: 'US', region: 'MA' }, history: [...calls(['2026-07-13T15:00:00Z']), { at: '2026-07-14T15:00:00Z', channel: 'sms', accountId: 'acc1' }], at: '2026-07-15T15:00:00Z', allowed: false, codes: ['frequency_cap'], next: '2026-07-20T12:00:00.000Z' },
];

describe('US — FDCPA / Regulation F', () => {
  it.each(cases)('$name', (c) => {
    const d = run(c);
    expect(d.allowed).toBe(c.allowed);
    if (!d.allowed) {
      expect([...new Set(d.reasons.map((r) => r.code))].sort()).toEqual([...new Set(c.codes)].sort());
      expect(d.nextAllowedAt).toBe(c.next);
    }
  });
});
