/**
 * Property: the engine allows an attempt exactly when a slow, obviously-correct oracle finds no rule broken,
 * and the nextAllowedAt it gives is allowed by the oracle while the minute before it is not.
 *
 * The oracle reads the rule sets as data (not the compiled form), converts every instant with Luxon, and checks
 * each rule by its plain definition, enumerating every window of N consecutive local days.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isPublicHoliday } from '../calendar/holidays';
import { checkContactAttempt, type ContactEvent } from './check';
import { createRulebook } from './rulebook';
import { WEEKDAYS, type Channel, type ComplianceFlag, type CountOnly, type RuleSet } from './rules-schema';
import { debtorZoneCandidates } from './zones/debtor-zones';

const rules = createRulebook();
const EDGES = ['00:00', '06:59', '07:00', '07:59', '08:00', '11:59', '12:00', '14:59', '15:00', '18:59', '19:00', '19:59', '20:00', '20:59', '21:00', '21:59', '22:00', '23:59'];
const PLACES: Array<{ country: string; region?: string }> = [
  { country: 'US', region: 'NY' },
  { country: 'US', region: 'MA' },
  { country: 'US', region: 'TX' },
  { country: 'US' },
  { country: 'CO', region: 'DC' },
  { country: 'CL', region: 'RM' },
  { country: 'CL', region: 'MA' },
  { country: 'MX', region: 'CMX' },
  { country: 'MX', region: 'BCN' },
  { country: 'MX' },
  { country: 'PE', region: 'LIM' },
  { country: 'AR', region: 'C' },
  { country: 'AR', region: 'X' },
];
// Days around the DST changes, holidays and ordinary weeks.
const ANCHORS = ['2026-03-07', '2026-03-08', '2026-04-04', '2026-07-13', '2026-07-18', '2026-07-20', '2026-09-05', '2026-09-16', '2026-10-31', '2026-11-01', '2026-12-24'];

interface Ev extends ContactEvent {
  atMs: number;
}

function dateOf(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}

function dayDiff(a: DateTime, b: DateTime): number {
  // Calendar days between two local dates, by their calendar date alone.
  return Math.round(DateTime.fromISO(a.toISODate()!, { zone: 'UTC' }).diff(DateTime.fromISO(b.toISODate()!, { zone: 'UTC' }), 'days').days);
}

function counted(e: Ev, channels: Channel[], countOnly: CountOnly, debtScope: boolean): boolean {
  if (e.direction === 'inbound' || !channels.includes(e.channel)) return false;
  if (debtScope && !(e.accountId === null || e.accountId === 'acc1')) return false;
  if (countOnly === 'conversations') return e.conversation === true;
  if (countOnly === 'connected') return e.conversation === true || e.connected !== false;
  return true;
}

/** Rule ids broken by an attempt at `atMs` (empty = compliant). */
function oracle(sets: RuleSet[], zone: string, region: string | undefined, channel: Channel, atMs: number, history: Ev[], flags: ComplianceFlag[]): string[] {
  const broken: string[] = [];
  const local = dateOf(atMs, zone);
  const hhmm = local.toFormat('HH:mm');
  const weekday = WEEKDAYS[local.weekday - 1]!;
  for (const s of sets) {
    for (const f of s.flags) if (flags.includes(f.flag) && f.channels.includes(channel)) broken.push(`flag.${f.flag}`);
    for (const h of s.hours) {
      if (!h.channels.includes(channel)) continue;
      if (!h.week[weekday].some((w) => w.from <= hhmm && hhmm < w.to)) broken.push(h.id);
    }
    for (const h of s.holidays) {
      if (h.channels.includes(channel) && isPublicHoliday(local.toISODate()!, sets[0]!.country, region)) broken.push(h.id);
    }
    for (const c of s.caps) {
      if (!c.channels.includes(channel)) continue;
      const evs = history.filter((e) => counted(e, c.counts, c.countOnly, c.scope === 'debt') && !(c.excludePriorConsent && e.priorConsent));
      // Every window of windowDays consecutive days that contains the attempt's day.
      for (let start = -(c.windowDays - 1); start <= 0; start++) {
        const n = evs.filter((e) => {
          const d = dayDiff(dateOf(e.atMs, zone), local);
          return d >= start && d <= start + c.windowDays - 1;
        }).length;
        if (n + 1 > c.max) {
          broken.push(c.id);
          break;
        }
      }
    }
    for (const c of s.distinctChannels) {
      if (!c.channels.includes(channel)) continue;
      const evs = history.filter((e) => counted(e, c.channels, c.countOnly, c.scope === 'debt'));
      for (let start = -(c.windowDays - 1); start <= 0; start++) {
        const used = new Set<Channel>([channel]);
        for (const e of evs) {
          const d = dayDiff(dateOf(e.atMs, zone), local);
          if (d >= start && d <= start + c.windowDays - 1) used.add(e.channel);
        }
        if (used.size > c.max) {
          broken.push(c.id);
          break;
        }
      }
    }
    for (const g of s.minGap) {
      if (!g.channels.includes(channel)) continue;
      if (history.some((e) => counted(e, g.channels, g.countOnly, g.scope === 'debt') && Math.abs(dayDiff(dateOf(e.atMs, zone), local)) < g.minDays)) broken.push(g.id);
    }
    for (const a of s.afterConversation) {
      if (!a.channels.includes(channel)) continue;
      const hit = history.some((e) => {
        if (e.conversation !== true || !a.conversationChannels.includes(e.channel) || e.atMs > atMs) return false;
        if (a.scope === 'debt' && !(e.accountId === null || e.accountId === 'acc1')) return false;
        const d = dayDiff(local, dateOf(e.atMs, zone));
        return d >= 0 && d <= a.days - 1;
      });
      if (hit) broken.push(a.id);
    }
  }
  return broken;
}

