/**
 * One timeline of what happened with a debtor — contacts, payments, promises, callbacks — newest first.
 * Dates without a time (payments) count from the start of that day in the debtor's zone. Pure.
 */
import { DateTime } from 'luxon';
import type { DebtorCard } from '../../../shared/api/methods/portfolio';
import type { Callback, Contact, Payment, PromiseToPay } from '../../../shared/domain/portfolio';
import { instantMs } from '../../../shared/time/instant';

export type TimelineEntry =
  | { kind: 'contact'; at: number; item: Contact }
  | { kind: 'payment'; at: number; item: Payment }
  | { kind: 'promise'; at: number; item: PromiseToPay }
  | { kind: 'callback'; at: number; item: Callback };

const instant = instantMs;
// The start of a day in a zone is the same every time it is asked (a card asks once per payment, per render).
const dayStarts = new Map<string, number>();
function dayStart(date: string, zone: string): number {
  const k = `${zone} ${date}`;
  let ms = dayStarts.get(k);
  if (ms === undefined) {
    ms = DateTime.fromISO(date, { zone }).startOf('day').toMillis();
    if (dayStarts.size >= 5_000) dayStarts.clear();
    dayStarts.set(k, ms);
  }
  return ms;
}

export function buildTimeline(card: Pick<DebtorCard, 'debtor' | 'contacts' | 'payments' | 'promises' | 'callbacks'>): TimelineEntry[] {
  const zone = card.debtor.timeZone;
  const entries: TimelineEntry[] = [
    ...card.contacts.map((item) => ({ kind: 'contact' as const, at: instant(item.startedAt), item })),
    ...card.payments.map((item) => ({ kind: 'payment' as const, at: dayStart(item.postedAt, zone), item })),
    ...card.promises.map((item) => ({ kind: 'promise' as const, at: instant(item.createdAt), item })),
    ...card.callbacks.map((item) => ({ kind: 'callback' as const, at: instant(item.dueAt), item })),
  ];
  // Stable tie-break by kind then id, so the order never flickers between renders.
  return entries.sort((a, b) => b.at - a.at || a.kind.localeCompare(b.kind) || a.item.id.localeCompare(b.item.id));
}

/** The promise due soonest and the callback due soonest that are still pending: what the agent must not miss. */
export function nextPending(card: Pick<DebtorCard, 'promises' | 'callbacks'>): { promise: PromiseToPay | null; callback: Callback | null } {
  const promise = card.promises.filter((p) => p.status === 'pending').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0] ?? null;
  const callback = card.callbacks.filter((c) => c.status === 'pending').sort((a, b) => instant(a.dueAt) - instant(b.dueAt))[0] ?? null;
  return { promise, callback };
}

/** Balance per currency over open accounts, largest first: a debtor may owe in two currencies. */
export function totalsByCurrency(accounts: DebtorCard['accounts']): { currency: string; amountMinor: number; maxDpd: number }[] {
  const by = new Map<string, { currency: string; amountMinor: number; maxDpd: number }>();
  for (const a of accounts) {
    if (a.status !== 'active') continue;
    const t = by.get(a.currency) ?? { currency: a.currency, amountMinor: 0, maxDpd: 0 };
    t.amountMinor += a.balanceMinor;
    t.maxDpd = Math.max(t.maxDpd, a.daysPastDue);
    by.set(a.currency, t);
  }
  return [...by.values()].sort((a, b) => b.amountMinor - a.amountMinor);
}

/** A history row is at least one line of text (~21 px): no more rows than this fit in a window's height. */
const ROW_MIN_PX = 20;

/**
 * Rows a new card renders with its first frame: as many as could be on screen even with the history scrolled to
 * the top of a window as tall as the screen (a 1080-px screen shows ~20 under the card). Only a longer history
 * waits a frame for the rest.
 */
export function timelineFirstRows(viewportPx: number): number {
  return Math.max(1, Math.ceil(viewportPx / ROW_MIN_PX));
}
