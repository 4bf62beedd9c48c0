import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  AccountParams,
  PortfolioPageQuery,
  routes,
  type AccountResponse,
  type PortfolioPage,
} from '../../shared/api/server/routes';
import type { User } from '../../shared/domain/users';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import { accountForUser, portfolioPage } from '../portfolio/page';
import { publicUser } from '../users/repository';
import type { Authenticated } from './protect';

export function registerPortfolioRoutes(app: FastifyInstance, ctx: ServerContext, auth: Authenticated): void {
  app.get(routes.me.path, async (request): Promise<User> => publicUser(await auth(request)));

  app.get(routes.portfolio.path, async (request): Promise<PortfolioPage> => {
    const user = await auth(request);
    const query = validate(PortfolioPageQuery, request.query, 'portfolio');
    return portfolioPage(ctx.db, user, { cursor: query.cursor, limit: query.limit });
  });

  app.get(routes.account.path, async (request): Promise<z.infer<typeof AccountResponse>> => {
    const user = await auth(request);
    const params = validate(AccountParams, request.params, 'account');
    const found = await accountForUser(ctx.db, user, params.id);
    // Someone else's account answers exactly like a missing one: no probing of ids across portfolios.
    if (!found) throw notFound('account', { id: params.id });
    return found;
  });
}
