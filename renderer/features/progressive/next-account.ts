/**
 * Progressive dialing's choice of the next account: the queue's order (already prioritized and explained by the
 * desk), minus the accounts compliance defers right now and the debtors already attempted in this run. Pure.
 */
import type { DebtorCard, QueueItem } from '../../../shared/api/methods/portfolio';

export function nextAccount(
  items: readonly Pick<QueueItem, 'accountId' | 'debtorId' | 'deferredUntil'>[],
  attempted: ReadonlySet<string>,
  nowMs: number,
): number {
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (attempted.has(it.debtorId)) continue;
    if (it.deferredUntil && Date.parse(it.deferredUntil) > nowMs) continue;
    return i;
  }
  return -1;
}

/** The number to call on a card: the first valid phone nobody marked (wrong number, not the debtor, do not call). */
export function callablePhone(card: Pick<DebtorCard, 'phones'>): string | null {
  const ok = card.phones.filter((p) => p.valid && p.status === 'ok');
  const best = ok.find((p) => p.type === 'mobile') ?? ok[0];
  return best?.e164 ?? null;
}

export const COUNTDOWN_SECONDS = 5;
