import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { type HealthResponse, routes } from '../../shared/api/server/routes';
import { ApiError } from '../../shared/api/errors';
import type { ServerContext } from '../context';
import { loggable } from '../http/errors';

export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(routes.health.path, async (request): Promise<z.infer<typeof HealthResponse>> => {
    try {
      await ctx.db.query('select 1');
    } catch (err) {
      request.log.error({ err: loggable(err) }, 'health: database unreachable');
      throw new ApiError({ code: 'unavailable', message: 'database unreachable', key: 'errors.databaseDown' });
    }
    return { status: 'ok', database: ctx.db.kind, version: ctx.version };
  });
}
