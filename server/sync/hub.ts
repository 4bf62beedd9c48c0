/**
 * Wakes the desks connected to this instance when the portfolio changes — whichever instance (or import job)
 * made the change. PostgreSQL: a dedicated connection LISTENs on `recaudo_sync` (0020's statement triggers
 * NOTIFY on every pulled table), reconnecting with backoff. PGlite (one process): the instance's own pushes
 * wake it in-process. Both: a cheap poll of the change sequence catches anything else (an import on PGlite, a
 * LISTEN connection that was down).
 */
import pg from 'pg';
import type { Database } from '../db/port';
import { highWater } from './pull';

export interface ChangeHub {
  /** Called with the newest change sequence seen. */
  subscribe(listener: (seq: number) => void): () => void;
  /** This instance changed something (after commit). */
  changed(): void;
  close(): Promise<void>;
  /** Resolves once listening (PostgreSQL) — tests wait on it before pushing elsewhere. */
  ready(): Promise<void>;
}

export interface ChangeHubOptions {
  db: Database;
  /** PostgreSQL URL for the LISTEN connection; without it a PostgreSQL hub only polls. */
  databaseUrl?: string | undefined;
  pollMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

export const SYNC_CHANNEL = 'recaudo_sync';

export function createChangeHub(opts: ChangeHubOptions): ChangeHub {
  const listeners = new Set<(seq: number) => void>();
  let last = -1;
  let closed = false;
  let client: pg.Client | null = null;
  let readyResolve: () => void = () => {};
  const readyPromise = new Promise<void>((r) => (readyResolve = r));
  let pending: ReturnType<typeof setTimeout> | null = null;

  async function check(force = false): Promise<void> {
    if (closed) return;
    let seq: number;
    try {
      seq = await highWater(opts.db);
    } catch (err) {
      opts.log?.('sync hub: cannot read the change sequence', err);
      return;
    }
    if (seq === last && !force) return;
    last = seq;
    for (const l of [...listeners]) {
      try { l(seq); } catch (err) { opts.log?.('sync hub listener failed', err); }
    }
  }
  // Coalesce bursts (a 10k push NOTIFYs once per statement) into one wake-up.
  function soon(): void {
    if (pending || closed) return;
    pending = setTimeout(() => { pending = null; void check(); }, 20);
  }

  const poll = setInterval(() => void check(), opts.pollMs ?? 2000);
  poll.unref();
  void highWater(opts.db).then((s) => { if (last < 0) last = s; }).catch(() => undefined);

  let backoff = 250;
  async function listen(): Promise<void> {
    if (closed || !opts.databaseUrl) return;
    const c = new pg.Client({ connectionString: opts.databaseUrl, application_name: 'recaudo-sync-listen' });
    c.on('notification', () => soon());
    c.on('error', (err) => {
      opts.log?.('sync hub: LISTEN connection lost', err);
      c.end().catch(() => undefined);
      if (client === c) client = null;
      if (!closed) setTimeout(() => void listen(), backoff).unref();
      backoff = Math.min(backoff * 2, 10_000);
    });
    try {
      await c.connect();
      await c.query(`listen ${SYNC_CHANNEL}`);
      if (closed) { await c.end(); return; }
      client = c;
      backoff = 250;
      readyResolve();
      void check();
    } catch (err) {
      opts.log?.('sync hub: cannot LISTEN', err);
      c.end().catch(() => undefined);
      if (!closed) setTimeout(() => void listen(), backoff).unref();
      backoff = Math.min(backoff * 2, 10_000);
    }
  }
  if (opts.databaseUrl && opts.db.kind === 'postgres') void listen();
  else readyResolve();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    changed: () => soon(),
    ready: () => readyPromise,
    async close() {
      closed = true;
      clearInterval(poll);
      if (pending) clearTimeout(pending);
      listeners.clear();
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
