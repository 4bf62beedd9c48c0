import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './open';
import { checkMigrationList, migrate, schemaVersion } from './migrate';
import { StoreError } from './errors';
import { migrations } from './migrations/index';
import { m0001 } from './migrations/0001-initial';
import { m0002 } from './migrations/0002-search';
import { m0003 } from './migrations/0003-sync-wire';
import type { Migration } from './migrations/types';
import { tempDir, testKey } from '../testing/temp';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
function file() {
  const t = tempDir();
  cleanup = t.cleanup;
  return join(t.dir, 'm.db');
}

describe('migration runner', () => {
  it('checks the list is 1..n in order', () => {
    expect(() => checkMigrationList(migrations)).not.toThrow();
    expect(() => checkMigrationList([m0001, m0001])).toThrow(/position 2 holds version 1/);
    expect(() => checkMigrationList([{ ...m0001, version: 2 }])).toThrow(StoreError);
  });

  it('refuses a database from a newer Recaudo, untouched', () => {
    const f = file();
    const key = testKey();
    const { db } = openStore({ file: f, key });
    db.pragma('user_version = 7');
    db.close();
    let err: unknown;
    try { openStore({ file: f, key }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toBe(`this database was created by a newer Recaudo (schema 7 > ${migrations.length}): update the app`);
    expect((err as StoreError).params).toEqual({ found: 7, supported: migrations.length });
  });

  it('runs pending steps in one transaction: a failing step leaves the old schema', () => {
    const f = file();
    const key = testKey();
    openStore({ file: f, key, migrations: [m0001] }).db.close();
    const broken: Migration[] = [
      m0001,
      { version: 2, name: 'adds', up: (db) => db.exec('CREATE TABLE extra (x)') },
      { version: 3, name: 'fails', up: (db) => db.exec('ALTER TABLE nope ADD COLUMN y') },
    ];
    expect(() => openStore({ file: f, key, migrations: broken })).toThrow(/migration 3 \(fails\) failed/);
    const { db } = openStore({ file: f, key, migrations: [m0001] });
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(0);
    expect(migrate(db, [m0001])).toEqual({ from: 1, to: 1, applied: [] });
    db.close();
  });

  it('0001 creates every table of the desk', () => {
    const { db } = openStore({ file: file(), key: testKey(), migrations: [m0001] });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    for (const t of ['accounts', 'audit_log', 'callbacks', 'contacts', 'creditors', 'debtors', 'local_users', 'notes', 'outbox',
      'payments', 'phones', 'policies', 'promises', 'scripts', 'settings', 'sync_meta']) {
      expect(tables).toContain(t);
    }
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT debtor_id FROM phones WHERE e164 = '+573001234567'").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX phones_e164/);
    db.close();
  });

  it('0002 backfills national digits and the search index from 0001 data', () => {
    const f = file();
    const key = testKey();
    const { db } = openStore({ file: f, key, migrations: [m0001] });
    db.exec(`
      INSERT INTO creditors VALUES ('cr', 'Banco', 'CO');
      INSERT INTO debtors (id, creditor_id, full_name, document_type, document_id, country, time_zone, language, profile, updated_at)
        VALUES ('d1', 'cr', 'José Pérez Gómez', 'CC', '1.023.456.789', 'CO', 'America/Bogota', 'es', 'unknown', '2026-01-01T00:00:00Z');
      INSERT INTO accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor,
        days_past_due, due_since, segment, status, updated_at)
        VALUES ('a1', 'd1', 'cr', 'TC-0099-77', 'tc', 'COP', 100, 100, 10, '2026-01-01', 'early', 'active', '2026-01-01T00:00:00Z');
      INSERT INTO phones (id, debtor_id, e164, type, valid, status, updated_at)
        VALUES ('p1', 'd1', '+573119049511', 'mobile', 1, 'ok', '2026-01-01T00:00:00Z');
    `);
    db.close();
    const after = openStore({ file: f, key, migrations: [m0001, m0002] }).db;
    expect(schemaVersion(after)).toBe(2);
    expect(after.prepare("SELECT national_digits FROM phones WHERE id = 'p1'").pluck().get()).toBe('3119049511');
    const q = after.prepare('SELECT rowid FROM debtor_search WHERE debtor_search MATCH ?').pluck();
    expect(q.all('jose')).toHaveLength(1);
    expect(q.all('"1023456789"')).toHaveLength(1);
    expect(q.all('"tc009977"')).toHaveLength(1);
    after.close();
  });

  it('0003 adds the sync wire table, one wire seq per client', () => {
    const f = file();
    const key = testKey();
    openStore({ file: f, key, migrations: [m0001, m0002] }).db.close();
    const { db, migration } = openStore({ file: f, key, migrations: [m0001, m0002, m0003] });
    expect(migration.applied).toEqual(['3-sync-wire']);
    db.prepare("INSERT INTO sync_wire (outbox_seq, client_id, wire_seq) VALUES (1, 'c', 1)").run();
    expect(() => db.prepare("INSERT INTO sync_wire (outbox_seq, client_id, wire_seq) VALUES (2, 'c', 1)").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
