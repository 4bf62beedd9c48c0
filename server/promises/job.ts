import type { Database } from '../db/port';
import { trackOpenPromises, type TrackingRun } from './tracker';

export interface PromiseJobOptions {
  db: Database;
  /** How often every open promise is re-checked (due dates pass with no payment at all). Default 15 minutes. */
  intervalMs?: number;
  now?: () => Date;
  onRun?: (run: TrackingRun) => void;
  onError?: (err: unknown) => void;
}

export interface PromiseJob {
  /** Runs now (for some accounts, e.g. after a payment post); runs queue behind each other. */
  run(accountIds?: readonly string[]): Promise<TrackingRun>;
  stop(): Promise<void>;
}

/**
 * The broken-promise job: on an interval, and on demand when payments are posted. Runs never overlap in one
 * process (a chain of promises), and across instances an advisory lock lets one of them do each round.
 */
export function startPromiseJob(opts: PromiseJobOptions): PromiseJob {
  const now = opts.now ?? (() => new Date());
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = (accountIds?: readonly string[]): Promise<TrackingRun> => {
    const next = chain.then(async () => {
      const r = await trackOpenPromises(opts.db, { now: now(), ...(accountIds ? { accountIds } : {}) });
      opts.onRun?.(r);
      return r;
    });
    chain = next.catch(() => undefined);
    return next;
  };
  const interval = opts.intervalMs ?? 15 * 60_000;
  const timer = interval > 0
    ? setInterval(() => {
        if (!stopped) run().catch((err: unknown) => opts.onError?.(err));
      }, interval)
    : null;
  timer?.unref();
  // A first round soon after start: a server restarted more often than the interval still tracks.
  const first = interval > 0 ? setTimeout(() => { if (!stopped) run().catch((err: unknown) => opts.onError?.(err)); }, Math.min(5_000, interval)) : null;
  first?.unref();
  return {
    run,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      await chain;
    },
  };
}
