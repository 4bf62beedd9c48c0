import { hashPassword } from '../auth/password';
import { insertMany } from '../db/bulk';
import type { Database, Row } from '../db/port';
import { toRow } from '../portfolio/rows';
import type { DemoPortfolio } from './generate';

/** The one password of every demo user (documented in docs/server.md and printed by the CLI). */
export const DEMO_PASSWORD = 'recaudo';

export interface SeedResult {
  users: number;
  debtors: number;
  accounts: number;
  ms: number;
}

/**
 * Loads a generated portfolio in one transaction with multi-row inserts (2,000 debtors ≈ 1 s on PGlite).
 * Fails, writing nothing, if any row is refused (e.g. the database already holds these ids).
 */
export async function seedDemo(db: Database, demo: DemoPortfolio, password = DEMO_PASSWORD): Promise<SeedResult> {
  const started = Date.now();
  // scrypt runs on libuv's pool: hashing the users in parallel keeps the start fast.
  const hashes = await Promise.all(demo.users.map(() => hashPassword(password)));
  const plain = <T extends object>(list: readonly T[]): Row[] => list.map((e) => toRow(e as Record<string, unknown>));
  await db.transaction(async (tx) => {
    await insertMany(tx, 'teams', demo.teams.map((t) => ({ id: t.id, name: t.name })));
    await insertMany(
      tx,
      'users',
      demo.users.map((u, i) => ({
        id: u.id,
        username: u.username,
        display_name: u.displayName,
        role: u.role,
        team_id: u.teamId,
        password_hash: hashes[i],
      })),
    );
    await insertMany(tx, 'creditors', plain(demo.creditors));
    await insertMany(tx, 'policies', plain(demo.policies));
    await insertMany(tx, 'debtors', plain(demo.debtors));
    await insertMany(tx, 'accounts', plain(demo.accounts));
    await insertMany(
      tx,
      'assignments',
      demo.accounts
        .filter((a) => a.assignedAgentId)
        .map((a) => ({ account_id: a.id, agent_id: a.assignedAgentId, reason: 'demo round-robin', assigned_at: demo.accounts[0]?.updatedAt })),
    );
    await insertMany(tx, 'phones', plain(demo.phones));
    await insertMany(tx, 'payments', plain(demo.payments));
    await insertMany(tx, 'contacts', plain(demo.contacts));
    await insertMany(tx, 'promises', plain(demo.promises));
    await insertMany(tx, 'callbacks', plain(demo.callbacks));
  });
  return { users: demo.users.length, debtors: demo.debtors.length, accounts: demo.accounts.length, ms: Date.now() - started };
}
