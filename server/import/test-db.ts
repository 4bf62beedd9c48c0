/**
 * Test helper for import, segments and assignment: a migrated database with one creditor, an admin, a lead,
 * two teams and four agents. Applies 0010-import itself until the integrator appends it to the migration list.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Role } from '../../shared/domain/codes';
import { keyFromSecret } from '../auth/keys';
import { issueToken } from '../auth/token';
import type { ServerContext } from '../context';
import { installErrorHandlers } from '../http/errors';
import { authenticator, type Authenticated } from '../routes/protect';
import { migrate } from '../db/migrate';
import m0010 from '../db/migrations/0010-import';
import { migrations } from '../db/migrations';
import type { Database } from '../db/port';

export async function migratedWithImport(db: Database): Promise<Database> {
  await migrate(db, migrations);
  if (!migrations.includes(m0010)) {
    const [row] = await db.query<{ t: string | null }>(`select to_regclass('imports')::text as t`);
    if (!row?.t) await db.exec(m0010.sql);
  }
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

/** A Fastify app with the error handlers, the given plugins and tokens for the seeded users. */
export async function testApp(
  db: Database,
  register: (app: FastifyInstance, ctx: ServerContext, auth: Authenticated) => Promise<void> | void,
): Promise<{ app: FastifyInstance; token: (userId: string) => string }> {
  const key = keyFromSecret('test-secret-test-secret-test-secret-0123456789');
  const ctx: ServerContext = { db, keys: [key], tokenTtlSeconds: 600, version: 'test' };
  const app = Fastify({ logger: false });
  installErrorHandlers(app);
  await register(app, ctx, authenticator(ctx));
  await app.ready();
  const roles: Record<string, Role> = { 'u-admin': 'admin', 'u-lead': 'lead' };
  return { app, token: (userId) => issueToken({ id: userId, role: roles[userId] ?? 'agent' }, key, 600).token };
}
