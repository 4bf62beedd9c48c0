import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import m0020 from '../db/migrations/0020-sync';
import type { Database } from '../db/port';

/**
 * Migrates and makes sure the sync schema (0020) is there. Until the migration list accepts version 20 (the
 * runner checks version = position today), this applies 0020 itself when its tables are missing — the same
 * bridge server/import/test-db.ts uses for 0010. Idempotent; safe on every instance start.
 */
export async function migrateWithSync(db: Database): Promise<void> {
  await migrate(db, migrations);
  if (migrations.includes(m0020)) return;
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [7_311_442_920]);
    const [row] = await tx.query<{ t: string | null }>(`select to_regclass('call_events')::text as t`);
    if (!row?.t) await tx.exec(m0020.sql);
  });
}
