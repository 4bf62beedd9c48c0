import type { QueueItem, QueuePage } from '../api/methods/portfolio';

/**
 * The first `limit` rows of an ordered queue and totals over every row: the renderer never receives 200,000
 * items (a 96 MB reply), yet its counts stay true beyond the limit.
 */
export function queuePage(items: readonly QueueItem[], limit: number): QueuePage {
  let deferred = 0;
  let promisesToday = 0;
  let callbacksToday = 0;
  const segments = new Set<string>();
  for (const i of items) {
    if (i.deferredUntil !== null) deferred++;
    segments.add(i.segment);
    let promise = false;
    let callback = false;
    for (const r of i.reasons) {
      if (r.code === 'promise_due_today') promise = true;
      else if (r.code === 'callback_due' || r.code === 'callback_overdue') callback = true;
    }
    if (promise) promisesToday++;
    if (callback) callbacksToday++;
  }
  return {
    items: items.slice(0, limit),
    totals: { accounts: items.length, deferred, promisesToday, callbacksToday },
    segments: [...segments].sort(),
  };
}
