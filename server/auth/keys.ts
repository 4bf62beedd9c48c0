import { randomBytes } from 'node:crypto';
import type { Database } from '../db/port';

/**
 * The token signing key. Given explicitly (RECAUDO_JWT_SECRET) it wins; otherwise it lives in the database,
 * created once, so every stateless instance on the same database verifies every other instance's tokens.
 */
export async function loadSigningKey(db: Database): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64');
  await db.query(
    `insert into server_secrets (name, value) values ('token_signing_key', $1) on conflict (name) do nothing`,
    [fresh],
  );
  const [row] = await db.query<{ value: string }>(`select value from server_secrets where name = 'token_signing_key'`);
  if (!row) throw new Error('token signing key missing after insert');
  return Buffer.from(row.value, 'base64');
}

export function keyFromSecret(secret: string | Buffer): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length < 32) throw new Error('the token signing secret must be at least 32 bytes');
  return key;
}
