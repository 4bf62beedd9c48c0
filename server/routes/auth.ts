import type { FastifyInstance } from 'fastify';
import { LoginRequest, routes, type LoginResponse } from '../../shared/api/server/routes';
import { decoyHash, verifyPassword } from '../auth/password';
import { issueToken } from '../auth/token';
import type { ServerContext } from '../context';
import { unauthorized } from '../http/errors';
import { validate } from '../http/validate';
import { findUserByUsername, publicUser } from '../users/repository';

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(routes.login.path, async (request): Promise<LoginResponse> => {
    const body = validate(LoginRequest, request.body, 'login');
    const user = await findUserByUsername(ctx.db, body.username);
    // Same work and the same answer whether the user is unknown, inactive or the password is wrong.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !user.active || !ok) {
      request.log.info({ event: 'login_failed' }, 'login failed');
      throw unauthorized('wrong username or password', 'errors.badCredentials');
    }
    const { token, claims } = issueToken(user, ctx.keys[0]!, ctx.tokenTtlSeconds);
    request.log.info({ event: 'login', userId: user.id }, 'login');
    return { token, expiresAt: new Date(claims.exp * 1000).toISOString(), user: publicUser(user) };
  });
}
