import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './open';
import { StoreError } from './errors';
import { LATEST_SCHEMA, migrations } from './migrations/index';
import { replaceSlice } from '../portfolio/slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { tempDir, testKey } from '../testing/temp';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function fresh() {
  const t = tempDir();
  cleanup = t.cleanup;
  return { file: join(t.dir, 'store.db'), dir: t.dir };
}

describe('openStore', () => {
  it('creates an encrypted, migrated database with WAL, foreign keys and NORMAL sync', () => {
    const { file } = fresh();
    const { db, migration } = openStore({ file, key: testKey() });
    // Every step of the list, in order, from an empty file (new steps join without editing this test).
    expect(migration).toEqual({ from: 0, to: LATEST_SCHEMA, applied: migrations.map((m) => `${m.version}-${m.name}`) });
    expect(migration.applied.slice(0, 3)).toEqual(['1-initial', '2-search', '3-sync-wire']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('keeps debtor data out of the file bytes (db and WAL)', () => {
    const { file, dir } = fresh();
    const key = testKey();
    const { db } = openStore({ file, key });
    const slice = demoSlice({ debtors: 20 });
    replaceSlice(db, slice);
    const name = slice.debtors[3]!.fullName;
    expect(db.prepare('SELECT count(*) FROM debtors WHERE full_name = ?').pluck().get(name)).toBe(1);
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f));
      expect(bytes.includes(Buffer.from(name, 'utf8')), f).toBe(false);
      expect(bytes.includes(Buffer.from('CREATE TABLE', 'utf8')), f).toBe(false);
    }
    db.close();
  });

  it('refuses a wrong key with a clear error and leaves the file intact', () => {
    const { file } = fresh();
    const key = testKey();
    const { db } = openStore({ file, key });
    replaceSlice(db, demoSlice({ debtors: 5 }));
    db.close();
    const before = readFileSync(file);
    let err: unknown;
    try { openStore({ file, key: testKey() }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).reason).toBe('wrong_key');
    expect((err as StoreError).key).toBe('errors.store.wrong_key');
    expect(readFileSync(file).equals(before)).toBe(true);
    const again = openStore({ file, key });
    expect(again.db.prepare('SELECT count(*) FROM debtors').pluck().get()).toBe(5);
    again.db.close();
  });

  it('cannot be read without any key', () => {
    const { file } = fresh();
    openStore({ file, key: testKey() }).db.close();
    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
  });

  it('rejects a key of the wrong length before touching the file', () => {
    const { file } = fresh();
    expect(() => openStore({ file, key: Buffer.alloc(16) })).toThrow(/32 bytes/);
  });

  it('has the audit log with the agreed DDL, append-only', () => {
    const { file } = fresh();
    const { db } = openStore({ file, key: testKey() });
    const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log'").pluck().get();
    expect(ddl).toBe('CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)');
    db.prepare("INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES ('2026-01-01T00:00:00Z', 'u1', 'login', NULL, '{}', '0', 'h1')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    db.close();
  });
});
