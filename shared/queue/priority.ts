/**
 * The work queue's priority: pure, deterministic, explained. Every row carries `reasons` (codes + params,
 * worded by ./messages in es/en) saying why it sits where it does, strongest first.
 *
 * Order: (1) rows not deferred by compliance before deferred ones; (2) a tier — callbacks due and promises
 * due today on top, then everything else; (3) the score; (4) account id, so equal rows keep a stable order.
 *
 * Score parts (points):
 *  - days past due, by the buckets collectors use: 1–30 → 10, 31–60 → 20, 61–90 → 30 (last chance before
 *    charge-off), 90+ → 24 (lower recovery odds), plus up to 5 more with the days inside the bucket;
 *  - balance: percentile among the queue's accounts in the SAME currency × 30 (currencies never compared);
 *  - broken promises: 20 for the first, +8 each up to 3; a pending promise whose date passed counts as broken;
 *  - best hour: +15 when the debtor's zone is now at (±1 h) the hour where past contacts reached them most
 *    (needs ≥2 successful contacts), −5 when that hour is known and far from now.
 */
import { localDate, localHour } from './local-hour';

export interface QueueReason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

export type ReasonCode =
  | 'callback_due'
  | 'callback_overdue'
  | 'promise_due_today'
  | 'broken_promise'
  | 'promise_overdue'
  | 'dpd_bucket'
  | 'balance_high'
  | 'balance'
  | 'best_hour_now'
  | 'best_hour_later';

export const REASON_CODES: readonly ReasonCode[] = [
  'callback_due', 'callback_overdue', 'promise_due_today', 'broken_promise', 'promise_overdue', 'dpd_bucket',
  'balance_high', 'balance', 'best_hour_now', 'best_hour_later',
];

/** What the queue knows about one account (assembled from the local store by main/services/queue). */
export interface QueueCandidate {
  accountId: string;
  debtorId: string;
  debtorName: string;
  accountNumber: string;
  product: string;
  currency: string;
  balanceMinor: number;
  daysPastDue: number;
  segment: string;
  timeZone: string;
  /** Pending promises on this account with their due dates (YYYY-MM-DD in the debtor's zone) and amounts. */
  pendingPromises: ReadonlyArray<{ dueDate: string; amountMinor: number }>;
  /** Promises on this account marked broken. */
  brokenPromises: number;
  /** Pending callbacks for this account's debtor (UTC ISO). */
  callbacksDueAt: readonly string[];
  /** Successful contacts (a conversation happened) by hour of day in the debtor's zone: 24 counts. */
  contactHours: readonly number[];
}

export interface Deferment {
  until: string;
  reason: QueueReason | { code: string; params: Record<string, string | number> };
}

export interface QueueRow {
  accountId: string;
  debtorId: string;
  debtorName: string;
  accountNumber: string;
  product: string;
  currency: string;
  balanceMinor: number;
  daysPastDue: number;
  segment: string;
  timeZone: string;
  /** 0 = callback/promise due today, 1 = the rest. */
  tier: 0 | 1;
  priority: number;
  reasons: QueueReason[];
  deferredUntil: string | null;
  deferReason: { code: string; params: Record<string, string | number> } | null;
}

export interface BuildQueueOptions {
  now: Date;
  segment?: string;
  limit?: number;
  /** Compliance hook (shared/compliance via the integrator): null = may contact now. */
  defer?: (c: QueueCandidate) => Deferment | null;
  /** `balancePercentiles` of these candidates, when the caller has them already (it keeps them too). */
  percentiles?: ReadonlyMap<string, number>;
}

export function dpdPoints(days: number): { points: number; bucket: string } {
  if (days <= 0) return { points: 0, bucket: '0' };
  if (days <= 30) return { points: 10 + (5 * days) / 30, bucket: '1-30' };
  if (days <= 60) return { points: 20 + (5 * (days - 30)) / 30, bucket: '31-60' };
  if (days <= 90) return { points: 30 + (5 * (days - 60)) / 30, bucket: '61-90' };
  return { points: 24 + Math.min(5, (5 * (days - 90)) / 270), bucket: '90+' };
}

/** Percentile (0..1) of each balance among balances of its currency: ties share the lowest rank's value. */
export function balancePercentiles(cands: readonly QueueCandidate[]): Map<string, number> {
  const byCurrency = new Map<string, number[]>();
  for (const c of cands) {
    let list = byCurrency.get(c.currency);
    if (!list) byCurrency.set(c.currency, (list = []));
    list.push(c.balanceMinor);
  }
  // A typed array sorts numbers natively, without a comparator call per comparison.
  const sorted = new Map<string, Float64Array>();
  for (const [cur, list] of byCurrency) sorted.set(cur, Float64Array.from(list).sort());
  const out = new Map<string, number>();
  for (const c of cands) {
    const list = sorted.get(c.currency)!;
    if (list.length === 1) {
      // Alone in its currency: nothing to compare with, so neither high nor low.
      out.set(c.accountId, 0.5);
      continue;
    }
    // first index with value >= balance
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < c.balanceMinor) lo = mid + 1;
      else hi = mid;
    }
    out.set(c.accountId, lo / (list.length - 1));
  }
  return out;
}

