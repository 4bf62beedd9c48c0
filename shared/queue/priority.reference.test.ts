/**
 * The queue's scoring is written for speed (parts kept between calls and inserted in order, shared reasons,
 * balance ranks looked up instead of a map per account, rows made by a class). These tests hold it to the plain
 * way it was written before — one array of parts per account, sorted, summed, mapped — on random queues: the same
 * rows in the same order, with the same tiers, priorities and reasons, strongest first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueItem } from '../api/methods/portfolio';
import { balancePercentiles, buildQueue, scoreCandidate, type QueueCandidate, type QueueReason, type QueueRow } from './priority';
import { localDate, localHour } from './local-hour';

// ---- the reference: the scoring as it was, kept here to compare against -----------------------------------------

function refDpd(days: number): { points: number; bucket: string } {
  if (days <= 0) return { points: 0, bucket: '0' };
  if (days <= 30) return { points: 10 + (5 * days) / 30, bucket: '1-30' };
  if (days <= 60) return { points: 20 + (5 * (days - 30)) / 30, bucket: '31-60' };
  if (days <= 90) return { points: 30 + (5 * (days - 60)) / 30, bucket: '61-90' };
  return { points: 24 + Math.min(5, (5 * (days - 90)) / 270), bucket: '90+' };
}

function refPercentiles(cands: readonly QueueCandidate[]): Map<string, number> {
  const byCurrency = new Map<string, number[]>();
  for (const c of cands) {
    const list = byCurrency.get(c.currency) ?? [];
    list.push(c.balanceMinor);
    byCurrency.set(c.currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => a - b);
  const out = new Map<string, number>();
  for (const c of cands) {
    const list = byCurrency.get(c.currency)!;
    out.set(c.accountId, list.length === 1 ? 0.5 : list.indexOf(c.balanceMinor) / (list.length - 1));
  }
  return out;
}

function refBestHour(hours: readonly number[]): number | null {
  let best = -1;
  let bestCount = 0;
  let total = 0;
  for (let h = 0; h < 24; h++) {
    const n = hours[h] ?? 0;
    total += n;
    if (n > bestCount) {
      best = h;
      bestCount = n;
    }
  }
  return total >= 2 && best >= 0 ? best : null;
}

function refScore(c: QueueCandidate, percentile: number, now: Date, zoneNow: { date: string; hour: number }) {
  const parts: Array<{ points: number; reason: QueueReason }> = [];
  let tier: 0 | 1 = 1;
  const nowMs = now.getTime();
  let cbOverdue: string | null = null;
  let cbToday: string | null = null;
  for (const at of c.callbacksDueAt) {
    const ms = Date.parse(at);
    if (ms <= nowMs) {
      if (cbOverdue === null || at < cbOverdue) cbOverdue = at;
    } else if (localDate(at, c.timeZone) === zoneNow.date) {
      if (cbToday === null || at < cbToday) cbToday = at;
    }
  }
  if (cbOverdue !== null) {
    tier = 0;
    parts.push({ points: 60, reason: { code: 'callback_overdue', params: { at: cbOverdue } } });
  } else if (cbToday !== null) {
    tier = 0;
    parts.push({ points: 50, reason: { code: 'callback_due', params: { at: cbToday, hour: localHour(cbToday, c.timeZone) } } });
  }
  let overdue = 0;
  for (const p of c.pendingPromises) {
    if (p.dueDate === zoneNow.date) {
      tier = 0;
      parts.push({ points: 55, reason: { code: 'promise_due_today', params: { amountMinor: p.amountMinor, currency: c.currency } } });
    } else if (p.dueDate < zoneNow.date) {
      overdue++;
    }
  }
  const broken = c.brokenPromises + overdue;
  if (broken > 0) {
    parts.push({
      points: 20 + 8 * Math.min(broken - 1, 3),
      reason: overdue > 0 && c.brokenPromises === 0
        ? { code: 'promise_overdue', params: { count: overdue } }
        : { code: 'broken_promise', params: { count: broken } },
    });
  }
  const dpd = refDpd(c.daysPastDue);
  if (dpd.points > 0) parts.push({ points: dpd.points, reason: { code: 'dpd_bucket', params: { days: c.daysPastDue, bucket: dpd.bucket } } });
  parts.push({
    points: 30 * percentile,
    reason: { code: percentile >= 0.75 ? 'balance_high' : 'balance', params: { percentile: Math.round(percentile * 100), amountMinor: c.balanceMinor, currency: c.currency } },
  });
  const best = refBestHour(c.contactHours);
  if (best !== null) {
    const d = Math.abs(best - zoneNow.hour) % 24;
    if (Math.min(d, 24 - d) <= 1) parts.push({ points: 15, reason: { code: 'best_hour_now', params: { hour: best } } });
    else parts.push({ points: -5, reason: { code: 'best_hour_later', params: { hour: best } } });
  }
  parts.sort((a, b) => b.points - a.points);
  const score = parts.reduce((s, p) => s + p.points, 0);
  return { tier, score: Math.round(score * 100) / 100, reasons: parts.map((p) => p.reason) };
}

function refCompare(a: QueueRow, b: QueueRow): number {
  const da = a.deferredUntil === null ? 0 : 1;
  const db = b.deferredUntil === null ? 0 : 1;
  if (da !== db) return da - db;
  if (da === 1 && a.deferredUntil !== b.deferredUntil) return a.deferredUntil! < b.deferredUntil! ? -1 : 1;
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
}

type Defer = (c: QueueCandidate) => { until: string; reason: { code: string; params: Record<string, string | number> } } | null;

function refBuild(all: readonly QueueCandidate[], now: Date, segment?: string, defer?: Defer) {
  const cands = segment === undefined ? all : all.filter((c) => c.segment === segment);
  const pct = refPercentiles(cands);
  const rows = cands.map((c) => {
    const s = refScore(c, pct.get(c.accountId) ?? 0, now, { date: localDate(now, c.timeZone), hour: localHour(now, c.timeZone) });
    const d = defer ? defer(c) : null;
    return {
      accountId: c.accountId, debtorId: c.debtorId, debtorName: c.debtorName, accountNumber: c.accountNumber,
      product: c.product, currency: c.currency, balanceMinor: c.balanceMinor, daysPastDue: c.daysPastDue,
      segment: c.segment, timeZone: c.timeZone, tier: s.tier, priority: s.score, reasons: s.reasons,
      deferredUntil: d ? d.until : null, deferReason: d ? d.reason : null,
    };
  });
  return rows.sort(refCompare);
}

// ---- random queues that reach every part: ties of points, several promises due today, every bucket ---------------

const NOW = new Date('2026-11-25T15:00:00Z');
const ZONES = ['America/Bogota', 'America/Mexico_City', 'America/Santiago', 'America/New_York', 'America/Lima', 'Europe/Madrid'];
const dayOf = (zone: string, deltaDays: number) => localDate(new Date(NOW.getTime() + deltaDays * 86_400_000), zone);

const candArb = fc.record({
  id: fc.integer({ min: 0, max: 400 }),
  currency: fc.constantFrom('COP', 'USD', 'MXN', 'CLP'),
  // Few distinct balances: equal balances share a percentile.
  balanceMinor: fc.oneof(fc.constantFrom(1, 100, 5_000, 5_000, 1_000_000), fc.integer({ min: 1, max: 10_000_000_000 })),
  // Every bucket edge, and days whose points equal another part's (30 days → 15 points, as a best hour now).
  daysPastDue: fc.oneof(fc.constantFrom(0, 1, 30, 31, 60, 61, 90, 91, 360, 361, 5_000), fc.integer({ min: -5, max: 800 })),
  segment: fc.constantFrom('early', 'mid', 'late'),
  zone: fc.constantFrom(...ZONES),
  brokenPromises: fc.integer({ min: 0, max: 6 }),
  // Due dates around today in the debtor's zone, several on one account.
  promises: fc.array(fc.record({ delta: fc.integer({ min: -3, max: 2 }), amountMinor: fc.integer({ min: 1, max: 9_000_000 }) }), { maxLength: 4 }),
  // Callbacks from hours ago to two days on, to the minute.
  callbacks: fc.array(fc.integer({ min: -48 * 60, max: 48 * 60 }), { maxLength: 3 }),
  hours: fc.oneof(
    fc.constant(null),
    fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 24, maxLength: 24 }),
    fc.dictionary(fc.integer({ min: 0, max: 23 }).map(String), fc.integer({ min: 1, max: 3 }), { maxKeys: 3 }),
  ),
}).map((r): QueueCandidate => ({
  accountId: `acc-${String(r.id).padStart(4, '0')}`, debtorId: `deb-${r.id % 50}`, debtorName: `Nombre ${r.id}`,
  accountNumber: `N-${r.id}`, product: 'tarjeta', currency: r.currency, balanceMinor: r.balanceMinor, daysPastDue: r.daysPastDue,
  segment: r.segment, timeZone: r.zone, brokenPromises: r.brokenPromises,
  pendingPromises: r.promises.map((p) => ({ dueDate: dayOf(r.zone, p.delta), amountMinor: p.amountMinor })),
  callbacksDueAt: r.callbacks.map((m) => new Date(NOW.getTime() + m * 60_000).toISOString()),
  contactHours: r.hours === null ? new Array<number>(24).fill(0)
    : Array.isArray(r.hours) ? r.hours : Array.from({ length: 24 }, (_, h) => (r.hours as Record<string, number>)[String(h)] ?? 0),
}));
const queueArb = fc.uniqueArray(candArb, { selector: (c) => c.accountId, maxLength: 120 });
const nowArb = fc.integer({ min: -36, max: 36 }).map((h) => new Date(NOW.getTime() + h * 3_600_000 + 17 * 60_000));

const plain = (rows: readonly QueueRow[]) => rows.map((r) => ({ ...r, tier: r.tier }));

describe('the queue scoring against its plain reference', () => {
  it('orders, tiers, scores and explains every row the same', () => {
    fc.assert(fc.property(queueArb, nowArb, fc.option(fc.constantFrom('early', 'mid', 'late'), { nil: undefined }), (cands, now, segment) => {
      const got = buildQueue(cands, { now, ...(segment !== undefined ? { segment } : {}) });
      expect(plain(got)).toEqual(refBuild(cands, now, segment));
    }), { numRuns: 300, seed: 20261207 });
  });

  it('gives the same rows with the percentiles passed in and with a compliance hook', () => {
    fc.assert(fc.property(queueArb, nowArb, fc.integer({ min: 0, max: 6 }), (cands, now, mod) => {
      const defer: Defer = (c) => (Number(c.accountId.slice(4)) % 7 === mod
        ? { until: new Date(NOW.getTime() + (Number(c.accountId.slice(4)) % 5) * 3_600_000).toISOString(), reason: { code: 'compliance.outside_hours', params: { from: 8 } } }
        : null);
      const got = buildQueue(cands, { now, defer, percentiles: balancePercentiles(cands) });
      expect(plain(got)).toEqual(refBuild(cands, now, undefined, defer));
    }), { numRuns: 150, seed: 20261208 });
  });

  it('orders rows that tie on tier and priority by account id, as the reference does', () => {
    // A few kinds of account, each many times under other ids: every row ties with others of its kind.
    const tiesArb = fc.tuple(fc.array(candArb, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 2, maxLength: 80 }))
      .map(([kinds, picks]) => picks.map((p, i) => ({ ...kinds[p % kinds.length]!, accountId: `t-${(i * 7919) % 1000}-${i}` })));
    fc.assert(fc.property(tiesArb, nowArb, (cands, now) => {
      expect(plain(buildQueue(cands, { now }))).toEqual(refBuild(cands, now));
    }), { numRuns: 200, seed: 20261210 });
  });

  it('scores one candidate as the reference does', () => {
    fc.assert(fc.property(queueArb, nowArb, (cands, now) => {
      const pct = refPercentiles(cands);
      for (const c of cands) {
        const zn = { date: localDate(now, c.timeZone), hour: localHour(now, c.timeZone) };
        expect(scoreCandidate(c, pct.get(c.accountId)!, now, zn)).toEqual(refScore(c, pct.get(c.accountId)!, now, zn));
      }
    }), { numRuns: 100, seed: 20261209 });
  });

  it('hands out rows that are exactly a contract item (no tier among their own fields), reasons that no row can change', () => {
    const rows = buildQueue([
      { accountId: 'a', debtorId: 'd', debtorName: 'N', accountNumber: '1', product: 'p', currency: 'COP', balanceMinor: 10, daysPastDue: 45, segment: 's',
        timeZone: 'America/Bogota', pendingPromises: [], brokenPromises: 2, callbacksDueAt: [], contactHours: Array.from({ length: 24 }, (_, h) => (h === 10 ? 3 : 0)) },
      { accountId: 'b', debtorId: 'd', debtorName: 'N', accountNumber: '2', product: 'p', currency: 'COP', balanceMinor: 20, daysPastDue: 45, segment: 's',
        timeZone: 'America/Bogota', pendingPromises: [], brokenPromises: 2, callbacksDueAt: [], contactHours: Array.from({ length: 24 }, (_, h) => (h === 10 ? 3 : 0)) },
    ], { now: NOW });
    for (const r of rows) {
      expect(Object.keys(r)).not.toContain('tier');
      expect(QueueItem.parse(r)).toEqual(r);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
    // The two rows say the same days past due, broken promises and best hour: one shared object each, frozen.
    const shared = rows[0]!.reasons.filter((x) => !x.code.startsWith('balance'));
    expect(shared).toHaveLength(3);
    for (const x of shared) {
      expect(rows[1]!.reasons).toContain(x);
      expect(Object.isFrozen(x) && Object.isFrozen(x.params)).toBe(true);
    }
  });
});
