import type { FastifyRequest } from 'fastify';
import { authenticate } from '../auth/authenticate';
import type { ServerContext } from '../context';
import type { UserRecord } from '../users/repository';

/** Resolves the caller of a protected route (401 otherwise); one per server, handed to route modules. */
export type Authenticated = (request: FastifyRequest) => Promise<UserRecord>;

export function authenticator(ctx: ServerContext): Authenticated {
  return (request) => authenticate(request, ctx.db, ctx.keys);
}
