import type { Db } from '../store/open';
import type { Account, Contact, Debtor } from '../../../shared/domain/portfolio';
import type { QueueItem, QueuePage } from '../../../shared/api/methods/portfolio';
import { balancePercentiles, buildQueue, compareRows, scoreCandidate, type QueueCandidate, type QueueRow } from '../../../shared/queue/priority';
import { localDate, localHour } from '../../../shared/queue/local-hour';
import { queuePage } from '../../../shared/queue/page';

/** What compliance sees to decide whether this account may be contacted now. */
export interface DeferralHistory {
  /** The debtor's contacts of the last `Deferral.historyDays()` days, 30 when it does not say (what compliance reads of them). */
  contacts: readonly Pick<Contact, 'startedAt' | 'channel' | 'accountId' | 'direction' | 'conversation' | 'phoneE164'>[];
}
export interface DeferralDecision {
  until: string;
  reason: { code: string; params: Record<string, string | number> };
}
/**
 * The compliance hook the integrator wires to shared/compliance: null = may contact now; otherwise the row sinks
 * to the bottom with `deferredUntil` and the reason. Besides the queue's rows it is asked about one probe per place
 * (creditor, country, region, zone, flags): an account and debtor whose ids start with U+0000 and no contacts — the
 * queue learns from it when that place's clock rules (windows, days) change its answer.
 */
export interface Deferral {
  (
    account: Pick<Account, 'id' | 'creditorId'>,
    debtor: Pick<Debtor, 'id' | 'country' | 'region' | 'timeZone' | 'flags'>,
    history: DeferralHistory,
  ): DeferralDecision | null;
  /**
   * How many days of contacts the hook can use at most (its rules' longest window); the queue then reads only
   * those instead of 30 days. Omitted = 30.
   */
  historyDays?: () => number;
}

/** The most days of contacts the queue hands the hook. */
const HISTORY_DAYS = 30;

export interface QueueServiceOptions {
  deferral?: Deferral;
  /** A kept queue older than this is scored again in full (from memory, no store read). Default 15 minutes. */
  maxAgeMs?: number;
}

/** More debtors changed than this since the last build (a pull, a bulk write): read everything again. */
const MAX_DIRTY_DEBTORS = 2_000;
/** Queues kept per segment asked for (the whole queue and the segments the agent filters on). */
const MAX_VIEWS = 4;
const DEFAULT_MAX_AGE_MS = 15 * 60_000;
/** Marks "everything": a change that moves every row (an account's balance → every percentile; the rules). */
const ALL = '*';
const minuteOf = (ms: number) => Math.floor(ms / 60_000);
/** The account and debtor id of a place's probe (no real row has them). */
const PROBE = '\u0000probe\u0000';

function sameReason(a: DeferralDecision['reason'] | null, b: DeferralDecision['reason'] | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.code !== b.code) return false;
  const ka = Object.keys(a.params);
  if (ka.length !== Object.keys(b.params).length) return false;
  return ka.every((k) => a.params[k] === b.params[k]);
}

let instances = 0;

/**
 * Assembles queue candidates from the local store (6 grouped queries) and orders them with shared/queue.
 *
 * The built queue is kept in memory. After the desk's own writes (a contact, a promise, a callback, a dial
 * attempt), and after a pull that only touched a few debtors, only those debtors' candidates are read again,
 * scored and put back in place: the same rows, reasons and order a full build gives (queue-cache.test.ts holds
 * it to that), without reading and scoring 200,000 accounts. Which debtors changed is recorded by TEMP triggers on
 * this connection (nothing in the store file changes), so every writer is seen, the sync engine's too. Everything
 * is read again when an account changes (balances move every percentile), when the rules change, or when too many
 * debtors changed; everything is scored again (from memory) when the hour rolls over in any zone of the queue
 * (priority and compliance use local hours and dates) or when the kept queue is older than `maxAgeMs`. Each new
 * minute every row's deferral is asked again (windows open and close on any minute; a deferral's reason carries
 * the debtor's local time), and rows whose callback falls due or whose deferral ends are scored again at once.
 */
