/**
 * One queue build from the store, timed: what `queue_build_ms_5k` and `queue_build_ms_5k_compliance` measure.
 * A new queue service each time, closed after: a desk's service keeps its queue between calls and re-reads only
 * what changed (`queue_reload_ms_200k`), so asking one service again would time the kept queue instead.
 */
import { createQueueService, type QueueServiceOptions } from '../../main/services/queue/queue-service';
import type { Db } from '../../main/services/store/open';
import type { QueueItem } from '../../shared/api/methods/portfolio';

export function timedBuild(db: Db, at: Date, opts: QueueServiceOptions = {}): { rows: QueueItem[]; ms: number } {
  const queue = createQueueService(db, opts);
  try {
    const t = performance.now();
    const rows = queue.list({}, at);
    const ms = performance.now() - t;
    if (queue.stats().reads !== 1) throw new Error('the queue was not read from the store');
    return { rows, ms };
  } finally {
    queue.close();
  }
}
