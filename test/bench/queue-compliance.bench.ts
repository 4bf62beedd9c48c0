/**
 * `queue_build_ms_5k_compliance`: the agent's 5,000-account queue built with the desk's compliance deferral
 * wired (what `openDesk` does by default): every account checked against its jurisdiction's rules and the
 * debtor's recent contacts. Same store and instant as `queue_build_ms_5k` (test/bench/portfolio), which
 * measures the queue without the hook. Goal ≤50 ms (the team's target: ≤35 ms).
 * Two instants: 15:00Z (mid-morning in the Americas, most rows allowed) and 03:00Z (night, most rows blocked, each
 * searching its next allowed moment).
 *
 * Each build is a new queue service's first, read from the store (a desk's service keeps its queue between calls).
 * Those two rebuild the queue at one frozen instant, so the hook's per-minute memo (debtors with nothing in their
 * rules' window share one answer per place and minute) carries over from build to build. The `_cold` figures
 * build each time a minute later, as a desk left open does: that memo starts empty every build, only what the
 * service keeps per debtor (zones, check input, the events made of contacts that did not change) carries over. No
 * window opens or closes in those minutes.
 */
import type { Bench, BenchFigure } from './bench';
import { timedBuild } from './queue-build';
import { createComplianceService } from '../../main/services/compliance';
import { benchStore, openBenchStore } from '../../main/services/testing/bench-fixture';
import { percentile } from '../../main/services/testing/bench-stats';

async function measure(id: string, nowIso: string, stepMs: number): Promise<BenchFigure> {
  const store = benchStore('queue', 5_000);
  const db = openBenchStore(store);
  try {
    let now = new Date(nowIso);
    const compliance = createComplianceService({ db, now: () => now, log: () => {} });
    const list = (at: Date) => timedBuild(db, at, { deferral: compliance.deferral });
    const n = db.prepare("SELECT count(*) FROM accounts WHERE status = 'active' AND balance_minor > 0").pluck().get() as number;
    let build = 0;
    const next = () => (now = new Date(Date.parse(nowIso) + build++ * stepMs));
    for (let i = 0; i < 3; i++) list(next());
    const times: number[] = [];
    const deferred = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const { rows, ms } = list(next());
      times.push(ms);
      if (rows.length !== n) throw new Error('queue incomplete');
      deferred.add(rows.filter((r) => r.deferredUntil !== null).length);
    }
    console.error(`bench: ${id}: ${[...deferred].join('/')} of ${n} rows deferred from ${nowIso}${stepMs ? `, one build a minute` : ''}`);
    return { id, value: percentile(times, 50), unit: 'ms' };
  } finally {
    db.close();
  }
}

const bench: Bench = {
  ids: ['queue_build_ms_5k_compliance', 'queue_build_ms_5k_compliance_night', 'queue_build_ms_5k_compliance_cold', 'queue_build_ms_5k_compliance_night_cold'],
  async run() {
    return [
      await measure('queue_build_ms_5k_compliance', '2026-11-25T15:00:00Z', 0),
      await measure('queue_build_ms_5k_compliance_night', '2026-11-25T03:00:00Z', 0),
      await measure('queue_build_ms_5k_compliance_cold', '2026-11-25T15:00:00Z', 60_000),
      await measure('queue_build_ms_5k_compliance_night_cold', '2026-11-25T03:00:00Z', 60_000),
    ];
  },
};
export default bench;
