/**
 * Local store figures: `store_open_ms` (open + key check + migration check of the encrypted store holding the
 * demo portfolio's 2,000 debtors) and `lookup_by_phone_p99_us_1m` (caller-ID / typed-number lookup with
 * 1,000,000 accounts in the encrypted store; goal ≤1,000 µs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Bench, BenchFigure } from './bench';
import { generateDemoPortfolio } from '../../server/demo/generate';
import { openStore } from '../../main/services/store/open';
import { replaceSlice } from '../../main/services/portfolio/slice-writer';
import { createPhoneLookup } from '../../main/services/portfolio/lookup';
import { benchStore, openBenchStore } from '../../main/services/testing/bench-fixture';
import { percentile, phoneProbes } from '../../main/services/testing/bench-stats';

async function storeOpen(): Promise<BenchFigure> {
  const dir = mkdtempSync(join(tmpdir(), 'recaudo-bench-open-'));
  try {
    const file = join(dir, 'recaudo.db');
    const key = randomBytes(32);
    const { db } = openStore({ file, key });
    replaceSlice(db, generateDemoPortfolio({ seed: 1, debtors: 2000 }));
    db.close();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      const opened = openStore({ file, key });
      times.push(performance.now() - t);
      opened.db.close();
    }
    return { id: 'store_open_ms', value: percentile(times, 50), unit: 'ms' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function lookup1m(): Promise<BenchFigure> {
  const store = benchStore('lookup', 1_000_000);
  if (store.generatedIn > 0) console.error(`bench: generated the 1M-account store in ${store.generatedIn.toFixed(0)} s (cached in ${store.dir})`);
  const db = openBenchStore(store);
  try {
    const lookup = createPhoneLookup(db);
    const probes = phoneProbes(db, 5000);
    for (const p of probes.slice(0, 500)) lookup(p.input); // warm the page cache the way a working desk has it
    const times: number[] = [];
    let found = 0;
    for (const p of probes) {
      const t = performance.now();
      const ids = lookup(p.input);
      times.push((performance.now() - t) * 1000);
      if (ids.includes(p.debtorId)) found++;
    }
    if (found !== probes.length) throw new Error(`lookup missed ${probes.length - found} of ${probes.length} numbers`);
    return { id: 'lookup_by_phone_p99_us_1m', value: Math.round(percentile(times, 99)), unit: 'us' };
  } finally {
    db.close();
  }
}

const bench: Bench = {
  ids: ['store_open_ms', 'lookup_by_phone_p99_us_1m'],
  async run() {
    const want = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    const out: BenchFigure[] = [];
    if (want.length === 0 || want.includes('store_open_ms')) out.push(await storeOpen());
    if (want.length === 0 || want.includes('lookup_by_phone_p99_us_1m')) out.push(await lookup1m());
    return out;
  },
};
export default bench;
