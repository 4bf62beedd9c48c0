/**
 * The two databases every server test runs against: embedded PGlite and a real PostgreSQL.
 * - PGlite: one instance per test file (its first open costs seconds); `fresh()` gives an empty schema on it
 *   (search_path), so tests start clean without reopening. One fresh database in use at a time per file.
 * - PostgreSQL: the cluster the Vitest global setup started (`TEST_DATABASE_URL`), or — when a file runs
 *   without it — a cluster of its own; `fresh()` is a new database, so files run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabaseOn, startPostgres, type PostgresCluster } from '../../test/support/postgres';
import { openPglite } from '../db/pglite';
import type { Database } from '../db/port';
import { openPostgres } from '../db/postgres';

export type BackendName = 'pglite' | 'postgres';

export interface TestBackend {
  name: BackendName;
  /** An empty database (no schema yet). */
  fresh(): Promise<Database>;
  /** Closes everything this backend opened. */
  dispose(): Promise<void>;
}

function pgliteBackend(): TestBackend {
  let shared: Promise<Database> | undefined;
  return {
    name: 'pglite',
    async fresh() {
      shared ??= openPglite();
      const base = await shared;
      const schema = `t_${randomBytes(6).toString('hex')}`;
      await base.exec(`create schema ${schema}; set search_path to ${schema}`);
      // close() of a fresh database leaves the shared instance open for the next test.
      return { ...base, kind: base.kind, transaction: base.transaction, close: async () => undefined };
    },
    async dispose() {
      if (shared) await (await shared).close();
    },
  };
}

function postgresBackend(): TestBackend {
  let own: Promise<PostgresCluster> | undefined;
  const opened: Database[] = [];
  const baseUrl = async (): Promise<string> => {
    // Typed where the global setup provides it (test/support/global-setup.ts); not visible to this tsconfig.
    const provided = ((inject as (key: string) => unknown)('TEST_DATABASE_URL') as string | undefined) ?? process.env.TEST_DATABASE_URL;
    if (provided) return provided;
    own ??= startPostgres();
    return (await own).url();
  };
  return {
    name: 'postgres',
    async fresh() {
      const url = await createDatabaseOn(await baseUrl(), 'recaudo_test');
      const db = await openPostgres(url, { max: 4 });
      opened.push(db);
      return db;
    },
    async dispose() {
      await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
      if (own) await (await own).stop();
    },
  };
}

export function testBackends(): TestBackend[] {
  return [pgliteBackend(), postgresBackend()];
}
