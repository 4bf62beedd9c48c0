import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from './errors';
import { KEY_BYTES } from './key-provider';
import { migrate, type MigrationResult } from './migrate';
import { migrations as defaultMigrations, type Migration } from './migrations/index';

export type Db = Database.Database;

export interface OpenStoreOptions {
  file: string;
  key: Buffer;
  /** For tests of the runner; the app always uses the shipped list. */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

export interface OpenedStore {
  db: Db;
  migration: MigrationResult;
}

/**
 * Opens (creating if absent) the desk's encrypted SQLite database.
 * Pragma order matters: cipher, then key, then a read of sqlite_master — the first read is where a wrong key
 * shows (SQLITE_NOTADB), before anything could write to the file. Then WAL, foreign keys, synchronous=NORMAL
 * (in WAL a committed transaction survives a process crash/kill -9; only an OS crash or power loss can lose the
 * last commits — see docs/store.md), and a busy timeout for the sync worker and the UI sharing the file.
 */
export function openStore(opts: OpenStoreOptions): OpenedStore {
  if (opts.key.length !== KEY_BYTES) {
    throw new StoreError('bad_key', `the store key must be ${KEY_BYTES} bytes, got ${opts.key.length}`, { length: opts.key.length });
  }
  if (!opts.readonly) mkdirSync(dirname(opts.file), { recursive: true });
  const db = new Database(opts.file, { readonly: opts.readonly ?? false });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    // Raw 256-bit key (x'…'): no PBKDF2, the key is already random; opening stays in milliseconds.
    db.pragma(`key = "x'${opts.key.toString('hex')}'"`);
    verifyKey(db, opts.file);
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    // Every page read from disk is decrypted; a 64 MB page cache keeps the working set (queue, screen-pop
    // indexes) decrypted once. Memory is only used as pages are touched.
    db.pragma('cache_size = -65536');
    const migration = opts.readonly
      ? { from: 0, to: 0, applied: [] }
      : migrate(db, opts.migrations ?? defaultMigrations);
    return { db, migration };
  } catch (err) {
    db.close();
    throw err;
  }
}

function verifyKey(db: Db, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new StoreError(
        'wrong_key',
        `cannot open the local store ${file}: wrong key or not a Recaudo database (the file was left untouched)`,
        { file },
        err,
      );
    }
    throw err;
  }
}
