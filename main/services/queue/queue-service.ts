import type { Db } from '../store/open';
import type { Account, Contact, Debtor } from '../../../shared/domain/portfolio';
import type { QueueItem, QueuePage } from '../../../shared/api/methods/portfolio';
import { balanceRanks, compareRows, rowOf, scoreCandidate, scoreRows, withDeferral, type BalanceRanks, type QueueCandidate, type QueueRow } from '../../../shared/queue/priority';
import { localDate, localHour } from '../../../shared/queue/local-hour';
import { queueTotals } from '../../../shared/queue/page';

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

type DeferralDebtor = Parameters<Deferral>[1];
type DebtorRow = [id: string, name: string, timeZone: string, country?: DeferralDebtor['country'], region?: string | null, flags?: string];
type AccountRow = [id: string, debtorId: string, number: string, product: string, currency: string, balance: number, dpd: number, segment: string, creditorId?: string];
type PendingRow = [accountId: string, dueDate: string, amountMinor: number, owner: string];
type BrokenRow = [accountId: string, count: number, owner: string];
type CallbackRow = [debtorId: string, accountId: string | null, dueAt: string, owner: string | null];
type HoursRow = [debtorId: string, localHour: number, count: number];
type C = DeferralHistory['contacts'][number];
type ContactRow = [debtorId: string, startedAt: string, channel: C['channel'], accountId: string | null, direction: C['direction'], conversation: number, phoneE164: string | null];
/** Rows as columns: `t[k][i]` is row i's k-th value. */
type Columns<R extends unknown[]> = { [K in keyof R]-?: Array<R[K]> };

function columnsOf<R extends unknown[]>(rows: readonly R[], width: number): Columns<R> {
  const t = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  for (let i = 0; i < rows.length; i++) for (let k = 0; k < width; k++) t[k]![i] = rows[i]![k];
  return t as Columns<R>;
}

/**
 * A candidate as the hook sees it: the queue's fields plus the account's creditor and the debtor's place. A class,
 * not an object literal, for the reason shared/queue/priority's rows are (V8 would allocate a kept literal's objects
 * straight in the old generation).
 */
class Cand implements QueueCandidate {
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
  declare pendingPromises: Array<{ dueDate: string; amountMinor: number }>;
  declare brokenPromises: number;
  declare callbacksDueAt: string[];
  declare contactHours: readonly number[];
  declare creditorId: string;
  /** The debtor as the hook is handed it (one object for all the debtor's accounts); null without the hook. */
  declare place: Place | null;
  declare kind: PlaceKind | null;

  /** Account row i's candidate, with debtor row j's strings (shared by the debtor's accounts). */
  constructor(a: Columns<AccountRow>, i: number, d: Columns<DebtorRow>, j: number, contactHours: readonly number[], place: Place | null, kind: PlaceKind | null) {
    this.accountId = a[0][i]!;
    this.debtorId = d[0][j]!;
    this.debtorName = d[1][j]!;
    this.accountNumber = a[2][i]!;
    this.product = a[3][i]!;
    this.currency = a[4][i]!;
    this.balanceMinor = a[5][i]!;
    this.daysPastDue = a[6][i]!;
    this.segment = a[7][i]!;
    this.timeZone = kind ? kind.timeZone : d[2][j]!;
    // Most accounts have none: they share one empty list, one is made for those that do.
    this.pendingPromises = NO_PROMISES;
    this.brokenPromises = 0;
    this.callbacksDueAt = NO_CALLBACKS;
    this.contactHours = contactHours;
    this.creditorId = place ? a[8]![i]! : '';
    this.place = place;
    this.kind = kind;
  }
}

/**
 * A place as the hook's rules see it — country, region, zone, flags — shared by the debtors there; `key` names it
 * (with a creditor, a probe: see `redecide`).
 */
interface PlaceKind {
  country: DeferralDebtor['country'];
  region: string | null;
  timeZone: string;
  /** The flags as stored, and as the hook takes them (frozen: the place's debtors share them). */
  flagsJson: string;
  flags: DeferralDebtor['flags'];
  key: string;
}

