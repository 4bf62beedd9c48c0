import type { Database } from './port';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Arbitrary constant: serialises concurrent server instances migrating the same database. */
const MIGRATION_LOCK = 7_311_442_901;

/**
 * Versions strictly increase down the list. Gaps are allowed: each area of the server numbers its migrations
 * in its own range (core 1–9, import 10–19, sync 20–29…), so parallel work never collides on a number.
 */
export function checkMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1) {
      throw new MigrationError(`migration list: position ${i + 1} (${m.name}) has an invalid version ${m.version}`);
    }
    const prev = list[i - 1];
    if (prev && m.version <= prev.version) {
      throw new MigrationError(
        `migration list out of order: position ${i + 1} holds version ${m.version} (${m.name}) after version ${prev.version} (${prev.name})`,
      );
    }
  });
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Brings the schema to the newest version in one transaction, or refuses: a database written by a newer
 * server (a version this build does not know) is never touched.
 */
export async function migrate(db: Database, list: readonly Migration[]): Promise<MigrationResult> {
  checkMigrationList(list);
  const latest = list.length > 0 ? list[list.length - 1]!.version : 0;
  const known = new Set(list.map((m) => m.version));
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const rows = await tx.query<{ version: number }>('select version from schema_migrations order by version');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const current = rows.reduce((max, r) => Math.max(max, Number(r.version)), 0);
    const unknown = [...applied].filter((v) => !known.has(v));
    if (current > latest) {
      throw new MigrationError(
        `database schema version ${current} is newer than this server understands (${latest}); ` +
          'run a Recaudo server at least as new as the one that last wrote this database',
      );
    }
    if (unknown.length > 0) {
      throw new MigrationError(
        `database holds migrations this server does not know (${unknown.join(', ')}); ` +
          'it was written by a different build: run the matching Recaudo server',
      );
    }
    const pending = list.filter((m) => !applied.has(m.version));
    const late = pending.find((m) => m.version < current);
    if (late) {
      throw new MigrationError(
        `migration ${late.version} (${late.name}) was added below the database's version ${current}; ` +
          'give it a number above every released migration',
      );
    }
    const done: number[] = [];
    for (const m of pending) {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    return { from: current, to: latest, applied: done };
  });
}

export async function schemaVersion(db: Database): Promise<number> {
  const [reg] = await db.query<{ t: string | null }>(`select to_regclass('schema_migrations')::text as t`);
  if (!reg?.t) return 0;
  const [row] = await db.query<{ v: number }>('select coalesce(max(version), 0) as v from schema_migrations');
  return Number(row?.v ?? 0);
}
