import { describe, expect, it } from 'vitest';
import { createRulebook } from './rulebook';
import { calls, run, type Case } from './test-support/cases';

const CO = { country: 'CO', region: 'DC' };
const CL = { country: 'CL', region: 'RM' };
const CDMX = { country: 'MX', region: 'CMX' };
const PE = { country: 'PE', region: 'LIM' };
const AR = { country: 'AR', region: 'C' };

const colombia: Case[] = [
  { name: 'Wednesday 07:00 to the minute', debtor: CO, at: '2026-07-15T12:00:00Z', allowed: true },
  { name: 'Wednesday 06:59', debtor: CO, at: '2026-07-15T11:59:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-15T12:00:00.000Z' },
  { name: 'Wednesday 18:59', debtor: CO, at: '2026-07-15T23:59:00Z', allowed: true },
  { name: 'Wednesday 19:00 → Thursday 07:00', debtor: CO, at: '2026-07-16T00:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-16T12:00:00.000Z' },
  { name: 'Saturday 14:59', debtor: CO, at: '2026-07-18T19:59:00Z', allowed: true },
  // Saturday 15:00 → Sunday (never) → Monday 20 July (Independencia, a festivo) → Tuesday 07:00.
  { name: 'Saturday 15:00 skips Sunday and the Monday festivo', debtor: CO, at: '2026-07-18T20:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-21T12:00:00.000Z' },
  { name: 'Sunday is never allowed', debtor: CO, at: '2026-07-19T15:00:00Z', allowed: false, codes: ['day_not_allowed'], next: '2026-07-21T12:00:00.000Z' },
  { name: 'festivo: Virgen de Chiquinquirá (Ley 2578, from 2026)', debtor: CO, at: '2026-07-13T15:00:00Z', allowed: false, codes: ['holiday'], next: '2026-07-14T12:00:00.000Z' },
  { name: 'one contact a day', debtor: CO, history: calls(['2026-07-15T13:00:00Z']), at: '2026-07-15T15:00:00Z', allowed: false, codes: ['frequency_cap'], next: '2026-07-16T12:00:00.000Z' },
  { name: 'an unanswered call counts too (setting default)', debtor: CO, history: calls(['2026-07-15T13:00:00Z'], { connected: false }), at: '2026-07-15T15:00:00Z', allowed: false, codes: ['frequency_cap'], next: '2026-07-16T12:00:00.000Z' },
  {
    name: 'one channel a week: an SMS on Tuesday, a call on Thursday',
    debtor: CO,
    history: [{ at: '2026-07-14T15:00:00Z', channel: 'sms', accountId: 'acc1' }],
    at: '2026-07-16T15:00:00Z',
    allowed: false,
    codes: ['channels_per_window'],
    next: '2026-07-21T12:00:00.000Z',
  },
  { name: 'two a week (uncertain setting, default 2)', debtor: CO, history: calls(['2026-07-14T15:00:00Z', '2026-07-15T15:00:00Z']), at: '2026-07-16T15:00:00Z', allowed: false, codes: ['frequency_cap'], next: '2026-07-21T12:00:00.000Z' },
  { name: 'a channel the debtor did not authorize', debtor: { ...CO, authorizedChannels: ['call'] }, channel: 'sms', at: '2026-07-15T15:00:00Z', allowed: false, codes: ['channel_not_authorized'], next: null },
  { name: 'dispute pending blocks', debtor: { ...CO, flags: ['dispute_pending'] }, at: '2026-07-15T15:00:00Z', allowed: false, codes: ['stop_flag'], next: null },
];

const chile: Case[] = [
  { name: 'Saturday 08:00 (UTC−4 in July)', debtor: CL, at: '2026-07-18T12:00:00Z', allowed: true },
  { name: 'Saturday 19:59', debtor: CL, at: '2026-07-18T23:59:00Z', allowed: true },
  { name: 'Saturday 20:00 → Monday 08:00', debtor: CL, at: '2026-07-19T00:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-20T12:00:00.000Z' },
  { name: 'feriado: Virgen del Carmen', debtor: CL, at: '2026-07-16T15:00:00Z', allowed: false, codes: ['holiday'], next: '2026-07-17T12:00:00.000Z' },
  { name: 'one call or visit a week', debtor: CL, history: calls(['2026-07-13T15:00:00Z']), at: '2026-07-15T15:00:00Z', allowed: false, codes: ['frequency_cap'], next: '2026-07-20T12:00:00.000Z' },
  { name: 'SMS at least 2 days apart', debtor: CL, history: [{ at: '2026-07-13T15:00:00Z', channel: 'sms', accountId: 'acc1' }], channel: 'sms', at: '2026-07-14T15:00:00Z', allowed: false, codes: ['min_gap'], next: '2026-07-15T12:00:00.000Z' },
  {
    name: 'at most 2 messages a week',
    debtor: CL,
    history: [
      { at: '2026-07-13T15:00:00Z', channel: 'sms', accountId: 'acc1' },
      { at: '2026-07-15T15:00:00Z', channel: 'email', accountId: 'acc1' },
    ],
    channel: 'whatsapp',
    at: '2026-07-17T15:00:00Z',
    allowed: false,
    codes: ['frequency_cap'],
    next: '2026-07-20T12:00:00.000Z',
  },
  // DST: Chile springs forward at midnight between Sat 5 and Sun 6 Sep 2026 (UTC−4 → UTC−3).
  { name: 'Saturday 20:30 before the DST change → Monday 08:00 UTC−3', debtor: CL, at: '2026-09-06T00:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-09-07T11:00:00.000Z' },
  // Magallanes is UTC−3 all year: 11:30Z is 08:30 there and 07:30 in Santiago.
  { name: 'Magallanes debtor in another zone', debtor: { country: 'CL', region: 'MA' }, at: '2026-07-14T11:30:00Z', allowed: true },
  { name: 'Santiago debtor at the same instant', debtor: CL, at: '2026-07-14T11:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-14T12:00:00.000Z' },
  { name: 'a collection lawsuit served stops contact', debtor: { ...CL, flags: ['lawsuit_served'] }, at: '2026-07-14T15:00:00Z', allowed: false, codes: ['stop_flag'], next: null },
];

