import type { Db } from '../store/open';
import type { Account, Contact, Debtor } from '../../../shared/domain/portfolio';
import type { QueueItem } from '../../../shared/api/methods/portfolio';
import { buildQueue, type QueueCandidate } from '../../../shared/queue/priority';

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
 * to the bottom with `deferredUntil` and the reason.
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
}

/** Assembles queue candidates from the local store (6 grouped queries) and orders them with shared/queue. */
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

  type DeferralDebtor = Parameters<Deferral>[1];
  /** A candidate as the hook sees it: the queue's fields plus the account's creditor and the debtor's place. */
  type Cand = QueueCandidate & {
    pendingPromises: Array<{ dueDate: string; amountMinor: number }>;
    callbacksDueAt: string[];
    creditorId: string;
    place: DeferralDebtor | null;
  };

  function candidates(withPlaces: boolean): Cand[] {
    const byAccount = new Map<string, Cand>();
    const byDebtor = new Map<string, Cand[]>();
    type DebtorRow = [id: string, name: string, timeZone: string, country?: DeferralDebtor['country'], region?: string | null, flags?: string];
    type AccountRow = [id: string, debtorId: string, number: string, product: string, currency: string, balance: number, dpd: number, segment: string, creditorId?: string];
    const debtors = new Map<string, DebtorRow>();
    for (const r of (withPlaces ? q.debtorsAndPlaces : q.debtors).all() as DebtorRow[]) debtors.set(r[0], r);
    for (const r of (withPlaces ? q.accountsAndCreditors : q.accounts).all() as AccountRow[]) {
      const d = debtors.get(r[1]);
      if (!d) continue;
      let list = byDebtor.get(r[1]);
      let place: DeferralDebtor | null = null;
      if (withPlaces) {
        // One debtor object for all the debtor's accounts: the hook prepares each debtor once.
        place = list ? list[0]!.place : null;
        place ??= { id: r[1], country: d[3]!, region: d[4]!, timeZone: d[2], flags: d[5] === '[]' ? NO_FLAGS : (JSON.parse(d[5]!) as DeferralDebtor['flags']) };
      }
      const c: Cand = {
        accountId: r[0], debtorId: r[1], debtorName: d[1], accountNumber: r[2], product: r[3], currency: r[4],
        balanceMinor: r[5], daysPastDue: r[6], segment: r[7], timeZone: d[2], pendingPromises: NO_PROMISES,
        brokenPromises: 0, callbacksDueAt: NO_CALLBACKS, contactHours: EMPTY_HOURS, creditorId: withPlaces ? r[8]! : '', place,
      };
      byAccount.set(c.accountId, c);
      if (!list) byDebtor.set(c.debtorId, (list = []));
      list.push(c);
    }
    for (const [accountId, dueDate, amountMinor] of q.pending.all() as Array<[string, string, number]>) {
      const c = byAccount.get(accountId);
      if (!c) continue;
      // Most accounts have none: they share one empty array, a list is made for those that do.
      if (c.pendingPromises === NO_PROMISES) c.pendingPromises = [];
      c.pendingPromises.push({ dueDate, amountMinor });
    }
    for (const [accountId, n] of q.broken.all() as Array<[string, number]>) {
      const c = byAccount.get(accountId);
      if (c) c.brokenPromises = n;
    }
    for (const [debtorId, accountId, dueAt] of q.callbacks.all() as Array<[string, string | null, string]>) {
      const target = accountId !== null && byAccount.has(accountId) ? [byAccount.get(accountId)!] : byDebtor.get(debtorId) ?? [];
      for (const c of target) {
        if (c.callbacksDueAt === NO_CALLBACKS) c.callbacksDueAt = [];
        c.callbacksDueAt.push(dueAt);
      }
    }
    const hours = new Map<string, number[]>();
    for (const [debtorId, hour, n] of q.hours.all() as Array<[string, number, number]>) {
      let h = hours.get(debtorId);
      if (!h) hours.set(debtorId, (h = new Array<number>(24).fill(0)));
      h[hour] = n;
    }
    for (const [debtorId, h] of hours) for (const c of byDebtor.get(debtorId) ?? []) c.contactHours = h;
    return [...byAccount.values()];
  }

  return {
    list(input: { segment?: string; limit?: number }, now: Date): QueueItem[] {
      const deferral = opts.deferral;
      const cands = candidates(deferral !== undefined);
      let defer: ((c: QueueCandidate) => DeferralDecision | null) | undefined;
      if (deferral) {
        const days = Math.min(HISTORY_DAYS, Math.max(0, Math.ceil(deferral.historyDays?.() ?? HISTORY_DAYS)));
        const since = new Date(now.getTime() - days * 86_400_000).toISOString();
        type C = DeferralHistory['contacts'][number];
        const history = new Map<string, { contacts: C[] }>();
        for (const [debtorId, startedAt, channel, accountId, direction, conversation, phoneE164] of
          q.recentContacts.all(since) as Array<[string, string, C['channel'], string | null, C['direction'], number, string | null]>) {
          let h = history.get(debtorId);
          if (!h) history.set(debtorId, (h = { contacts: [] }));
          h.contacts.push({ startedAt, channel, accountId, direction, conversation: conversation === 1, phoneE164 });
        }
        defer = (qc) => {
          const c = qc as Cand;
          return deferral({ id: c.accountId, creditorId: c.creditorId }, c.place!, history.get(c.debtorId) ?? NO_HISTORY);
        };
      }
      const rows = buildQueue(cands, {
        now, ...(input.segment !== undefined ? { segment: input.segment } : {}),
        ...(input.limit !== undefined ? { limit: input.limit } : {}), ...(defer ? { defer } : {}),
      });
      return rows.map((r) => ({
        accountId: r.accountId, debtorId: r.debtorId, debtorName: r.debtorName, accountNumber: r.accountNumber,
        product: r.product, currency: r.currency, balanceMinor: r.balanceMinor, daysPastDue: r.daysPastDue,
        segment: r.segment, timeZone: r.timeZone, priority: r.priority, reasons: r.reasons,
        deferredUntil: r.deferredUntil, deferReason: r.deferReason,
      }));
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
