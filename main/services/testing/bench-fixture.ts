/**
 * Large encrypted stores for the benchmarks, generated once (one transaction per 5,000-debtor page, prepared
 * statements) and cached in the OS temp dir by name and fixture version.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFileProvider } from '../store/key-file';
import { openStore, type Db } from '../store/open';
import { SliceWriter } from '../portfolio/slice-writer';
import { demoSlice } from './demo-slice';

// 3: the demo policy follows the current policy schema.
export const FIXTURE_VERSION = 3;
const CHUNK = 5000;

export interface BenchStore {
  dir: string;
  file: string;
  key: Buffer;
  /** Seconds spent generating, 0 when it came from the cache. */
  generatedIn: number;
}

export function benchStore(name: string, accounts: number, opts: { accountsPerDebtor?: number } = {}): BenchStore {
  const perDebtor = opts.accountsPerDebtor ?? 2;
  const dir = join(tmpdir(), 'recaudo-bench', `${name}-${accounts}-v${FIXTURE_VERSION}`);
  const file = join(dir, 'recaudo.db');
  if (existsSync(join(dir, 'complete'))) return { dir, file, key: keyFileProvider(dir).getKey(), generatedIn: 0 };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const key = keyFileProvider(dir).getKey();
  const { db } = openStore({ file, key });
  // Generation only: a throwaway file, so no fsync, and a big cache for the random-order phone index inserts.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  fill(db, Math.ceil(accounts / perDebtor), perDebtor);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  mkdirSync(join(dir, 'complete.tmp'));
  renameSync(join(dir, 'complete.tmp'), join(dir, 'complete'));
  return { dir, file, key, generatedIn: (performance.now() - t0) / 1000 };
}

export function fill(db: Db, debtors: number, accountsPerDebtor: number): void {
  const w = new SliceWriter(db);
  const gen = w.begin();
  for (let offset = 0; offset < debtors; offset += CHUNK) {
    w.applyPage(gen, demoSlice({ debtors: Math.min(CHUNK, debtors - offset), offset, accountsPerDebtor }));
  }
  w.finish(gen);
}

export function openBenchStore(s: BenchStore): Db {
  return openStore({ file: s.file, key: s.key }).db;
}
