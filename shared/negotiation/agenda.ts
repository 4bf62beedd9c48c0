import { DateTime } from 'luxon';
import type { PromiseTracking } from './promise-tracking';

/**
 * The agent's follow-up calendar: payments promised and callbacks, bucketed by the agent's own day (overdue,
 * today, the rest of this week Monday–Sunday). Payment dates are the debtor's local dates; callbacks are
 * UTC instants shown in the agent's zone.
 */
export interface AgendaCallback {
  id: string;
  accountId: string | null;
  debtorId: string;
  dueAt: string;
  status: 'pending' | 'done' | 'cancelled';
}

export type AgendaItem =
  | { kind: 'payment_due'; date: string; promiseId: string; accountId: string; seq: number; amountMinor: number; paidMinor: number; overdue: boolean }
  | { kind: 'callback'; date: string; time: string; at: string; callbackId: string; accountId: string | null; debtorId: string; overdue: boolean }
  | { kind: 'broken_promise'; date: string; promiseId: string; accountId: string };

export interface Agenda {
  overdue: AgendaItem[];
  today: AgendaItem[];
  thisWeek: AgendaItem[];
}

export function followUpAgenda(input: { promises: readonly PromiseTracking[]; callbacks: readonly AgendaCallback[]; now: string; agentZone: string }): Agenda {
  const now = DateTime.fromISO(input.now, { zone: 'utc' }).setZone(input.agentZone);
  const today = now.toISODate() as string;
  const sunday = now.plus({ days: 7 - now.weekday }).toISODate() as string;
  const agenda: Agenda = { overdue: [], today: [], thisWeek: [] };
  const put = (item: AgendaItem, overdue: boolean) => {
    if (overdue) agenda.overdue.push(item);
    else if (item.date === today) agenda.today.push(item);
    else if (item.date > today && item.date <= sunday) agenda.thisWeek.push(item);
  };
  const weekAgo = now.minus({ days: 7 }).toISODate() as string; // once, not per promise: 10k broken cost ~150 ms
  for (const p of input.promises) {
    if (p.status === 'broken' && p.brokenOn && p.brokenOn >= weekAgo) {
      agenda.overdue.push({ kind: 'broken_promise', date: p.brokenOn, promiseId: p.promiseId, accountId: p.accountId });
      continue;
    }
    if (p.status !== 'pending' && p.status !== 'partial') continue;
    for (const i of p.installments) {
      if (i.status === 'kept' || i.status === 'broken') continue;
      put({ kind: 'payment_due', date: i.dueDate, promiseId: p.promiseId, accountId: p.accountId, seq: i.seq, amountMinor: i.amountMinor, paidMinor: i.paidMinor, overdue: i.overdue }, i.overdue);
    }
  }
  for (const c of input.callbacks) {
    if (c.status !== 'pending') continue;
    const local = DateTime.fromISO(c.dueAt, { zone: 'utc' }).setZone(input.agentZone);
    const overdue = local < now;
    put({ kind: 'callback', date: local.toISODate() as string, time: local.toFormat('HH:mm'), at: c.dueAt, callbackId: c.id, accountId: c.accountId, debtorId: c.debtorId, overdue }, overdue);
  }
  const key = (i: AgendaItem) => `${i.date} ${i.kind === 'callback' ? i.time : '00:00'}`;
  for (const list of [agenda.overdue, agenda.today, agenda.thisWeek]) list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return agenda;
}
