import type { FastifyInstance } from 'fastify';

/**
 * The admin screen runs on the desk's origin (app://recaudo under Electron, http://127.0.0.1:<port> in the
 * browser host) and uploads the portfolio CSV straight here, so the admin routes answer CORS. Safe to reflect
 * the origin: these routes authenticate with a bearer token the page must hold, never with cookies, so another
 * site gains nothing from a browser's ambient credentials.
 */
export const ADMIN_PREFIX = '/api/v1/admin/';

export function installAdminCors(app: FastifyInstance, prefix = ADMIN_PREFIX): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !request.url.startsWith(prefix)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'origin');
  });
  app.options(`${prefix}*`, async (_request, reply) => {
    reply.header('access-control-allow-methods', 'GET, POST, PUT');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-max-age', '600');
    return reply.code(204).send();
  });
}