function oracleAll(place: { country: string; region?: string }, channel: Channel, atMs: number, history: Ev[], flags: ComplianceFlag[]): string[] {
  const out: string[] = [];
  for (const cand of debtorZoneCandidates({ country: place.country, region: place.region ?? null })) {
    out.push(...oracle(rules.ruleSets('cred1', cand.country, cand.region), cand.zone, cand.region, channel, atMs, history, flags));
  }
  return out;
}

const eventArb = (atMs: number) =>
  fc.record({
    offsetMin: fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 24 * 60 }))
      .map(([days, min]) => days * 24 * 60 + min),
    channel: fc.constantFrom<Channel>('call', 'call', 'call', 'sms', 'email', 'whatsapp', 'visit'),
    accountId: fc.constantFrom('acc1', 'acc2', null),
    direction: fc.constantFrom('outbound', 'outbound', 'outbound', 'inbound') as fc.Arbitrary<'outbound' | 'inbound'>,
    connected: fc.boolean(),
    conversation: fc.boolean(),
    priorConsent: fc.constantFrom(false, false, false, true),
  }).map(({ offsetMin, ...e }): Ev => ({ ...e, atMs: atMs - offsetMin * 60_000 }));

const scenario = fc
  .record({
    place: fc.constantFrom(...PLACES),
    channel: fc.constantFrom<Channel>('call', 'call', 'sms', 'email', 'whatsapp', 'visit'),
    anchor: fc.constantFrom(...ANCHORS),
    // Local time of the attempt in the debtor's (first) zone: mostly right at a window edge.
    localTime: fc.oneof(
      fc.constantFrom(...EDGES),
      fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`),
    ),
    flags: fc.oneof(fc.constant([] as ComplianceFlag[]), fc.constant([] as ComplianceFlag[]), fc.subarray(['do_not_call', 'cease_communication'] as ComplianceFlag[])),
  })
  .chain((s) => {
    const zone = debtorZoneCandidates({ country: s.place.country, region: s.place.region ?? null })[0]!.zone;
    const atMs = DateTime.fromISO(`${s.anchor}T${s.localTime}`, { zone }).toMillis();
    return fc.record({ s: fc.constant({ ...s, atMs }), history: fc.array(eventArb(atMs), { maxLength: 12 }) });
  });

describe('compliance engine vs. oracle', () => {
  it('allows exactly what the oracle finds compliant, names the broken rules, and nextAllowedAt is the first compliant minute', () => {
    fc.assert(
      fc.property(scenario, ({ s, history }) => {
        const d = checkContactAttempt({
          rules,
          debtor: { id: 'd1', country: s.place.country, region: s.place.region ?? null, flags: s.flags },
          account: { id: 'acc1', creditorId: 'cred1' },
          attempt: { channel: s.channel, at: new Date(s.atMs).toISOString() },
          history,
        });
        const broken = oracleAll(s.place, s.channel, s.atMs, history, s.flags);
        expect(d.allowed, `oracle: ${broken.join(', ')}; engine: ${JSON.stringify(d)}`).toBe(broken.length === 0);
        // Not only the verdict: the engine names exactly the rules the oracle finds broken.
        if (!d.allowed) {
          const named = d.reasons.map((r) => (r.code === 'stop_flag' ? `flag.${r.params.flag}` : String(r.params.ruleId)));
          expect([...new Set(named)].sort()).toEqual([...new Set(broken)].sort());
        }
        if (!d.allowed && d.nextAllowedAt) {
          const next = Date.parse(d.nextAllowedAt);
          expect(next).toBeGreaterThan(s.atMs);
          expect(oracleAll(s.place, s.channel, next, history, s.flags)).toEqual([]);
          const before = next - 60_000;
          if (before > s.atMs) expect(oracleAll(s.place, s.channel, before, history, s.flags).length).toBeGreaterThan(0);
        }
        if (!d.allowed && d.nextAllowedAt === null) {
          // Only a permanent block (a flag) has no next moment.
          expect(broken.some((b) => b.startsWith('flag.'))).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20261125 },
    );
  });
});
