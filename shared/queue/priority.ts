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
  const ranks = balanceRanks(cands);
  const out = new Map<string, number>();
  for (const c of cands) out.set(c.accountId, ranks.percentile(c));
  return out;
}

/**
 * The candidates' balances sorted by currency: `percentile(c)` is what `balancePercentiles` maps `c` to, found
 * when asked (a binary search) instead of kept per account.
 */
export interface BalanceRanks {
  percentile(c: Pick<QueueCandidate, 'currency' | 'balanceMinor'>): number;
}

export function balanceRanks(cands: readonly QueueCandidate[]): BalanceRanks {
  const byCurrency = new Map<string, number[]>();
  for (const c of cands) {
    let list = byCurrency.get(c.currency);
    if (!list) byCurrency.set(c.currency, (list = []));
    list.push(c.balanceMinor);
  }
  // A typed array sorts numbers natively, without a comparator call per comparison.
  const sorted = new Map<string, Float64Array>();
  for (const [cur, list] of byCurrency) sorted.set(cur, Float64Array.from(list).sort());
  return {
    percentile(c) {
      const list = sorted.get(c.currency);
      // Alone in its currency: nothing to compare with, so neither high nor low.
      if (!list || list.length === 1) return 0.5;
      // first index with value >= balance
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]! < c.balanceMinor) lo = mid + 1;
        else hi = mid;
      }
      return lo / (list.length - 1);
    },
  };
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

// The parts of the candidate being scored, strongest first: kept here between calls instead of an array of
// {points, reason} per candidate (the queue scores thousands at once, and that garbage was most of its GC).
// `score` calls nothing that could score another candidate meanwhile, and copies the reasons out.
const partPoints: number[] = [];
const partReasons: QueueReason[] = [];
let parts = 0;

/**
 * Adds a part in order: after every part with as many points or more, so equal points keep the order they were
 * added in (what a stable sort by points, strongest first, gives).
 */
function addPart(points: number, reason: QueueReason): void {
  let i = parts++;
  while (i > 0 && partPoints[i - 1]! < points) {
    partPoints[i] = partPoints[i - 1]!;
    partReasons[i] = partReasons[i - 1]!;
    i--;
  }
  partPoints[i] = points;
  partReasons[i] = reason;
}

/*
 * Reasons that carry nothing of the account but a count, a number of days or an hour are shared by every row that
 * says the same (one object instead of two per row and reason: a queue's reasons were most of what it allocated).
 * Frozen, so that no row can change another's.
 */
const frozenReason = (code: ReasonCode, params: Record<string, string | number>): QueueReason =>
  Object.freeze({ code, params: Object.freeze(params) }) as QueueReason;
const bestHourNow = Array.from({ length: 24 }, (_, hour) => frozenReason('best_hour_now', { hour }));
const bestHourLater = Array.from({ length: 24 }, (_, hour) => frozenReason('best_hour_later', { hour }));
const brokenReasons = new Map<number, QueueReason>();
const overdueReasons = new Map<number, QueueReason>();
const dpdParts = new Map<number, DpdPart>();
/** At most this many shared reasons of one code (days past due take a few hundred values). */
const MAX_SHARED = 10_000;

function countReason(code: 'broken_promise' | 'promise_overdue', count: number): QueueReason {
  const shared = code === 'broken_promise' ? brokenReasons : overdueReasons;
  let r = shared.get(count);
  if (r === undefined) {
    r = frozenReason(code, { count });
    if (shared.size < MAX_SHARED) shared.set(count, r);
  }
  return r;
}

/** `dpdPoints` of these days and their reason (none without points), worked out once per number of days. */
function dpdPart(days: number): DpdPart {
  let part = dpdParts.get(days);
  if (part === undefined) {
    const { points, bucket } = dpdPoints(days);
    part = { points, reason: points > 0 ? frozenReason('dpd_bucket', { days, bucket }) : null };
    if (dpdParts.size < MAX_SHARED) dpdParts.set(days, part);
  }
  return part;
}
interface DpdPart {
  points: number;
  reason: QueueReason | null;
}

