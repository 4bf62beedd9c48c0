import type { QueueItem, QueuePage } from '../api/methods/portfolio';

type Counted = Pick<QueueItem, 'deferredUntil' | 'segment' | 'reasons'>;

/**
 * Totals over these rows and how many rows each segment has: what `queuePage` reports, and what the desk's kept
 * queue adds and takes away as its rows change (one pass, no page built).
 */
export function queueTotals(items: readonly Counted[]): { totals: QueuePage['totals']; segments: Map<string, number> } {
  let deferred = 0;
  let promisesToday = 0;
  let callbacksToday = 0;
  const segments = new Map<string, number>();
  for (const i of items) {
    if (i.deferredUntil !== null) deferred++;
    segments.set(i.segment, (segments.get(i.segment) ?? 0) + 1);
    let promise = false;
    let callback = false;
    for (const r of i.reasons) {
      if (r.code === 'promise_due_today') promise = true;
      else if (r.code === 'callback_due' || r.code === 'callback_overdue') callback = true;
    }
    if (promise) promisesToday++;
    if (callback) callbacksToday++;
  }
  return { totals: { accounts: items.length, deferred, promisesToday, callbacksToday }, segments };
}

/**
 * The first `limit` rows of an ordered queue and totals over every row: the renderer never receives 200,000
 * items (a 96 MB reply), yet its counts stay true beyond the limit.
 */
export function queuePage(items: readonly QueueItem[], limit: number): QueuePage {
  const { totals, segments } = queueTotals(items);
  return { items: items.slice(0, limit), totals, segments: [...segments.keys()].sort() };
}