/** A debtor as the hook is handed it (a class for the reason `Cand` is one). */
class Place implements DeferralDebtor {
  declare id: string;
  declare country: DeferralDebtor['country'];
  declare region: string | null;
  declare timeZone: string;
  declare flags: DeferralDebtor['flags'];
  constructor(id: string, kind: PlaceKind) {
    this.id = id;
    this.country = kind.country;
    this.region = kind.region;
    this.timeZone = kind.timeZone;
    this.flags = kind.flags;
  }
}

/** One of the debtor's recent contacts as the hook is handed it (a class for the reason `Cand` is one). */
class RecentContact implements C {
  declare startedAt: string;
  declare channel: C['channel'];
  declare accountId: string | null;
  declare direction: C['direction'];
  declare conversation: boolean;
  declare phoneE164: string | null;
  constructor(t: Columns<ContactRow>, i: number) {
    this.startedAt = t[1][i]!;
    this.channel = t[2][i]!;
    this.accountId = t[3][i]!;
    this.direction = t[4][i]!;
    this.conversation = t[5][i] === 1;
    this.phoneE164 = t[6][i]!;
  }
}

/**
 * The places seen, by zone: a debtor's is found among a handful, not built (key, flags parsed) per debtor. Shared by
 * every service: a place is the same place for all of them, and the hook then sees the same strings every build.
 */