const mexico: Case[] = [
  { name: 'CDMX 21:59', debtor: CDMX, at: '2026-07-15T03:59:00Z', allowed: true },
  { name: 'CDMX 22:00 → 07:00', debtor: CDMX, at: '2026-07-15T04:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-15T13:00:00.000Z' },
  { name: 'Sunday allowed (days are a setting, default every day)', debtor: CDMX, at: '2026-07-19T15:00:00Z', allowed: true },
  { name: 'holidays allowed by default (16 Sep)', debtor: CDMX, at: '2026-09-16T15:00:00Z', allowed: true },
  // 13:30Z is 07:30 in Mexico City and 06:30 in Tijuana (PDT).
  { name: 'Tijuana debtor in another zone', debtor: { country: 'MX', region: 'BCN' }, at: '2026-07-15T13:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-15T14:00:00.000Z' },
  { name: 'Tijuana phone, no address region', debtor: { country: 'MX' }, phone: '+526641234567', at: '2026-07-15T13:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-15T14:00:00.000Z' },
  { name: 'unknown place: every Mexican zone must allow', debtor: { country: 'MX' }, at: '2026-07-15T13:30:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-15T14:00:00.000Z' },
  {
    name: 'holiday ban switched on in settings',
    debtor: CDMX,
    rules: createRulebook({ settings: { mx: { noContactOnHolidays: true } } }),
    at: '2026-09-16T15:00:00Z',
    allowed: false,
    codes: ['holiday'],
    next: '2026-09-17T13:00:00.000Z',
  },
];

const peru: Case[] = [
  { name: 'Friday 19:59', debtor: PE, at: '2026-07-18T00:59:00Z', allowed: true },
  { name: 'Friday 20:00 → Monday 07:00', debtor: PE, at: '2026-07-18T01:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-20T12:00:00.000Z' },
  { name: 'Saturday never', debtor: PE, at: '2026-07-18T15:00:00Z', allowed: false, codes: ['day_not_allowed'], next: '2026-07-20T12:00:00.000Z' },
  { name: 'Fiestas Patrias 28–29 July', debtor: PE, at: '2026-07-28T15:00:00Z', allowed: false, codes: ['holiday'], next: '2026-07-30T12:00:00.000Z' },
  { name: 'SMS follows the same hours (setting default)', debtor: PE, channel: 'sms', at: '2026-07-18T15:00:00Z', allowed: false, codes: ['day_not_allowed'], next: '2026-07-20T12:00:00.000Z' },
];

const argentina: Case[] = [
  { name: 'CABA Saturday 11:59', debtor: AR, at: '2026-07-18T14:59:00Z', allowed: true },
  { name: 'CABA Saturday 12:00 → Monday 08:00', debtor: AR, at: '2026-07-18T15:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-20T11:00:00.000Z' },
  { name: 'feriado 25 de Mayo', debtor: AR, at: '2026-05-25T15:00:00Z', allowed: false, codes: ['holiday'], next: '2026-05-26T11:00:00.000Z' },
  { name: 'province debtor, default national hours', debtor: { country: 'AR', region: 'X' }, at: '2026-07-15T22:59:00Z', allowed: true },
  { name: 'province debtor at 20:00', debtor: { country: 'AR', region: 'X' }, at: '2026-07-15T23:00:00Z', allowed: false, codes: ['outside_hours'], next: '2026-07-16T11:00:00.000Z' },
];

function check(c: Case): void {
  const d = run(c);
  expect(d.allowed, JSON.stringify(d)).toBe(c.allowed);
  if (!d.allowed) {
    expect([...new Set(d.reasons.map((r) => r.code))].sort()).toEqual([...new Set(c.codes)].sort());
    expect(d.nextAllowedAt).toBe(c.next);
  }
}

describe('Colombia — Ley 2300', () => it.each(colombia)('$name', check));
describe('Chile — Ley 19.496 art. 37', () => it.each(chile)('$name', check));
describe('Mexico — CONDUSEF', () => it.each(mexico)('$name', check));
describe('Peru — Ley 29571', () => it.each(peru)('$name', check));
describe('Argentina — CABA / national default', () => it.each(argentina)('$name', check));

describe('other countries', () => {
  it('refuses contact where there are no rules', () => {
    const d = run({ name: 'BR', debtor: { country: 'BR' }, at: '2026-07-15T15:00:00Z', allowed: false });
    expect(d).toEqual({ allowed: false, reasons: [{ code: 'no_rules_for_country', params: { country: 'BR' } }], nextAllowedAt: null });
  });
});
