import type { FastifyInstance } from 'fastify';
import { LoginRequest, routes, type LoginResponse } from '../../shared/api/server/routes';
import type { ApiErrorData } from '../../shared/api/errors';
import { decoyHash, verifyPassword } from '../auth/password';
import { createLoginThrottle } from '../auth/throttle';
import { issueToken } from '../auth/token';
import type { ServerContext } from '../context';
import { unauthorized } from '../http/errors';
import { validate } from '../http/validate';
import { findUserByUsername, publicUser } from '../users/repository';

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const throttle = createLoginThrottle();
  app.post(routes.login.path, async (request, reply): Promise<LoginResponse | ApiErrorData> => {
    const body = validate(LoginRequest, request.body, 'login');
    const key = `${body.username.toLowerCase()}|${request.ip}`;
    const wait = throttle.retryAfter(key);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      request.log.warn({ event: 'login_throttled' }, 'login throttled');
      reply.status(429).header('retry-after', String(Math.ceil(wait / 1000)));
      return {
        code: 'blocked',
        message: `too many failed logins: try again in ${minutes} min`,
        key: 'errors.tooManyLogins',
        params: { minutes },
      };
    }
    const user = await findUserByUsername(ctx.db, body.username);
    // Same work and the same answer whether the user is unknown, inactive or the password is wrong.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !user.active || !ok) {
      throttle.failed(key);
      request.log.info({ event: 'login_failed' }, 'login failed');
      throw unauthorized('wrong username or password', 'errors.badCredentials');
    }
    throttle.succeeded(key);
    const { token, claims } = issueToken(user, ctx.keys[0]!, ctx.tokenTtlSeconds);
    request.log.info({ event: 'login', userId: user.id }, 'login');
    return { token, expiresAt: new Date(claims.exp * 1000).toISOString(), user: publicUser(user) };
  });
}
