/**
 * For Vitest suites: a fresh encrypted store in a fresh temp dir before each test, closed and removed after it.
 * Read `db` and `dir` inside tests (they change per test). Not for benches: it registers Vitest hooks.
 */
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Db } from '../store/open';
import { tempDir, testKey } from './temp';

export function tempStorePerTest(prefix: string): { readonly db: Db; readonly dir: string } {
  let current: { db: Db; dir: { dir: string; cleanup: () => void } } | null = null;
  beforeEach(() => {
    const dir = tempDir(prefix);
    current = { dir, db: openStore({ file: join(dir.dir, 'desk.db'), key: testKey() }).db };
  });
  afterEach(() => {
    if (current?.db.open) current.db.close();
    current?.dir.cleanup();
    current = null;
  });
  const now = () => {
    if (!current) throw new Error('tempStorePerTest: the store exists inside a test only');
    return current;
  };
  return {
    get db() { return now().db; },
    get dir() { return now().dir.dir; },
  };
}
