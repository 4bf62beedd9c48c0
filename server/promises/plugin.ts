import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context';
import type { Authenticated } from '../routes/protect';
import { startPromiseJob, type PromiseJob } from './job';
import { promiseRoutes } from './routes';

export interface PromisesPluginOptions {
  ctx: ServerContext;
  auth: Authenticated;
  /** Re-check interval; 0 turns the timer off (tests drive `job.run`). Default 15 minutes. */
  intervalMs?: number;
  now?: () => Date;
  /** Receives the job so a caller (tests, the import) can run it after posting payments. */
  onJob?: (job: PromiseJob) => void;
}

/**
 * Promise tracking: the payments API, the kept-rate KPI and the broken-promise job, stopped with the server.
 * Register: `await app.register(promisesPlugin, { ctx, auth })`.
 */
export const promisesPlugin: FastifyPluginAsync<PromisesPluginOptions> = async (app, opts) => {
  const job = startPromiseJob({
    db: opts.ctx.db,
    ...(opts.intervalMs !== undefined ? { intervalMs: opts.intervalMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    onRun: (r) => {
      if (r.changed.length > 0) app.log.info({ event: 'promises.tracked', changed: r.changed.length, broken: r.changed.filter((c) => c.to === 'broken').length }, 'promise statuses changed');
    },
    onError: (err) => app.log.error({ err }, 'promise tracking failed'),
  });
  opts.onJob?.(job);
  app.addHook('onClose', async () => job.stop());
  await app.register(promiseRoutes, { ctx: opts.ctx, auth: opts.auth, job });
};

/**
 * The import's follow-up: payments posted from a creditor's file settle or break promises at once, as payments
 * posted one by one through the API do, instead of waiting for the job's next round.
 */
export function trackAfterPaymentImport(job: () => PromiseJob | null) {
  return async (imported: { kind: string }, status: { good: number }): Promise<void> => {
    if (imported.kind !== 'payments' || status.good === 0) return;
    await job()?.run();
  };
}