export function createQueueService(db: Db, opts: QueueServiceOptions = {}) {
  // Accounts and debtors are read apart and joined in JS: a debtor's fields are read once, not once per account.
  const ACCOUNTS = `SELECT id, debtor_id, account_number, product, currency, balance_minor, days_past_due, segment`;
  const ACTIVE = `FROM accounts WHERE status = 'active' AND balance_minor > 0`;
  const q = {
    accounts: db.prepare(`${ACCOUNTS} ${ACTIVE}`).raw(),
    debtors: db.prepare('SELECT id, full_name, time_zone FROM debtors').raw(),
    // With the deferral hook: the same reads plus what compliance needs of the account and its debtor, so the hook
    // costs no extra pass over accounts or debtors.
    accountsAndCreditors: db.prepare(`${ACCOUNTS}, creditor_id ${ACTIVE}`).raw(),
    debtorsAndPlaces: db.prepare('SELECT id, full_name, time_zone, country, region, flags FROM debtors').raw(),
    pending: db.prepare(`SELECT account_id, due_date, amount_minor FROM promises WHERE status = 'pending'`).raw(),
    broken: db.prepare(`SELECT account_id, count(*) FROM promises WHERE status = 'broken' GROUP BY account_id`).raw(),
    callbacks: db.prepare(`SELECT debtor_id, account_id, due_at FROM callbacks WHERE status = 'pending'`).raw(),
    hours: db.prepare(`SELECT debtor_id, local_hour, count(*) FROM contacts WHERE conversation = 1
      GROUP BY debtor_id, local_hour`).raw(),
    // One pass over the recent contacts of the whole queue (the days the hook asks for, at most 30), grouped by
    // debtor in JS (not 5,000 look-ups).
    recentContacts: db.prepare(`SELECT debtor_id, started_at, channel, account_id, direction, conversation, phone_e164
      FROM contacts WHERE started_at >= ?`).raw(),
  };
  // The same reads for one debtor (rowid order, as the full scans above return them).
  const one = {
    accounts: db.prepare(`${ACCOUNTS}, creditor_id ${ACTIVE} AND debtor_id = ? ORDER BY rowid`).raw(),
    debtor: db.prepare('SELECT id, full_name, time_zone, country, region, flags FROM debtors WHERE id = ?').raw(),
    pending: db.prepare(`SELECT account_id, due_date, amount_minor FROM promises WHERE status = 'pending'
      AND account_id IN (SELECT id FROM accounts WHERE debtor_id = ?) ORDER BY rowid`).raw(),
    broken: db.prepare(`SELECT account_id, count(*) FROM promises WHERE status = 'broken'
      AND account_id IN (SELECT id FROM accounts WHERE debtor_id = ?) GROUP BY account_id`).raw(),
    // A callback counts for the account it names, or for every account of its debtor.
    callbacks: db.prepare(`SELECT id, debtor_id, account_id, due_at FROM callbacks WHERE status = 'pending'
      AND (debtor_id = ? OR account_id IN (SELECT id FROM accounts WHERE debtor_id = ?)) ORDER BY rowid`).raw(),
    hours: db.prepare(`SELECT debtor_id, local_hour, count(*) FROM contacts WHERE conversation = 1 AND debtor_id = ?
      GROUP BY debtor_id, local_hour`).raw(),
    recentContacts: db.prepare(`SELECT debtor_id, started_at, channel, account_id, direction, conversation, phone_e164
      FROM contacts WHERE debtor_id = ? AND started_at >= ? ORDER BY rowid`).raw(),
  };

  type DeferralDebtor = Parameters<Deferral>[1];
  /** A candidate as the hook sees it: the queue's fields plus the account's creditor and the debtor's place. */
  type Cand = QueueCandidate & {
    pendingPromises: Array<{ dueDate: string; amountMinor: number }>;
    callbacksDueAt: string[];
    creditorId: string;
    place: DeferralDebtor | null;
  };
  type DebtorRow = [id: string, name: string, timeZone: string, country?: DeferralDebtor['country'], region?: string | null, flags?: string];
  type AccountRow = [id: string, debtorId: string, number: string, product: string, currency: string, balance: number, dpd: number, segment: string, creditorId?: string];
  type C = DeferralHistory['contacts'][number];
  type ContactRow = [debtorId: string, startedAt: string, channel: C['channel'], accountId: string | null, direction: C['direction'], conversation: number, phoneE164: string | null];

  interface Reads {
    debtors: Iterable<DebtorRow>;
    accounts: Iterable<AccountRow>;
    pending: Iterable<[string, string, number]>;
    broken: Iterable<[string, number]>;
    callbacks: Iterable<[debtorId: string, accountId: string | null, dueAt: string]>;
    hours: Iterable<[string, number, number]>;
  }

  /** Candidates of what was read; `known` resolves a callback's account outside these reads (one debtor's). */
  function assemble(r: Reads, withPlaces: boolean, known?: (accountId: string) => boolean): Cand[] {
    const byAccount = new Map<string, Cand>();
    const byDebtor = new Map<string, Cand[]>();
    const debtors = new Map<string, DebtorRow>();
    for (const d of r.debtors) debtors.set(d[0], d);
    for (const a of r.accounts) {
      const d = debtors.get(a[1]);
      if (!d) continue;
      let list = byDebtor.get(a[1]);
      let place: DeferralDebtor | null = null;
      if (withPlaces) {
        // One debtor object for all the debtor's accounts: the hook prepares each debtor once.
        place = list ? list[0]!.place : null;
        place ??= { id: a[1], country: d[3]!, region: d[4]!, timeZone: d[2], flags: d[5] === '[]' ? NO_FLAGS : (JSON.parse(d[5]!) as DeferralDebtor['flags']) };
      }
      const c: Cand = {
        accountId: a[0], debtorId: a[1], debtorName: d[1], accountNumber: a[2], product: a[3], currency: a[4],
        balanceMinor: a[5], daysPastDue: a[6], segment: a[7], timeZone: d[2], pendingPromises: NO_PROMISES,
        brokenPromises: 0, callbacksDueAt: NO_CALLBACKS, contactHours: EMPTY_HOURS, creditorId: withPlaces ? a[8]! : '', place,
      };
      byAccount.set(c.accountId, c);
      if (!list) byDebtor.set(c.debtorId, (list = []));
      list.push(c);
    }
    for (const [accountId, dueDate, amountMinor] of r.pending) {
      const c = byAccount.get(accountId);
      if (!c) continue;
      // Most accounts have none: they share one empty array, a list is made for those that do.
      if (c.pendingPromises === NO_PROMISES) c.pendingPromises = [];
      c.pendingPromises.push({ dueDate, amountMinor });
    }
    for (const [accountId, n] of r.broken) {
      const c = byAccount.get(accountId);
      if (c) c.brokenPromises = n;
    }
    for (const [debtorId, accountId, dueAt] of r.callbacks) {
      let target: Cand[];
      if (accountId !== null && byAccount.has(accountId)) target = [byAccount.get(accountId)!];
      else if (accountId !== null && known?.(accountId)) target = []; // another debtor's account: counted there
      else target = byDebtor.get(debtorId) ?? [];
      for (const c of target) {
        if (c.callbacksDueAt === NO_CALLBACKS) c.callbacksDueAt = [];
        c.callbacksDueAt.push(dueAt);
      }
    }
    const hours = new Map<string, number[]>();
    for (const [debtorId, hour, n] of r.hours) {
      let h = hours.get(debtorId);
      if (!h) hours.set(debtorId, (h = new Array<number>(24).fill(0)));
      h[hour] = n;
    }
    for (const [debtorId, h] of hours) for (const c of byDebtor.get(debtorId) ?? []) c.contactHours = h;
    return [...byAccount.values()];
  }

  function groupContacts(rows: Iterable<ContactRow>, into: Map<string, { contacts: C[] }>): void {
    for (const [debtorId, startedAt, channel, accountId, direction, conversation, phoneE164] of rows) {
      let h = into.get(debtorId);
      if (!h) into.set(debtorId, (h = { contacts: [] }));
      h.contacts.push({ startedAt, channel, accountId, direction, conversation: conversation === 1, phoneE164 });
    }
  }

  function historyDays(): number {
    const deferral = opts.deferral;
    return deferral ? Math.min(HISTORY_DAYS, Math.max(0, Math.ceil(deferral.historyDays?.() ?? HISTORY_DAYS))) : 0;
  }

  // ---- what is kept between builds ---------------------------------------------------------------------------
  interface Base {
    cands: Map<string, Cand>;
    byDebtor: Map<string, Cand[]>;
    /** Each debtor's contacts since `since` (what the hook is handed). */
    history: Map<string, { contacts: C[] }>;
    since: number;
    /** The places (creditor, zone, flags…) of the queue's debtors, each with its debtors (see `redecide`). */
    probes: Map<string, Probe>;
  }
  interface Probe {
    creditorId: string;
    place: DeferralDebtor;
    debtors: Set<string>;
  }
  interface View {
    segment: string | undefined;
    rows: QueueRow[];
    /** Each debtor's rows, to find them in `rows`. */
    debtorRows: Map<string, QueueRow[]>;
    pct: Map<string, number>;
    /** Each zone's date and hour the rows were scored for. */
    zones: Map<string, { date: string; hour: number }>;
    scoredAt: number;
    /** The minute the deferrals were decided in (compliance answers change by the minute: windows, local times). */
    decidedMinute: number;
    /** Each place's probe answer that minute (see `redecide`). */
    probes: Map<string, { until: string | null }>;
    /** Rows before this index have their deferral reasons of `decidedMinute`. */
    freshTo: number;
    /** Pending callbacks due after `scoredAt` (ms, debtor), soonest last: a row changes when one falls due. */
    dueSoon: Array<[number, string]>;
    totals: QueuePage['totals'];
    segments: Map<string, number>;
  }
  let base: Base | null = null;
  /** How the queues asked for were brought up to date (tests and the bench check which path ran). */
  const stats = { reads: 0, scores: 0, debtorsRead: 0, redecided: 0 };
  let views: View[] = [];
  const dirtyTable = `queue_dirty_${++instances}`;
  let watching = false;
  let triggers: string[] = [];
  let readDirty: (() => string[]) | null = null;
  let clearDirty: (() => void) | null = null;

  /** TEMP triggers note every debtor whose queue rows a write may change (this connection only; nothing persists). */
  function watch(): void {
    if (watching) return;
    watching = true;
    const t = dirtyTable;
    // Not INSERT OR IGNORE: a trigger's conflict clause gives way to the firing statement's, and the slice writer's
    // upserts (ON CONFLICT DO UPDATE) would then fail on a debtor noted twice (NEW and OLD of one update).
    const mark = (v: string) => `INSERT INTO temp.${t} (debtor_id) SELECT ${v} WHERE NOT EXISTS (SELECT 1 FROM temp.${t} WHERE debtor_id IS ${v});`;
    const ownerOf = (acc: string) => `(SELECT debtor_id FROM main.accounts WHERE id = ${acc})`;
    const sql: string[] = [`CREATE TEMP TABLE ${t} (debtor_id TEXT PRIMARY KEY)`];
    const trig = (name: string, when: string, table: string, body: string, cond = '') =>
      sql.push(`CREATE TEMP TRIGGER ${t}_${name} AFTER ${when} ON main.${table} ${cond ? `WHEN ${cond}` : ''} BEGIN ${body} END`);
    for (const table of ['contacts', 'callbacks', 'promises']) {
      const acc = table === 'contacts' ? '' : 'x';
      trig(`${table}_i`, 'INSERT', table, mark('NEW.debtor_id') + (acc && `${mark(ownerOf('NEW.account_id'))}`));
      trig(`${table}_u`, 'UPDATE', table, mark('NEW.debtor_id') + mark('OLD.debtor_id') + (acc && `${mark(ownerOf('NEW.account_id'))}${mark(ownerOf('OLD.account_id'))}`));
      trig(`${table}_d`, 'DELETE', table, mark('OLD.debtor_id') + (acc && `${mark(ownerOf('OLD.account_id'))}`));
    }
    trig('debtors_i', 'INSERT', 'debtors', mark('NEW.id'));
    trig('debtors_u', 'UPDATE', 'debtors', mark('NEW.id') + mark('OLD.id'));
    trig('debtors_d', 'DELETE', 'debtors', mark('OLD.id'));
    for (const table of ['accounts', 'policies']) {
      for (const when of ['INSERT', 'UPDATE', 'DELETE']) trig(`${table}_${when[0]}`, when, table, mark(`'${ALL}'`));
    }
    // The compliance service's own record of dial attempts and flags it learned (they count in its decisions).
    trig('audit_i', 'INSERT', 'audit_log', mark('substr(NEW.subject, 8)'),
      `NEW.subject LIKE 'debtor:%' AND NEW.action IN ('contact_attempt', 'contact_override', 'flag_changed')`);
    db.exec(sql.map((x) => `${x};`).join('\n'));
    triggers = sql.slice(1).map((x) => x.split(' ')[3]!);
    const select = db.prepare(`SELECT debtor_id FROM temp.${t}`).pluck();
    const del = db.prepare(`DELETE FROM temp.${t}`);
    readDirty = () => select.all() as string[];
    clearDirty = () => void del.run();
  }

  function readAll(): Base {
    const withPlaces = opts.deferral !== undefined;
    const cands = assemble({
      debtors: (withPlaces ? q.debtorsAndPlaces : q.debtors).all() as DebtorRow[],
      accounts: (withPlaces ? q.accountsAndCreditors : q.accounts).all() as AccountRow[],
      pending: q.pending.all() as Array<[string, string, number]>,
      broken: q.broken.all() as Array<[string, number]>,
      callbacks: q.callbacks.all() as Array<[string, string | null, string]>,
      hours: q.hours.all() as Array<[string, number, number]>,
    }, withPlaces);
    const b: Base = { cands: new Map(), byDebtor: new Map(), history: new Map(), since: 0, probes: new Map() };
    for (const c of cands) addCand(b, c);
    return b;
  }

  function readHistory(b: Base, nowMs: number): void {
    b.since = nowMs - historyDays() * 86_400_000;
    b.history = new Map();
    groupContacts(q.recentContacts.all(new Date(b.since).toISOString()) as ContactRow[], b.history);
  }

  function addCand(b: Base, c: Cand): void {
    b.cands.set(c.accountId, c);
    if (c.place) {
      const p = c.place;
      const key = `${c.creditorId}|${p.country}|${p.region ?? ''}|${p.timeZone}|${p.flags.join(',')}`;
      let pr = b.probes.get(key);
      if (!pr) b.probes.set(key, (pr = { creditorId: c.creditorId, place: p, debtors: new Set() }));
      pr.debtors.add(c.debtorId);
    }
    let list = b.byDebtor.get(c.debtorId);
    if (!list) b.byDebtor.set(c.debtorId, (list = []));
    list.push(c);
  }

  /** One debtor's candidates as a full read would assemble them (place always read: the hook may need it). */
  function readDebtor(b: Base, debtorId: string): Cand[] {
    const withPlaces = opts.deferral !== undefined;
    const cbs = (one.callbacks.all(debtorId, debtorId) as Array<[string, string, string | null, string]>);
    return assemble({
      debtors: one.debtor.all(debtorId) as DebtorRow[],
      accounts: one.accounts.all(debtorId) as AccountRow[],
      pending: one.pending.all(debtorId) as Array<[string, string, number]>,
      broken: one.broken.all(debtorId) as Array<[string, number]>,
      // Callbacks of this debtor, and those of another debtor naming one of its accounts.
      callbacks: cbs.map(([, d, a, at]) => [d, a, at] as [string, string | null, string]),
      hours: one.hours.all(debtorId) as Array<[string, number, number]>,
    }, withPlaces, (accountId) => b.cands.has(accountId) && b.cands.get(accountId)!.debtorId !== debtorId);
  }

  const zoneNowOf = (zone: string, now: Date) => ({ date: localDate(now, zone), hour: localHour(now, zone) });

  function deferFn(b: Base): ((c: QueueCandidate) => DeferralDecision | null) | undefined {
    const deferral = opts.deferral;
    if (!deferral) return undefined;
    return (qc) => {
      const c = qc as Cand;
      return deferral({ id: c.accountId, creditorId: c.creditorId }, c.place!, b.history.get(c.debtorId) ?? NO_HISTORY);
    };
  }

  /** Every row of a view, scored now: `buildQueue` itself, so a full build is what it always was. */
  function scoreAll(b: Base, segment: string | undefined, now: Date): View {
    stats.scores++;
    const all = [...b.cands.values()];
    const cands = segment === undefined ? all : all.filter((c) => c.segment === segment);
    const defer = deferFn(b);
    const pct = balancePercentiles(cands);
    const rows = buildQueue(cands, { now, percentiles: pct, ...(segment !== undefined ? { segment } : {}), ...(defer ? { defer } : {}) });
    const v: View = {
      segment, rows, debtorRows: new Map(), pct, zones: new Map(), scoredAt: now.getTime(), decidedMinute: minuteOf(now.getTime()), probes: new Map(), freshTo: Infinity, dueSoon: [],
      totals: { accounts: 0, deferred: 0, promisesToday: 0, callbacksToday: 0 }, segments: new Map(),
    };
    for (const r of rows) {
      const list = v.debtorRows.get(r.debtorId);
      if (list) list.push(r);
      else v.debtorRows.set(r.debtorId, [r]);
      if (!v.zones.has(r.timeZone)) v.zones.set(r.timeZone, zoneNowOf(r.timeZone, now));
    }
    count(v, rows, 1);
    if (opts.deferral) for (const [key, p] of b.probes) { const d = probe(key, p); v.probes.set(key, { until: d ? d.until : null }); }
    for (const c of cands) noteDue(v, c);
    v.dueSoon.sort((x, y) => y[0] - x[0]);
    return v;
  }

  function noteDue(v: View, c: Cand): void {
    for (const at of c.callbacksDueAt) {
      const ms = Date.parse(at);
      if (ms > v.scoredAt) v.dueSoon.push([ms, c.debtorId]);
    }
  }

  /** Adds (sign 1) or takes away (-1) rows from the view's totals: shared/queue's `queuePage` counts them. */
  function count(v: View, rows: readonly QueueRow[], sign: 1 | -1): void {
    if (rows.length === 0) return;
    const t = queuePage(rows, 0).totals;
    v.totals = {
      accounts: v.totals.accounts + sign * t.accounts, deferred: v.totals.deferred + sign * t.deferred,
      promisesToday: v.totals.promisesToday + sign * t.promisesToday, callbacksToday: v.totals.callbacksToday + sign * t.callbacksToday,
    };
    for (const r of rows) {
      const n = (v.segments.get(r.segment) ?? 0) + sign;
      if (n === 0) v.segments.delete(r.segment);
      else v.segments.set(r.segment, n);
    }
  }

  /** The index of the first row not ordered before `row`. */
  function position(rows: readonly QueueRow[], row: QueueRow): number {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRows(rows[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Scores these debtors' rows again in every view (their candidates in `b` are current) and puts them in place. */
  function rescore(b: Base, v: View, debtors: Iterable<string>, now: Date): void {
    const defer = deferFn(b);
    const old: QueueRow[] = [];
    const fresh: QueueRow[] = [];
    const zones = new Map<string, { date: string; hour: number }>();
    for (const debtorId of debtors) {
      for (const r of v.debtorRows.get(debtorId) ?? []) old.push(r);
      for (const c of b.byDebtor.get(debtorId) ?? []) {
        if (v.segment !== undefined && c.segment !== v.segment) continue;
        let zn = v.zones.get(c.timeZone) ?? zones.get(c.timeZone);
        if (!zn) zones.set(c.timeZone, (zn = zoneNowOf(c.timeZone, now)));
        const s = scoreCandidate(c, v.pct.get(c.accountId) ?? 0, now, zn);
        const d = defer ? defer(c) : null;
        fresh.push({
          accountId: c.accountId, debtorId: c.debtorId, debtorName: c.debtorName, accountNumber: c.accountNumber,
          product: c.product, currency: c.currency, balanceMinor: c.balanceMinor, daysPastDue: c.daysPastDue,
          segment: c.segment, timeZone: c.timeZone, tier: s.tier, priority: s.score, reasons: s.reasons,
          deferredUntil: d ? d.until : null, deferReason: d ? d.reason : null,
        });
        noteDueSorted(v, c, now.getTime());
      }
    }
    for (const [zone, zn] of zones) v.zones.set(zone, zn);
    replace(v, old, fresh);
  }

  function noteDueSorted(v: View, c: Cand, nowMs: number): void {
    for (const at of c.callbacksDueAt) {
      const ms = Date.parse(at);
      if (ms <= nowMs) continue;
      // dueSoon is sorted latest first: the soonest sits at the end.
      let lo = 0;
      let hi = v.dueSoon.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v.dueSoon[mid]![0] > ms) lo = mid + 1;
        else hi = mid;
      }
      v.dueSoon.splice(lo, 0, [ms, c.debtorId]);
    }
  }

  /** Same place, same money: the debtor's changes move no percentile (only its own rows). */
  function sameMoney(a: readonly Cand[], b: readonly Cand[]): boolean {
    if (a.length !== b.length) return false;
    const byId = new Map(a.map((c) => [c.accountId, c]));
    return b.every((c) => {
      const o = byId.get(c.accountId);
      return o !== undefined && o.balanceMinor === c.balanceMinor && o.currency === c.currency && o.segment === c.segment;
    });
  }

  /**
   * A new minute. Time alone frees a deferred row only when its `until` passes (those are asked again in `view`),
   * and defers a free row only through the clock rules of its place — a window closing, a day not allowed — which
   * every debtor of that creditor, place and flags meets alike, contacts or not. So one probe per such place (a
   * debtor with no contacts: the hook's per-minute memo answers it) says whose rows to ask again: those of the
   * places whose probe answer changed. Deferred rows' reasons also carry the debtor's local time, which changes
   * every minute: those are asked again when they are handed out (`fresh`).
   */
  function redecide(b: Base, v: View, now: Date): void {
    v.decidedMinute = minuteOf(now.getTime());
    v.freshTo = 0;
    stats.redecided++;
    const changed = new Set<string>();
    for (const [key, p] of b.probes) {
      const d = probe(key, p);
      const prev = v.probes.get(key);
      if (!prev || prev.until !== (d ? d.until : null)) for (const id of p.debtors) changed.add(id);
      v.probes.set(key, { until: d ? d.until : null });
    }
    if (changed.size > 0) redecideRows(b, v, [...changed].flatMap((id) => v.debtorRows.get(id) ?? []));
  }

  function probe(key: string, p: Probe): DeferralDecision | null {
    return opts.deferral!({ id: PROBE, creditorId: p.creditorId }, { ...p.place, id: `${PROBE}${key}` }, NO_HISTORY);
  }

  /** Asks these rows' deferral again; a row moves only when its deferral's end (or its being deferred) changed. */
  function redecideRows(b: Base, v: View, rows: readonly QueueRow[]): number {
    const defer = deferFn(b)!;
    const moved: QueueRow[] = [];
    const fresh: QueueRow[] = [];
    for (const r of rows) {
      const d = defer(b.cands.get(r.accountId)!);
      const until = d ? d.until : null;
      if (until === r.deferredUntil && sameReason(d ? d.reason : null, r.deferReason)) continue;
      const next: QueueRow = { ...r, deferredUntil: until, deferReason: d ? d.reason : null };
      if (until === r.deferredUntil) {
        v.rows[position(v.rows, r)] = next;
        replaceIn(v, r, next);
      } else {
        moved.push(r);
        fresh.push(next);
      }
    }
    if (moved.length > 0) replace(v, moved, fresh);
    return moved.length;
  }

  /** Deferred rows among the first `limit` get their reason as of this minute (the local time it names). */
  function fresh(b: Base, v: View, limit: number): void {
    if (!opts.deferral) return;
    for (let guard = 0; guard < 4; guard++) {
      const to = Math.min(limit, v.rows.length);
      const from = Math.max(v.freshTo, firstDeferred(v));
      if (from >= to) return;
      // A row that moved lets another one into the range: look again (`replace` starts `freshTo` over).
      if (redecideRows(b, v, v.rows.slice(from, to)) === 0) v.freshTo = to;
    }
  }

  function firstDeferred(v: View): number {
    let lo = 0;
    let hi = v.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v.rows[mid]!.deferredUntil === null) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function replaceIn(v: View, old: QueueRow, next: QueueRow): void {
    const list = v.debtorRows.get(old.debtorId)!;
    list[list.indexOf(old)] = next;
  }

  /** Takes `old` rows out of the view and puts `fresh` ones in their places (totals follow). */
  function replace(v: View, old: readonly QueueRow[], fresh: readonly QueueRow[]): void {
    v.freshTo = 0;
    if (old.length + fresh.length > 2_000) {
      // Many rows: one sort beats thousands of splices.
      const gone = new Set(old);
      v.rows = v.rows.filter((r) => !gone.has(r));
      for (const r of fresh) v.rows.push(r);
      v.rows.sort(compareRows);
    } else {
      for (const r of old) {
        const i = position(v.rows, r);
        if (v.rows[i] !== r) throw new Error(`queue cache lost row ${r.accountId}`);
        v.rows.splice(i, 1);
      }
      for (const r of fresh) v.rows.splice(position(v.rows, r), 0, r);
    }
    for (const r of old) {
      const list = v.debtorRows.get(r.debtorId);
      if (!list) continue;
      const i = list.indexOf(r);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) v.debtorRows.delete(r.debtorId);
    }
    for (const r of fresh) {
      const list = v.debtorRows.get(r.debtorId);
      if (list) list.push(r);
      else v.debtorRows.set(r.debtorId, [r]);
    }
    count(v, old, -1);
    count(v, fresh, 1);
  }

  /** The kept queue for this segment, brought up to `now`. */
  function view(segment: string | undefined, now: Date): View {
    watch();
    const nowMs = now.getTime();
    let dirty = base ? readDirty!() : [];
    clearDirty!();
    let full = !base || dirty.includes(ALL) || dirty.length > MAX_DIRTY_DEBTORS;
    // The hook may ask for more days than were read (its rules changed): read the history again.
    if (!full && base && nowMs - historyDays() * 86_400_000 < base.since) full = true;
    if (full) {
      stats.reads++;
      base = readAll();
      readHistory(base, nowMs);
      views = [];
      dirty = [];
    }
    const b = base!;
    // Debtors that changed: their candidates and history read again.
    const changed = new Set(dirty);
    let moneyMoved = false;
    for (const debtorId of changed) {
      const before = b.byDebtor.get(debtorId) ?? [];
      const after = readDebtor(b, debtorId);
      stats.debtorsRead++;
      if (!sameMoney(before, after)) moneyMoved = true;
      for (const c of before) b.cands.delete(c.accountId);
      b.byDebtor.delete(debtorId);
      for (const c of after) addCand(b, c);
      const h: Map<string, { contacts: C[] }> = new Map();
      if (opts.deferral) groupContacts(one.recentContacts.all(debtorId, new Date(b.since).toISOString()) as ContactRow[], h);
      if (h.has(debtorId)) b.history.set(debtorId, h.get(debtorId)!);
      else b.history.delete(debtorId);
    }
    if (moneyMoved) views = [];
    const maxAge = opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    let v = views.find((x) => x.segment === segment);
    if (v) {
      let stale = nowMs < v.scoredAt || nowMs - v.scoredAt > maxAge;
      for (const [zone, zn] of v.zones) {
        if (stale) break;
        const z = zoneNowOf(zone, now);
        if (z.date !== zn.date || z.hour !== zn.hour) stale = true;
      }
      if (stale) {
        views = views.filter((x) => x !== v);
        v = undefined;
      }
    }
    // Other views catch up on the changed debtors too (or are dropped when they cannot).
    for (const other of views) if (other !== v) rescore(b, other, changed, now);
    if (!v) {
      v = scoreAll(b, segment, now);
      views.unshift(v);
      views = views.slice(0, MAX_VIEWS);
      return v;
    }
    if (opts.deferral && minuteOf(nowMs) !== v.decidedMinute) redecide(b, v, now);
    // Rows whose callback fell due or whose deferral ended since they were scored.
    const due = new Set(changed);
    while (v.dueSoon.length > 0 && v.dueSoon[v.dueSoon.length - 1]![0] <= nowMs) due.add(v.dueSoon.pop()![1]);
    // Deferred rows sit last, soonest end first.
    let lo = 0;
    let hi = v.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v.rows[mid]!.deferredUntil === null) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < v.rows.length && Date.parse(v.rows[i]!.deferredUntil!) <= nowMs; i++) due.add(v.rows[i]!.debtorId);
    if (due.size > MAX_DIRTY_DEBTORS) {
      views = views.filter((x) => x !== v);
      v = scoreAll(b, segment, now);
      views.unshift(v);
      return v;
    }
    if (due.size > 0) rescore(b, v, due, now);
    return v;
  }

  const toItem = (r: QueueRow): QueueItem => ({
    accountId: r.accountId, debtorId: r.debtorId, debtorName: r.debtorName, accountNumber: r.accountNumber,
    product: r.product, currency: r.currency, balanceMinor: r.balanceMinor, daysPastDue: r.daysPastDue,
    segment: r.segment, timeZone: r.timeZone, priority: r.priority, reasons: r.reasons,
    deferredUntil: r.deferredUntil, deferReason: r.deferReason,
  });

  return {
    /** Drops what is kept and the TEMP triggers (a service no longer used on an open store). */
    close(): void {
      base = null;
      views = [];
      if (!watching || !db.open) return;
      watching = false;
      db.exec([...triggers.map((t) => `DROP TRIGGER IF EXISTS temp.${t}`), `DROP TABLE IF EXISTS temp.${dirtyTable}`].map((x) => `${x};`).join('\n'));
    },
    /** Full reads, full scorings, debtors read alone, minutes decided again, since the service was made. */
    stats: () => ({ ...stats }),
    /** The ordered queue (or its first `limit` rows). */
    list(input: { segment?: string; limit?: number }, now: Date): QueueItem[] {
      const v = view(input.segment, now);
      fresh(base!, v, input.limit ?? v.rows.length);
      return (input.limit !== undefined ? v.rows.slice(0, input.limit) : v.rows).map(toItem);
    },
    /**
     * What shared/queue's `queuePage(list({ segment }), limit)` gives — the first `limit` rows, totals over every
     * row, the segments — without copying 200,000 rows: the totals are kept with the queue.
     */
    page(input: { segment?: string; limit: number }, now: Date): QueuePage {
      const v = view(input.segment, now);
      fresh(base!, v, input.limit);
      return { items: v.rows.slice(0, input.limit).map(toItem), totals: { ...v.totals }, segments: [...v.segments.keys()].sort() };
    },
  };
}

const EMPTY_HOURS: readonly number[] = Object.freeze(new Array<number>(24).fill(0));
// Shared by every candidate without promises / callbacks; candidates() swaps in a list of its own before a push.
// Not frozen: V8 iterates frozen arrays in for-of through a slower path that allocates an iterator per loop.
const NO_PROMISES: Array<{ dueDate: string; amountMinor: number }> = [];
const NO_CALLBACKS: string[] = [];
const NO_HISTORY: DeferralHistory = Object.freeze({ contacts: Object.freeze([]) });
const NO_FLAGS: Debtor['flags'] = Object.freeze([]) as unknown as Debtor['flags'];