const kinds = new Map<string, PlaceKind[]>();
function kindOf(d: Columns<DebtorRow>, j: number): PlaceKind {
  const timeZone = d[2][j]!;
  const country = d[3]![j];
  const region = d[4]![j];
  const flagsJson = d[5]![j];
  let list = kinds.get(timeZone);
  if (list) for (const k of list) if (k.country === country && k.region === region && k.flagsJson === flagsJson) return k;
  const flags = flagsJson === '[]' ? NO_FLAGS : Object.freeze(JSON.parse(flagsJson!) as DeferralDebtor['flags']) as DeferralDebtor['flags'];
  const k: PlaceKind = {
    country: country!, region: region!, timeZone, flagsJson: flagsJson!, flags,
    key: `${country}|${region ?? ''}|${timeZone}|${flags.join(',')}`,
  };
  // Bounds a store with many places, not the usual handful.
  if (kinds.size >= 10_000) kinds.clear();
  if (!list) kinds.set(timeZone, (list = []));
  list.push(k);
  return k;
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
  /**
   * A full read as one JSON text per column: `t[k][i]` is what `.raw().all()` would give as row i's k-th value,
   * in the same order (text and numbers as stored: SQLite writes doubles to 17 digits; a BLOB would come as null).
   * SQLite writes the texts in C and JSON.parse makes each column an array at its size and interns short strings
   * (ids, codes, currencies), where `.raw()` makes every value through the V8 API and an array per row grown a value
   * at a time: half the time, a fraction of the garbage. One text per column rather than one for all: a
   * 5,000-account queue's columns each stay under the size V8 allocates on pages of their own (fresh memory every
   * build). `order` sorts the rows where their order matters.
   */
  function columns<R extends unknown[]>(cols: readonly string[], from: string, order = '') {
    const json = db.prepare(`SELECT ${cols.map((_, i) => `json_group_array(c${i}${order && ' ORDER BY k'})`).join(', ')}
      FROM (SELECT ${cols.map((c, i) => `${c} AS c${i}`).join(', ')}${order && `, ${order} AS k`} ${from})`).raw();
    return (...args: unknown[]): Columns<R> => {
      const texts = json.get(...args) as string[];
      const t = new Array<unknown[]>(texts.length);
      for (let k = 0; k < texts.length; k++) t[k] = JSON.parse(texts[k]!) as unknown[];
      return t as Columns<R>;
    };
  }
  // Accounts and debtors are read apart and joined in JS: a debtor's fields are read once, not once per account.
  const ACCOUNT = ['id', 'debtor_id', 'account_number', 'product', 'currency', 'balance_minor', 'days_past_due', 'segment'];
  const ACTIVE = `FROM accounts WHERE status = 'active' AND balance_minor > 0`;
  const DEBTOR = ['id', 'full_name', 'time_zone'];
  const q = {
    accounts: columns<AccountRow>(ACCOUNT, ACTIVE),
    debtors: columns<DebtorRow>(DEBTOR, 'FROM debtors'),
    // With the deferral hook: the same reads plus what compliance needs of the account and its debtor, so the hook
    // costs no extra pass over accounts or debtors.
    accountsAndCreditors: columns<AccountRow>([...ACCOUNT, 'creditor_id'], ACTIVE),
    debtorsAndPlaces: columns<DebtorRow>([...DEBTOR, 'country', 'region', 'flags'], 'FROM debtors'),
    // Promises and callbacks come with the debtor of the account they name (`owner`): the account's candidate is
    // found among that debtor's, with no index of every account. Promises in the order of the table (an account's
    // promises due today are explained in that order).
    pending: columns<PendingRow>(['p.account_id', 'p.due_date', 'p.amount_minor', 'a.debtor_id'],
      `FROM promises p JOIN accounts a ON a.id = p.account_id WHERE p.status = 'pending'`, 'p.rowid'),
    broken: columns<BrokenRow>(['p.account_id', 'count(*)', 'a.debtor_id'],
      `FROM promises p JOIN accounts a ON a.id = p.account_id WHERE p.status = 'broken' GROUP BY p.account_id`),
    callbacks: columns<CallbackRow>(['c.debtor_id', 'c.account_id', 'c.due_at', 'a.debtor_id'],
      `FROM callbacks c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.status = 'pending'`),
    hours: columns<HoursRow>(['debtor_id', 'local_hour', 'count(*)'], `FROM contacts WHERE conversation = 1
      GROUP BY debtor_id, local_hour`),
    // One pass over the recent contacts of the whole queue (the days the hook asks for, at most 30), grouped by
    // debtor in JS (not 5,000 look-ups).
    recentContacts: columns<ContactRow>(['debtor_id', 'started_at', 'channel', 'account_id', 'direction', 'conversation', 'phone_e164'],
      'FROM contacts WHERE started_at >= ?'),
  };
  const ACCOUNTS = `SELECT ${ACCOUNT.join(', ')}`;
  const OWNER = '(SELECT debtor_id FROM accounts WHERE id = account_id)';
  // The same reads for one debtor (rowid order, as the full reads above give them).
  const one = {
    accounts: db.prepare(`${ACCOUNTS}, creditor_id ${ACTIVE} AND debtor_id = ? ORDER BY rowid`).raw(),
    debtor: db.prepare('SELECT id, full_name, time_zone, country, region, flags FROM debtors WHERE id = ?').raw(),
    pending: db.prepare(`SELECT account_id, due_date, amount_minor, ${OWNER} FROM promises WHERE status = 'pending'
      AND account_id IN (SELECT id FROM accounts WHERE debtor_id = ?) ORDER BY rowid`).raw(),
    broken: db.prepare(`SELECT account_id, count(*), ${OWNER} FROM promises WHERE status = 'broken'
      AND account_id IN (SELECT id FROM accounts WHERE debtor_id = ?) GROUP BY account_id`).raw(),
    // A callback counts for the account it names, or for every account of its debtor.
    callbacks: db.prepare(`SELECT debtor_id, account_id, due_at, ${OWNER} FROM callbacks WHERE status = 'pending'
      AND (debtor_id = ? OR account_id IN (SELECT id FROM accounts WHERE debtor_id = ?)) ORDER BY rowid`).raw(),
    hours: db.prepare(`SELECT debtor_id, local_hour, count(*) FROM contacts WHERE conversation = 1 AND debtor_id = ?
      GROUP BY debtor_id, local_hour`).raw(),
    recentContacts: db.prepare(`SELECT debtor_id, started_at, channel, account_id, direction, conversation, phone_e164
      FROM contacts WHERE debtor_id = ? AND started_at >= ? ORDER BY rowid`).raw(),
  };

  interface Reads {
    debtors: Columns<DebtorRow>;
    accounts: Columns<AccountRow>;
    pending: Columns<PendingRow>;
    broken: Columns<BrokenRow>;
    callbacks: Columns<CallbackRow>;
    hours: Columns<HoursRow>;
  }
  /** Candidates by debtor and (with the hook) the places' probes, by key and by place and creditor. */
  interface Cands {
    byDebtor: Map<string, Cand[]>;
    probes: Map<string, Probe> | null;
    probeOf: Map<PlaceKind, Map<string, Probe>>;
  }

  /** The candidate of this account among its owner's (the debtor it belongs to); none when it is not in the queue. */
  function candOf(byDebtor: Map<string, Cand[]>, owner: string | null, accountId: string): Cand | undefined {
    const list = owner === null ? undefined : byDebtor.get(owner);
    if (list) for (const c of list) if (c.accountId === accountId) return c;
    return undefined;
  }

  /**
   * Adds the candidates of what was read to `into` (a full read assembles straight into the kept base); `known`
   * tells whether an account outside these reads (one debtor's) is in the queue under its owner.
   */
  function assemble(r: Reads, withPlaces: boolean, into: Cands, known?: (owner: string, accountId: string) => boolean): void {
    const byDebtor = into.byDebtor;
    // Each debtor's successful contacts by hour: read first, so that each account takes its debtor's as it is made.
    const hours = new Map<string, number[]>();
    const [hourDebtors, hourOf, hourCount] = r.hours;
    for (let i = 0; i < hourDebtors.length; i++) {
      let h = hours.get(hourDebtors[i]!);
      if (!h) hours.set(hourDebtors[i]!, (h = EMPTY_HOURS.slice()));
      h[hourOf[i]!] = hourCount[i]!;
    }
    // Each debtor's row.
    const debtorIds = r.debtors[0];
    const debtors = new Map<string, number>();
    for (let j = 0; j < debtorIds.length; j++) debtors.set(debtorIds[j]!, j);
    const accountDebtors = r.accounts[1];
    for (let i = 0; i < accountDebtors.length; i++) {
      const j = debtors.get(accountDebtors[i]!);
      if (j === undefined) continue;
      const debtorId = debtorIds[j]!;
      const list = byDebtor.get(debtorId);
      const first = list !== undefined && list.length > 0 ? list[0]! : null;
      let place: Place | null = null;
      let kind: PlaceKind | null = null;
      if (withPlaces) {
        // One debtor object for all the debtor's accounts: the hook prepares each debtor once.
        kind = first?.kind ?? kindOf(r.debtors, j);
        place = first?.place ?? new Place(debtorId, kind);
      }
      addCand(into, new Cand(r.accounts, i, r.debtors, j, hours.get(debtorId) ?? EMPTY_HOURS, place, kind));
    }
    const [pendingAccounts, dueDates, amounts, pendingOwners] = r.pending;
    for (let i = 0; i < pendingAccounts.length; i++) {
      const c = candOf(byDebtor, pendingOwners[i]!, pendingAccounts[i]!);
      if (!c) continue;
      if (c.pendingPromises === NO_PROMISES) c.pendingPromises = [];
      c.pendingPromises.push({ dueDate: dueDates[i]!, amountMinor: amounts[i]! });
    }
    const [brokenAccounts, brokenCounts, brokenOwners] = r.broken;
    for (let i = 0; i < brokenAccounts.length; i++) {
      const c = candOf(byDebtor, brokenOwners[i]!, brokenAccounts[i]!);
      if (c) c.brokenPromises = brokenCounts[i]!;
    }
    const [callbackDebtors, callbackAccounts, dueAts, callbackOwners] = r.callbacks;
    for (let i = 0; i < callbackDebtors.length; i++) {
      const debtorId = callbackDebtors[i]!;
      const accountId = callbackAccounts[i]!;
      const owner = callbackOwners[i]!;
      const dueAt = dueAts[i]!;
      let target: Cand[];
      const named = accountId === null ? undefined : candOf(byDebtor, owner, accountId);
      if (named) target = [named];
      else if (accountId !== null && owner !== null && known?.(owner, accountId)) target = []; // another debtor's account: counted there
      else target = byDebtor.get(debtorId) ?? [];
      for (const c of target) {
        if (c.callbacksDueAt === NO_CALLBACKS) c.callbacksDueAt = [];
        c.callbacksDueAt.push(dueAt);
      }
    }
  }

  function groupContacts(t: Columns<ContactRow>, into: Map<string, { contacts: C[] }>): void {
    const debtorIds = t[0];
    for (let i = 0; i < debtorIds.length; i++) {
      let h = into.get(debtorIds[i]!);
      if (!h) into.set(debtorIds[i]!, (h = { contacts: [] }));
      h.contacts.push(new RecentContact(t, i));
    }
  }

  function historyDays(): number {
    const deferral = opts.deferral;
    return deferral ? Math.min(HISTORY_DAYS, Math.max(0, Math.ceil(deferral.historyDays?.() ?? HISTORY_DAYS))) : 0;
  }

  // ---- what is kept between builds ---------------------------------------------------------------------------
  interface Base {
    /** Each debtor's candidates (every account of the queue is found through its debtor). */
    byDebtor: Map<string, Cand[]>;
    /** Each debtor's contacts since `since` (what the hook is handed). */
    history: Map<string, { contacts: C[] }>;
    since: number;
    /** The places (creditor, zone, flags…) of the queue's debtors, each with its debtors (see `redecide`). */
    probes: Map<string, Probe>;
    probeOf: Map<PlaceKind, Map<string, Probe>>;
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
    /** The balances the rows' percentiles were ranked among (the same until money moves: then views are dropped). */
    ranks: BalanceRanks;
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
    const b: Base = { byDebtor: new Map(), history: new Map(), since: 0, probes: new Map(), probeOf: new Map() };
    assemble({
      debtors: (withPlaces ? q.debtorsAndPlaces : q.debtors)(),
      accounts: (withPlaces ? q.accountsAndCreditors : q.accounts)(),
      pending: q.pending(),
      broken: q.broken(),
      callbacks: q.callbacks(),
      hours: q.hours(),
    }, withPlaces, b);
    return b;
  }

  function readHistory(b: Base, nowMs: number): void {
    b.since = nowMs - historyDays() * 86_400_000;
    b.history = new Map();
    // Only the hook reads contacts.
    if (opts.deferral) groupContacts(q.recentContacts(new Date(b.since).toISOString()), b.history);
  }

  function addCand(b: Cands, c: Cand): void {
    const list = b.byDebtor.get(c.debtorId);
    const prev = list !== undefined && list.length > 0 ? list[list.length - 1]! : null;
    // The debtor's accounts share one place and mostly one creditor: its probe is found once, not per account.
    if (b.probes && c.place && c.kind && !(prev && prev.place === c.place && prev.creditorId === c.creditorId)) {
      let byCreditor = b.probeOf.get(c.kind);
      if (!byCreditor) b.probeOf.set(c.kind, (byCreditor = new Map()));
      let pr = byCreditor.get(c.creditorId);
      if (!pr) {
        const key = `${c.creditorId}|${c.kind.key}`;
        pr = b.probes.get(key);
        if (!pr) b.probes.set(key, (pr = { creditorId: c.creditorId, place: c.place, debtors: new Set() }));
        byCreditor.set(c.creditorId, pr);
      }
      pr.debtors.add(c.debtorId);
    }
    // Most debtors have one or two accounts: a push would give each list room for 17.
    if (list === undefined || list.length === 0) b.byDebtor.set(c.debtorId, [c]);
    else if (list.length === 1) b.byDebtor.set(c.debtorId, [list[0]!, c]);
    else list.push(c);
  }

  /** One debtor's candidates as a full read would assemble them (place always read: the hook may need it). */
  function readDebtor(b: Base, debtorId: string): Cand[] {
    const withPlaces = opts.deferral !== undefined;
    const into: Cands = { byDebtor: new Map(), probes: null, probeOf: new Map() };
    assemble({
      debtors: columnsOf(one.debtor.all(debtorId) as DebtorRow[], 6),
      accounts: columnsOf(one.accounts.all(debtorId) as AccountRow[], 9),
      pending: columnsOf(one.pending.all(debtorId) as PendingRow[], 4),
      broken: columnsOf(one.broken.all(debtorId) as BrokenRow[], 3),
      // Callbacks of this debtor, and those of another debtor naming one of its accounts.
      callbacks: columnsOf(one.callbacks.all(debtorId, debtorId) as CallbackRow[], 4),
      hours: columnsOf(one.hours.all(debtorId) as HoursRow[], 3),
    }, withPlaces, into, (owner, accountId) => owner !== debtorId && candOf(b.byDebtor, owner, accountId) !== undefined);
    return into.byDebtor.get(debtorId) ?? [];
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

  /**
   * Every row of a view, scored now: what `buildQueue` does (scoreRows, then the sort), so a full build is what it
   * always was.
   */
  function scoreAll(b: Base, segment: string | undefined, now: Date): View {
    stats.scores++;
    // The candidates debtor by debtor: each debtor's rows are then a slice of the rows before they are ordered.
    const cands: Cand[] = [];
    const runDebtors: string[] = [];
    const runEnds: number[] = [];
    for (const list of b.byDebtor.values()) {
      for (const c of list) if (segment === undefined || c.segment === segment) cands.push(c);
      runDebtors.push(list[0]!.debtorId);
      runEnds.push(cands.length);
    }
    const defer = deferFn(b);
    const ranks = balanceRanks(cands);
    const rows = scoreRows(cands, { now, percentileOf: (c) => ranks.percentile(c), ...(defer ? { defer } : {}) });
    const v: View = {
      segment, rows, debtorRows: new Map(), ranks, zones: new Map(), scoredAt: now.getTime(), decidedMinute: minuteOf(now.getTime()), probes: new Map(), freshTo: Infinity, dueSoon: [],
      totals: { accounts: 0, deferred: 0, promisesToday: 0, callbacksToday: 0 }, segments: new Map(),
    };
    for (let i = 0, from = 0; i < runDebtors.length; from = runEnds[i++]!) {
      if (runEnds[i] === from) continue;
      v.debtorRows.set(runDebtors[i]!, rows.slice(from, runEnds[i]));
      const zone = cands[from]!.timeZone;
      if (!v.zones.has(zone)) v.zones.set(zone, zoneNowOf(zone, now));
    }
    rows.sort(compareRows);
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

  /** Adds (sign 1) or takes away (-1) rows from the view's totals: shared/queue counts them as `queuePage` does. */
  function count(v: View, rows: readonly QueueRow[], sign: 1 | -1): void {
    if (rows.length === 0) return;
    const { totals: t, segments } = queueTotals(rows);
    v.totals = {
      accounts: v.totals.accounts + sign * t.accounts, deferred: v.totals.deferred + sign * t.deferred,
      promisesToday: v.totals.promisesToday + sign * t.promisesToday, callbacksToday: v.totals.callbacksToday + sign * t.callbacksToday,
    };
    for (const [segment, k] of segments) {
      const n = (v.segments.get(segment) ?? 0) + sign * k;
      if (n === 0) v.segments.delete(segment);
      else v.segments.set(segment, n);
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
        const s = scoreCandidate(c, v.ranks.percentile(c), now, zn);
        fresh.push(rowOf(c, s, defer ? defer(c) : null));
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
      const d = defer(candOf(b.byDebtor, r.debtorId, r.accountId)!);
      const until = d ? d.until : null;
      if (until === r.deferredUntil && sameReason(d ? d.reason : null, r.deferReason)) continue;
      const next = withDeferral(r, until, d ? d.reason : null);
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
      b.byDebtor.delete(debtorId);
      for (const c of after) addCand(b, c);
      const h: Map<string, { contacts: C[] }> = new Map();
      if (opts.deferral) groupContacts(columnsOf(one.recentContacts.all(debtorId, new Date(b.since).toISOString()) as ContactRow[], 7), h);
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
      // The rows themselves (no row is changed once made: a change replaces it); their own fields are an item's.
      return v.rows.slice(0, input.limit ?? v.rows.length);
    },
    /**
     * What shared/queue's `queuePage(list({ segment }), limit)` gives — the first `limit` rows, totals over every
     * row, the segments — without copying 200,000 rows: the totals are kept with the queue.
     */
    page(input: { segment?: string; limit: number }, now: Date): QueuePage {
      const v = view(input.segment, now);
      fresh(base!, v, input.limit);
      return { items: v.rows.slice(0, input.limit), totals: { ...v.totals }, segments: [...v.segments.keys()].sort() };
    },
  };
}

// Shared by every candidate without successful contacts (a copy is made for a debtor with some). Not frozen: V8
// reads and slices a frozen array through slow paths (scoring reads it for most candidates).
const EMPTY_HOURS: readonly number[] = Array.from({ length: 24 }, () => 0);
// Shared by every candidate without promises / callbacks; candidates() swaps in a list of its own before a push.
// Not frozen: V8 iterates frozen arrays in for-of through a slower path that allocates an iterator per loop.
const NO_PROMISES: Array<{ dueDate: string; amountMinor: number }> = [];
const NO_CALLBACKS: string[] = [];
const NO_HISTORY: DeferralHistory = Object.freeze({ contacts: Object.freeze([]) });
const NO_FLAGS: Debtor['flags'] = Object.freeze([]) as unknown as Debtor['flags'];
