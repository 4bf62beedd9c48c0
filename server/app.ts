import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import { keyFromSecret, loadSigningKey } from './auth/keys';
import type { ServerContext } from './context';
import type { Database } from './db/port';
import { installErrorHandlers } from './http/errors';
import { installAdminCors } from './http/cors';
import { registerAuthRoutes } from './routes/auth';
import { registerHealthRoutes } from './routes/health';
import { registerPortfolioRoutes } from './routes/portfolio';
import { authenticator } from './routes/protect';
import { SERVER_VERSION } from './version';
import { assignmentRoutes } from './assignment/routes';
import { importRoutes } from './import/routes';
import { promisesPlugin, trackAfterPaymentImport } from './promises/plugin';
import type { PromiseJob } from './promises/job';
import { segmentRoutes } from './segments/routes';
import { syncRoutes } from './sync';
import { recordingReadRoutes } from './recordings/routes';

export interface BuildServerOptions {
  db: Database;
  /**
   * Token signing secrets (≥32 bytes); the first signs, all verify (rotation). Omitted: a key kept in the
   * database, shared by every instance on it.
   */
  jwtSecrets?: ReadonlyArray<string | Buffer> | undefined;
  /** Access token lifetime; 15 minutes by default. */
  tokenTtlSeconds?: number | undefined;
  /** false = silent; true = pino to stdout at info; or a pino logger (tests capture lines with one). */
  logger?: boolean | Logger | undefined;
  /** Largest accepted request body, bytes (1 MiB by default: login and sync batches, not file uploads). */
  bodyLimit?: number | undefined;
  /** PostgreSQL URL for LISTEN/NOTIFY wake-ups between instances (sync); none on PGlite. */
  databaseUrl?: string | undefined;
  /** How often the broken-promise job re-checks open promises; 0 = only on demand (tests). Default 15 min. */
  promiseJobIntervalMs?: number | undefined;
}

/** Paths pino blanks in every log line: credentials never reach the logs. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'password',
  'token',
  '*.password',
  '*.token',
  'body.password',
];

export async function buildServer(opts: BuildServerOptions): Promise<FastifyInstance> {
  const keys = opts.jwtSecrets?.length ? opts.jwtSecrets.map(keyFromSecret) : [await loadSigningKey(opts.db)];
  const ctx: ServerContext = {
    db: opts.db,
    keys,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 15 * 60,
    version: SERVER_VERSION,
  };
  const base: FastifyServerOptions = {
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // Error bodies and 404s are ours (installErrorHandlers); ids in logs let a line be traced to a request.
    requestIdHeader: 'x-request-id',
  };
  const app: FastifyInstance =
    opts.logger && typeof opts.logger === 'object'
      ? (Fastify({ ...base, loggerInstance: opts.logger as unknown as FastifyBaseLogger }) as FastifyInstance)
      : Fastify({ ...base, logger: opts.logger ? { level: 'info', redact: LOG_REDACT } : false });
  installErrorHandlers(app);
  installAdminCors(app);
  // The API speaks JSON only: any other body type is a 415, not a string handed to the validators.
  app.removeContentTypeParser('text/plain');
  const auth = authenticator(ctx);
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerPortfolioRoutes(app, ctx, auth);
  // Each area is a plugin of its own (encapsulated: its parsers and hooks stay inside).
  let promiseJob: PromiseJob | null = null;
  await app.register(importRoutes, { ctx, auth, onImported: trackAfterPaymentImport(() => promiseJob) });
  await app.register(segmentRoutes, { ctx, auth });
  await app.register(assignmentRoutes, { ctx, auth });
  await app.register(syncRoutes, { db: opts.db, keys: ctx.keys, databaseUrl: opts.databaseUrl });
  await app.register(recordingReadRoutes, { ctx, auth });
  await app.register(promisesPlugin, {
    ctx,
    auth,
    ...(opts.promiseJobIntervalMs !== undefined ? { intervalMs: opts.promiseJobIntervalMs } : {}),
    onJob: (j) => { promiseJob = j; },
  });
  return app;
}
