import { join } from 'node:path';
import { openStore, type Db } from '../store/open';
import { tempDir, testKey } from './temp';

/** A fresh encrypted store in a temp dir, for repository tests. */
export function freshStore(): { db: Db; dir: string; file: string; key: Buffer; close: () => void } {
  const t = tempDir();
  const key = testKey();
  const file = join(t.dir, 'store.db');
  const { db } = openStore({ file, key });
  return { db, dir: t.dir, file, key, close: () => { if (db.open) db.close(); t.cleanup(); } };
}