/** The hour (0–23) most successful contacts happened at, or null with fewer than 2 of them. */
export function bestHour(hours: readonly number[]): number | null {
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

function hourDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 24;
  return Math.min(d, 24 - d);
}

interface ZoneNow {
  date: string;
  hour: number;
}

/** Scores one candidate; `percentile` is its balance percentile within its currency. */
export function scoreCandidate(c: QueueCandidate, percentile: number, now: Date, zoneNow: ZoneNow): {
  tier: 0 | 1; score: number; reasons: QueueReason[];
} {
  const parts: Array<{ points: number; reason: QueueReason }> = [];
  let tier: 0 | 1 = 1;
  const nowMs = now.getTime();

  // Callbacks: due already, or due later today in the debtor's zone.
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
      parts.push({
        points: 55,
        reason: { code: 'promise_due_today', params: { amountMinor: p.amountMinor, currency: c.currency } },
      });
    } else if (p.dueDate < zoneNow.date) {
      overdue++;
    }
  }
  const broken = c.brokenPromises + overdue;
  if (broken > 0) {
    const points = 20 + 8 * Math.min(broken - 1, 3);
    parts.push({
      points,
      reason: overdue > 0 && c.brokenPromises === 0
        ? { code: 'promise_overdue', params: { count: overdue } }
        : { code: 'broken_promise', params: { count: broken } },
    });
  }

  const dpd = dpdPoints(c.daysPastDue);
  if (dpd.points > 0) {
    parts.push({ points: dpd.points, reason: { code: 'dpd_bucket', params: { days: c.daysPastDue, bucket: dpd.bucket } } });
  }

  const pct = Math.round(percentile * 100);
  parts.push({
    points: 30 * percentile,
    reason: { code: percentile >= 0.75 ? 'balance_high' : 'balance', params: { percentile: pct, amountMinor: c.balanceMinor, currency: c.currency } },
  });

  const best = bestHour(c.contactHours);
  if (best !== null) {
    if (hourDistance(best, zoneNow.hour) <= 1) {
      parts.push({ points: 15, reason: { code: 'best_hour_now', params: { hour: best } } });
    } else {
      parts.push({ points: -5, reason: { code: 'best_hour_later', params: { hour: best } } });
    }
  }

  parts.sort((a, b) => b.points - a.points);
  const score = parts.reduce((s, p) => s + p.points, 0);
  return { tier, score: Math.round(score * 100) / 100, reasons: parts.map((p) => p.reason) };
}

/** Orders and explains the queue. */
export function buildQueue(all: readonly QueueCandidate[], opts: BuildQueueOptions): QueueRow[] {
  const cands = opts.segment === undefined ? all : all.filter((c) => c.segment === opts.segment);
  const pct = opts.percentiles ?? balancePercentiles(cands);
  const zoneNow = new Map<string, ZoneNow>();
  const rows: QueueRow[] = new Array(cands.length);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    let zn = zoneNow.get(c.timeZone);
    if (!zn) zoneNow.set(c.timeZone, (zn = { date: localDate(opts.now, c.timeZone), hour: localHour(opts.now, c.timeZone) }));
    const s = scoreCandidate(c, pct.get(c.accountId) ?? 0, opts.now, zn);
    const d = opts.defer ? opts.defer(c) : null;
    rows[i] = {
      accountId: c.accountId, debtorId: c.debtorId, debtorName: c.debtorName, accountNumber: c.accountNumber,
      product: c.product, currency: c.currency, balanceMinor: c.balanceMinor, daysPastDue: c.daysPastDue,
      segment: c.segment, timeZone: c.timeZone, tier: s.tier, priority: s.score, reasons: s.reasons,
      deferredUntil: d ? d.until : null, deferReason: d ? d.reason : null,
    };
  }
  rows.sort(compareRows);
  return opts.limit === undefined ? rows : rows.slice(0, opts.limit);
}

export function compareRows(a: QueueRow, b: QueueRow): number {
  const da = a.deferredUntil === null ? 0 : 1;
  const db = b.deferredUntil === null ? 0 : 1;
  if (da !== db) return da - db;
  if (da === 1 && a.deferredUntil !== b.deferredUntil) return a.deferredUntil! < b.deferredUntil! ? -1 : 1;
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
}
