import type Database from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './errors';
import type { Migration } from './migrations/types';

/** Refuses a list whose versions are not exactly 1, 2, 3… in order: a merge mistake must not reach a user's DB. */
export function checkMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new StoreError(
        'bad_migration_list',
        `migration list out of order: position ${i + 1} holds version ${m.version} (${m.name})`,
        { position: i + 1, version: m.version, name: m.name },
      );
    }
  });
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Brings the database to the newest schema: every pending step plus the version bump in ONE transaction, so a
 * crash mid-way leaves the previous schema intact. A database written by a newer Recaudo is refused, never
 * touched.
 */
export function migrate(db: Database.Database, list: readonly Migration[]): MigrationResult {
  checkMigrationList(list);
  const from = schemaVersion(db);
  const latest = list.length;
  if (from > latest) {
    throw new StoreError(
      'newer_schema',
      `this database was created by a newer Recaudo (schema ${from} > ${latest}): update the app`,
      { found: from, supported: latest },
    );
  }
  const pending = list.slice(from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  // Foreign keys cannot be toggled inside a transaction; steps that rebuild tables need them off.
  const fk = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        try {
          m.up(db);
        } catch (err) {
          throw new StoreError('migration_failed', `migration ${m.version} (${m.name}) failed: ${(err as Error).message}`,
            { version: m.version, name: m.name }, err);
        }
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new StoreError('migration_failed', `migrations left ${broken.length} foreign key violations`, { count: broken.length });
      }
      db.pragma(`user_version = ${latest}`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`);
  }
  return { from, to: latest, applied: pending.map((m) => `${m.version}-${m.name}`) };
}
