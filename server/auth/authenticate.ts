import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/port';
import { unauthorized } from '../http/errors';
import { findUserById, type UserRecord } from '../users/repository';
import { verifyToken } from './token';

/**
 * Resolves the bearer token to the current user. The user is re-read on every request, so deactivating a
 * user or changing their role takes effect before their token expires.
 */
export async function authenticate(request: FastifyRequest, db: Database, keys: readonly Buffer[]): Promise<UserRecord> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header) : null;
  if (!match?.[1]) throw unauthorized('missing bearer token', 'errors.authRequired');
  const check = verifyToken(match[1], keys);
  if (!check.ok) {
    if (check.reason === 'expired') throw unauthorized('session expired: log in again', 'errors.sessionExpired');
    throw unauthorized('invalid token', 'errors.invalidToken');
  }
  const user = await findUserById(db, check.claims.sub);
  if (!user || !user.active || user.role !== check.claims.role) {
    throw unauthorized('invalid token', 'errors.invalidToken');
  }
  return user;
}
