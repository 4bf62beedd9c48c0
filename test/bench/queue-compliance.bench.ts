/**
 * `queue_build_ms_5k_compliance`: the agent's 5,000-account queue built with the desk's compliance deferral
 * wired (what `openDesk` does by default): every account checked against its jurisdiction's rules and the
 * debtor's last 30 days of contacts. Same store and instant as `queue_build_ms_5k` (test/bench/portfolio), which
 * measures the queue without the hook. Goal ≤50 ms.
 * Two instants: 15:00Z (mid-morning in the Americas, most rows allowed) and 03:00Z (night, most rows blocked, each
 * searching its next allowed moment).
 */
import type { Bench, BenchFigure } from './bench';
import { createQueueService } from '../../main/services/queue/queue-service';
import { createComplianceService } from '../../main/services/compliance';
import { benchStore, openBenchStore } from '../../main/services/testing/bench-fixture';
import { percentile } from '../../main/services/testing/bench-stats';

async function measure(id: string, nowIso: string): Promise<BenchFigure> {
  const store = benchStore('queue', 5_000);
  const db = openBenchStore(store);
  try {
    const now = new Date(nowIso);
    const compliance = createComplianceService({ db, now: () => now, log: () => {} });
    const queue = createQueueService(db, { deferral: compliance.deferral });
    const n = db.prepare("SELECT count(*) FROM accounts WHERE status = 'active' AND balance_minor > 0").pluck().get() as number;
    for (let i = 0; i < 3; i++) queue.list({}, now);
    const times: number[] = [];
    let deferred = 0;
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const rows = queue.list({}, now);
      times.push(performance.now() - t);
      if (rows.length !== n) throw new Error('queue incomplete');
      deferred = rows.filter((r) => r.deferredUntil !== null).length;
    }
    console.error(`bench: ${id}: ${deferred}/${n} rows deferred at ${nowIso}`);
    return { id, value: percentile(times, 50), unit: 'ms' };
  } finally {
    db.close();
  }
}

const bench: Bench = {
  ids: ['queue_build_ms_5k_compliance', 'queue_build_ms_5k_compliance_night'],
  async run() {
    return [
      await measure('queue_build_ms_5k_compliance', '2026-11-25T15:00:00Z'),
      await measure('queue_build_ms_5k_compliance_night', '2026-11-25T03:00:00Z'),
    ];
  },
};
export default bench;
