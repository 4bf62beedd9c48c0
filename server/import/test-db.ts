/**
 * Test helper for import, segments and assignment: a migrated database with one creditor, an admin, a lead,
 * two teams and four agents. Applies 0010-import itself until the integrator appends it to the migration list.
 */
import { migrate } from '../db/migrate';
import m0010 from '../db/migrations/0010-import';
import { migrations } from '../db/migrations';
import type { Database } from '../db/port';

export async function migratedWithImport(db: Database): Promise<Database> {
  await migrate(db, migrations);
  if (!migrations.includes(m0010)) await db.exec(m0010.sql);
  return db;
}

export async function seedOrg(db: Database, creditorId = 'cred-co', country = 'CO'): Promise<void> {
  await db.exec(`
    insert into teams (id, name) values ('team-a', 'Temprana'), ('team-b', 'Tardía') on conflict do nothing;
    insert into users (id, username, display_name, role, team_id, password_hash) values
      ('u-admin', 'admin', 'Admin', 'admin', null, 'x'),
      ('u-lead', 'lead', 'Lead', 'lead', 'team-a', 'x'),
      ('ag-1', 'ag1', 'Agente 1', 'agent', 'team-a', 'x'),
      ('ag-2', 'ag2', 'Agente 2', 'agent', 'team-a', 'x'),
      ('ag-3', 'ag3', 'Agente 3', 'agent', 'team-b', 'x'),
      ('ag-4', 'ag4', 'Agente 4', 'agent', 'team-b', 'x')
    on conflict do nothing;`);
  await db.query('insert into creditors (id, name, country) values ($1, $2, $3) on conflict do nothing', [creditorId, 'Banco Demo', country]);
}
