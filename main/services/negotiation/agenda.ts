import { AGENDA_MAX_LIMIT, type AgendaItemView, type AgendaResult } from '../../../shared/api/methods/negotiation';
import { allocate, type Money } from '../../../shared/money';
import {
  followUpAgenda, localDateTime, nominalDate, parsePolicy, todayIn, trackPromises,
  type AgendaItem, type PromiseRecord, type ScheduledPayment, type TrackedPromise,
} from '../../../shared/negotiation';
import type { Db } from '../store/open';

interface OpenPromiseRow {
  id: string; account_id: string; debtor_id: string; agent_id: string; amount_minor: number; currency: string;
  due_date: string; installments: number; created_at: string; terms: string | null; time_zone: string;
  creditor_id: string; segment: string;
}

/**
 * A promise's schedule: its recorded terms, or — for a promise made on another desk and known only by its
 * summary — the total split into monthly payments from the first due date (one payment when it has one).
 */
export function scheduleOf(row: { amount_minor: number; currency: string; due_date: string; installments: number; terms: string | null }): ScheduledPayment[] {
  if (row.terms) return (JSON.parse(row.terms) as PromiseRecord).schedule;
  const total: Money = { amountMinor: row.amount_minor, currency: row.currency as Money['currency'] };
  if (row.installments <= 1) return [{ seq: 1, kind: 'single', dueDate: row.due_date, amount: total }];
  return allocate(total, row.installments).map((amount, i) => ({ seq: i + 1, kind: 'installment', dueDate: nominalDate(row.due_date, i, 'monthly'), amount }));
}

export function createAgenda(db: Db) {
  const q = {
    promises: db.prepare(`SELECT p.id, p.account_id, p.debtor_id, p.agent_id, p.amount_minor, p.currency, p.due_date, p.installments,
        p.created_at, p.terms, d.time_zone, a.creditor_id, a.segment
      FROM promises p JOIN debtors d ON d.id = p.debtor_id JOIN accounts a ON a.id = p.account_id
      WHERE p.agent_id = ? AND p.status IN ('pending', 'partial', 'broken')`),
    payments: db.prepare('SELECT id, account_id, amount_minor, currency, posted_at FROM payments WHERE account_id IN (SELECT value FROM json_each(?))'),
    callbacks: db.prepare(`SELECT id, debtor_id, account_id, due_at, time_zone, status FROM callbacks WHERE agent_id = ? AND status = 'pending'`),
    policy: db.prepare('SELECT body FROM policies WHERE creditor_id = ? AND segment = ? ORDER BY version DESC LIMIT 1').pluck(),
    debtor: db.prepare('SELECT full_name FROM debtors WHERE id = ?').pluck(),
    account: db.prepare('SELECT account_number, currency FROM accounts WHERE id = ?'),
  };

  /** `limit` caps each group's list (soonest first); `totals` always counts every item. */
  return function agenda(agentId: string, range: 'today' | 'week', agentZone: string, now: Date, limit = AGENDA_MAX_LIMIT): AgendaResult {
    const rows = q.promises.all(agentId) as OpenPromiseRow[];
    const graceCache = new Map<string, number>();
    const grace = (r: OpenPromiseRow) => {
      const key = `${r.creditor_id}\u0000${r.segment}`;
      let g = graceCache.get(key);
      if (g === undefined) {
        const body = q.policy.get(r.creditor_id, r.segment) as string | undefined;
        const p = body ? parsePolicy(JSON.parse(body)) : null;
        g = p && p.ok ? p.policy.graceDays : 0;
        graceCache.set(key, g);
      }
      return g;
    };
    const graceById = new Map(rows.map((r) => [r.id, grace(r)]));
    const tracked: TrackedPromise[] = rows.map((r) => ({
      id: r.id, accountId: r.account_id, agentId: r.agent_id, createdAt: r.created_at,
      createdOn: todayIn(r.time_zone, r.created_at), zone: r.time_zone, schedule: scheduleOf(r),
    }));
    const zoneOf = new Map(rows.map((r) => [r.account_id, r.time_zone]));
    const payments = (q.payments.all(JSON.stringify([...zoneOf.keys()])) as Array<{ id: string; account_id: string; amount_minor: number; currency: string; posted_at: string }>).map((p) => ({
      id: p.id, accountId: p.account_id, amount: { amountMinor: p.amount_minor, currency: p.currency as Money['currency'] }, postedOn: p.posted_at.slice(0, 10),
    }));
    const t = trackPromises({ promises: tracked, payments, graceDays: (p) => graceById.get(p.id) ?? 0, now: now.toISOString() });
    const callbacks = q.callbacks.all(agentId) as Array<{ id: string; debtor_id: string; account_id: string | null; due_at: string; time_zone: string; status: 'pending' }>;
    const cbZone = new Map(callbacks.map((c) => [c.id, c.time_zone]));
    const a = followUpAgenda({
      promises: t.promises, now: now.toISOString(), agentZone,
      callbacks: callbacks.map((c) => ({ id: c.id, accountId: c.account_id, debtorId: c.debtor_id, dueAt: c.due_at, status: c.status })),
    });
    const debtorOfAccount = new Map(rows.map((r) => [r.account_id, r.debtor_id]));
    const view = (i: AgendaItem): AgendaItemView => {
      const accountId = i.accountId;
      const debtorId = i.kind === 'callback' ? i.debtorId : debtorOfAccount.get(i.accountId)!;
      const acc = accountId ? (q.account.get(accountId) as { account_number: string; currency: string } | undefined) : undefined;
      const base = {
        date: i.date, overdue: i.kind === 'broken_promise' ? true : i.overdue, debtorId, debtorName: (q.debtor.get(debtorId) as string | undefined) ?? debtorId,
        accountId, accountNumber: acc?.account_number ?? null, currency: acc?.currency ?? null,
      };
      switch (i.kind) {
        case 'payment_due':
          return { ...base, kind: i.kind, time: null, amountMinor: i.amountMinor, paidMinor: i.paidMinor, promiseId: i.promiseId, callbackId: null, debtorTime: null };
        case 'broken_promise': {
          const p = t.promises.find((x) => x.promiseId === i.promiseId);
          return { ...base, kind: i.kind, time: null, amountMinor: p?.totalMinor ?? null, paidMinor: p?.paidMinor ?? null, promiseId: i.promiseId, callbackId: null, debtorTime: null };
        }
        case 'callback': {
          const zone = cbZone.get(i.callbackId)!;
          const local = localDateTime(i.at, zone);
          return { ...base, kind: i.kind, time: i.time, amountMinor: null, paidMinor: null, promiseId: null, callbackId: i.callbackId, debtorTime: `${local.date} ${local.time} ${zone}` };
        }
      }
    };
    // Only the rows sent are dressed (two look-ups each): 10,000 callbacks cost 10,000 look-ups no more.
    const thisWeek = range === 'week' ? a.thisWeek : [];
    return {
      range,
      today: todayIn(agentZone, now.toISOString()),
      overdue: a.overdue.slice(0, limit).map(view),
      dueToday: a.today.slice(0, limit).map(view),
      thisWeek: thisWeek.slice(0, limit).map(view),
      totals: { overdue: a.overdue.length, dueToday: a.today.length, thisWeek: thisWeek.length },
    };
  };
}
