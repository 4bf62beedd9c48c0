import type { Db } from '../store/open';
import type { Account, Contact, Debtor } from '../../../shared/domain/portfolio';
import type { QueueItem } from '../../../shared/api/methods/portfolio';
import { buildQueue, type QueueCandidate } from '../../../shared/queue/priority';

/** What compliance sees to decide whether this account may be contacted now. */
export interface DeferralHistory {
  /** The debtor's contacts of the last 30 days (what compliance reads of them). */
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
export type Deferral = (
  account: Pick<Account, 'id' | 'creditorId'>,
  debtor: Pick<Debtor, 'id' | 'country' | 'region' | 'timeZone' | 'flags'>,
  history: DeferralHistory,
) => DeferralDecision | null;

export interface QueueServiceOptions {
  deferral?: Deferral;
}

/** Assembles queue candidates from the local store (5 grouped queries) and orders them with shared/queue. */
export function createQueueService(db: Db, opts: QueueServiceOptions = {}) {
  const q = {
    accounts: db.prepare(`SELECT a.id, a.debtor_id, d.full_name, a.account_number, a.product, a.currency, a.balance_minor,
        a.days_past_due, a.segment, d.time_zone
      FROM accounts a JOIN debtors d ON d.id = a.debtor_id
      WHERE a.status = 'active' AND a.balance_minor > 0`).raw(),
    pending: db.prepare(`SELECT account_id, due_date, amount_minor FROM promises WHERE status = 'pending'`).raw(),
    broken: db.prepare(`SELECT account_id, count(*) FROM promises WHERE status = 'broken' GROUP BY account_id`).raw(),
    callbacks: db.prepare(`SELECT debtor_id, account_id, due_at FROM callbacks WHERE status = 'pending'`).raw(),
    hours: db.prepare(`SELECT debtor_id, local_hour, count(*) FROM contacts WHERE conversation = 1
      GROUP BY debtor_id, local_hour`).raw(),
    // Bulk reads for the deferral hook: one pass each beats 2 × 5,000 point lookups.
    creditors: db.prepare(`SELECT id, creditor_id FROM accounts WHERE status = 'active' AND balance_minor > 0`).raw(),
    places: db.prepare('SELECT id, country, region, time_zone, flags FROM debtors').raw(),
    recentContacts: db.prepare(`SELECT debtor_id, started_at, channel, account_id, direction, conversation, phone_e164
      FROM contacts WHERE started_at >= ?`).raw(),
  };

  function candidates(): QueueCandidate[] {
    type Cand = QueueCandidate & { pendingPromises: Array<{ dueDate: string; amountMinor: number }>; callbacksDueAt: string[] };
    const byAccount = new Map<string, Cand>();
    const byDebtor = new Map<string, Cand[]>();
    for (const r of q.accounts.all() as Array<[string, string, string, string, string, string, number, number, string, string]>) {
      const c: Cand = {
        accountId: r[0], debtorId: r[1], debtorName: r[2], accountNumber: r[3], product: r[4], currency: r[5],
        balanceMinor: r[6], daysPastDue: r[7], segment: r[8], timeZone: r[9], pendingPromises: [],
        brokenPromises: 0, callbacksDueAt: [], contactHours: EMPTY_HOURS,
      };
      byAccount.set(c.accountId, c);
      let list = byDebtor.get(c.debtorId);
      if (!list) byDebtor.set(c.debtorId, (list = []));
      list.push(c);
    }
    for (const [accountId, dueDate, amountMinor] of q.pending.all() as Array<[string, string, number]>) {
      byAccount.get(accountId)?.pendingPromises.push({ dueDate, amountMinor });
    }
    for (const [accountId, n] of q.broken.all() as Array<[string, number]>) {
      const c = byAccount.get(accountId);
      if (c) c.brokenPromises = n;
    }
    for (const [debtorId, accountId, dueAt] of q.callbacks.all() as Array<[string, string | null, string]>) {
      const target = accountId !== null && byAccount.has(accountId) ? [byAccount.get(accountId)!] : byDebtor.get(debtorId) ?? [];
      for (const c of target) c.callbacksDueAt.push(dueAt);
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
      const cands = candidates();
      let defer: ((c: QueueCandidate) => DeferralDecision | null) | undefined;
      const deferral = opts.deferral;
      if (deferral) {
        const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
        type C = DeferralHistory['contacts'][number];
        const history = new Map<string, C[]>();
        for (const [debtorId, startedAt, channel, accountId, direction, conversation, phoneE164] of
          q.recentContacts.all(since) as Array<[string, string, C['channel'], string | null, C['direction'], number, string | null]>) {
          let list = history.get(debtorId);
          if (!list) history.set(debtorId, (list = []));
          list.push({ startedAt, channel, accountId, direction, conversation: conversation === 1, phoneE164 });
        }
        const creditorOf = new Map<string, string>();
        for (const [id, creditorId] of q.creditors.all() as Array<[string, string]>) creditorOf.set(id, creditorId);
        type D = Parameters<Deferral>[1];
        const debtors = new Map<string, D>();
        for (const [id, country, region, timeZone, flags] of q.places.all() as Array<[string, string, string | null, string, string]>) {
          debtors.set(id, { id, country: country as D['country'], region, timeZone, flags: flags === '[]' ? [] : (JSON.parse(flags) as D['flags']) });
        }
        defer = (c) => deferral({ id: c.accountId, creditorId: creditorOf.get(c.accountId)! }, debtors.get(c.debtorId)!, { contacts: history.get(c.debtorId) ?? NO_CONTACTS });
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
const NO_CONTACTS: DeferralHistory['contacts'] = Object.freeze([]);