/** Every row's balance reason (a class for the reason rows are one: see `Row`). */
class BalanceReason implements QueueReason {
  declare code: ReasonCode;
  declare params: Record<string, string | number>;
  constructor(code: 'balance' | 'balance_high', percentile: number, amountMinor: number, currency: string) {
    this.code = code;
    // A plain object (the contract's params are a record), filled in from an empty one: V8 does not move those to
    // the old generation as it does a literal's with properties.
    const params: Record<string, string | number> = {};
    params.percentile = percentile;
    params.amountMinor = amountMinor;
    params.currency = currency;
    this.params = params;
  }
}

/** Scores one candidate; `percentile` is its balance percentile within its currency. */
export function scoreCandidate(c: QueueCandidate, percentile: number, now: Date, zoneNow: ZoneNow): {
  tier: 0 | 1; score: number; reasons: QueueReason[];
} {
  const reasons = score(c, percentile, now, zoneNow);
  return { tier: scoredTier, score: scoredScore, reasons };
}

// What `score` found besides the reasons it returns (read right after: `scoreRows` makes no object per candidate
// to carry them).
let scoredTier: 0 | 1 = 1;
let scoredScore = 0;

function score(c: QueueCandidate, percentile: number, now: Date, zoneNow: ZoneNow): QueueReason[] {
  parts = 0;
  let tier: 0 | 1 = 1;

  // Callbacks: due already, or due later today in the debtor's zone.
  if (c.callbacksDueAt.length > 0) {
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
      addPart(60, { code: 'callback_overdue', params: { at: cbOverdue } });
    } else if (cbToday !== null) {
      tier = 0;
      addPart(50, { code: 'callback_due', params: { at: cbToday, hour: localHour(cbToday, c.timeZone) } });
    }
  }

  let overdue = 0;
  for (const p of c.pendingPromises) {
    if (p.dueDate === zoneNow.date) {
      tier = 0;
      addPart(55, { code: 'promise_due_today', params: { amountMinor: p.amountMinor, currency: c.currency } });
    } else if (p.dueDate < zoneNow.date) {
      overdue++;
    }
  }
  const broken = c.brokenPromises + overdue;
  if (broken > 0) {
    addPart(20 + 8 * Math.min(broken - 1, 3), overdue > 0 && c.brokenPromises === 0
      ? countReason('promise_overdue', overdue)
      : countReason('broken_promise', broken));
  }

  const dpd = dpdPart(c.daysPastDue);
  if (dpd.reason !== null) addPart(dpd.points, dpd.reason);

  addPart(30 * percentile, new BalanceReason(percentile >= 0.75 ? 'balance_high' : 'balance', Math.round(percentile * 100), c.balanceMinor, c.currency));

  const best = bestHour(c.contactHours);
  if (best !== null) {
    if (hourDistance(best, zoneNow.hour) <= 1) addPart(15, bestHourNow[best]!);
    else addPart(-5, bestHourLater[best]!);
  }

  // Summed strongest first, from 0: the same additions in the same order, so the same rounding.
  let sum = 0;
  for (let i = 0; i < parts; i++) sum += partPoints[i]!;
  scoredTier = tier;
  scoredScore = Math.round(sum * 100) / 100;
  return partReasons.slice(0, parts);
}

/** Orders and explains the queue. */
export function buildQueue(all: readonly QueueCandidate[], opts: BuildQueueOptions): QueueRow[] {
  const cands = opts.segment === undefined ? all : all.filter((c) => c.segment === opts.segment);
  const pct = opts.percentiles;
  const ranks = pct ? null : balanceRanks(cands);
  const rows = scoreRows(cands, { ...opts, percentileOf: pct ? (c) => pct.get(c.accountId) ?? 0 : (c) => ranks!.percentile(c) });
  rows.sort(compareRows);
  return opts.limit === undefined ? rows : rows.slice(0, opts.limit);
}

/**
 * The rows of these candidates, scored and explained, not yet ordered: `rows[i]` is `cands[i]`'s (the caller
 * indexes them before `rows.sort(compareRows)`; `buildQueue` is this and that sort).
 */
export function scoreRows(cands: readonly QueueCandidate[], opts: Pick<BuildQueueOptions, 'now' | 'defer'> & {
  /** The candidate's balance percentile (`balancePercentiles`, `balanceRanks`). */
  percentileOf: (c: QueueCandidate) => number;
}): QueueRow[] {
  const zoneNow = new Map<string, ZoneNow>();
  const rows: QueueRow[] = new Array(cands.length);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    let zn = zoneNow.get(c.timeZone);
    if (!zn) zoneNow.set(c.timeZone, (zn = { date: localDate(opts.now, c.timeZone), hour: localHour(opts.now, c.timeZone) }));
    const reasons = score(c, opts.percentileOf(c), opts.now, zn);
    const tier = scoredTier;
    const priority = scoredScore;
    const d = opts.defer ? opts.defer(c) : null;
    rows[i] = new Row(c, tier, priority, reasons, d ? d.until : null, d ? d.reason : null);
  }
  return rows;
}

/** The row of a scored candidate and its deferral. */
export function rowOf(c: QueueCandidate, s: { tier: 0 | 1; score: number; reasons: QueueReason[] }, d: Deferment | null): QueueRow {
  return new Row(c, s.tier, s.score, s.reasons, d ? d.until : null, d ? d.reason : null);
}

/** The same row with another deferral. */
export function withDeferral(r: QueueRow, deferredUntil: string | null, deferReason: QueueRow['deferReason']): QueueRow {
  return new Row(r, r.tier, r.priority, r.reasons, deferredUntil, deferReason);
}

/**
 * A queue row. Made by a constructor rather than an object literal: a queue keeps every row it makes, and V8,
 * seeing a literal's objects all survive, starts allocating them straight in the old generation — fresh pages and
 * full collections on every build. It does not do that for a class's instances. (Fields declared only: the
 * constructor sets each once.)
 *
 * The tier is no own property (a getter over a private field): a row's own properties are then exactly a
 * `QueueItem`'s, and the desk hands its rows out as they are instead of copying each one without the tier.
 */
class Row implements QueueRow {
  declare accountId: string;
  declare debtorId: string;
  declare debtorName: string;
  declare accountNumber: string;
  declare product: string;
  declare currency: string;
  declare balanceMinor: number;
  declare daysPastDue: number;
  declare segment: string;
  declare timeZone: string;
  declare priority: number;
  declare reasons: QueueReason[];
  declare deferredUntil: string | null;
  declare deferReason: QueueRow['deferReason'];
  readonly #tier: 0 | 1;

  constructor(
    c: Pick<QueueCandidate, 'accountId' | 'debtorId' | 'debtorName' | 'accountNumber' | 'product' | 'currency' | 'balanceMinor' | 'daysPastDue' | 'segment' | 'timeZone'>,
    tier: 0 | 1, priority: number, reasons: QueueReason[], deferredUntil: string | null, deferReason: QueueRow['deferReason'],
  ) {
    this.accountId = c.accountId;
    this.debtorId = c.debtorId;
    this.debtorName = c.debtorName;
    this.accountNumber = c.accountNumber;
    this.product = c.product;
    this.currency = c.currency;
    this.balanceMinor = c.balanceMinor;
    this.daysPastDue = c.daysPastDue;
    this.segment = c.segment;
    this.timeZone = c.timeZone;
    this.#tier = tier;
    this.priority = priority;
    this.reasons = reasons;
    this.deferredUntil = deferredUntil;
    this.deferReason = deferReason;
  }

  get tier(): 0 | 1 {
    return this.#tier;
  }
}

export function compareRows(a: QueueRow, b: QueueRow): number {
  const da = a.deferredUntil === null ? 0 : 1;
  const db = b.deferredUntil === null ? 0 : 1;
  if (da !== db) return da - db;
  if (da === 1 && a.deferredUntil !== b.deferredUntil) return a.deferredUntil! < b.deferredUntil! ? -1 : 1;
  if (a.tier !== b.tier) return a.tier - b.tier;
  // -1/1 rather than the difference: a fractional difference is a new heap number on every comparison.
  if (a.priority !== b.priority) return a.priority > b.priority ? -1 : 1;
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
}
