/**
 * The desk's sync engine: pushes the outbox in wire-seq order, pulls the agent's changes, keeps a live socket
 * that says when to pull, and reports `sync.status` (online / syncing N pending / offline since). The UI never
 * waits on it: agent actions commit locally (with their outbox row) and only nudge the engine.
 */
import type { SyncStatus } from '../../../shared/api/events';
import { Refusal } from '../../../shared/sync/reasons';
import { MAX_BATCH, type PushRequest } from '../../../shared/sync/wire';
import type { DeskEvents } from '../events';
import type { Outbox } from '../outbox/outbox';
import { ServerUnavailableError, SessionExpiredError } from '../server-client';
import type { Db } from '../store/open';
import { createLive, type Live } from './live';
import { createPullApplier } from './pull-apply';
import { createRecordingUploader } from './recording-upload';
import { ensureSyncStore } from './store-schema';
import { createSyncClient } from './sync-client';
import { createWireSeq } from './wire-seq';

export interface SyncEngineOptions {
  db: Db;
  outbox: Outbox;
  /** The server to talk to, read on every request (settings change, another instance). */
  baseUrl: () => string;
  /** The session's bearer token; null when offline-logged-in or logged out. */
  token: () => string | null;
  /** The agent at the desk; their outbox rows are the ones pushed. */
  agentId: () => string | null;
  events: Pick<DeskEvents, 'emit'>;
  now?: () => Date;
  fetch?: typeof fetch;
  /** Mutations per push (≤ 1000). */
  batchSize?: number;
  /** Accounts per first-pull page / changed rows per later page (≤ 5000). */
  pullLimit?: number;
  /** Open the live WebSocket (default true). */
  live?: boolean;
  /** Retry after a failure: exponential from min to max, ms. */
  retry?: { minMs: number; maxMs: number };
  /** Safety-net sync while idle, ms (0 = off). */
  periodicMs?: number;
  timeoutMs?: number;
  onSessionExpired?: () => void;
  log?: (level: 'info' | 'warn' | 'error', msg: string, detail?: unknown) => void;
}

export interface SyncRunResult {
  ok: boolean;
  pushed: number;
  refused: number;
  pulledPages: number;
  error?: string;
}

export interface RefusedMutation {
  seq: number;
  uuid: string;
  kind: string;
  createdAt: string;
  reason: Refusal | { key: null; params: Record<string, never>; message: string };
}

const MAX_BATCH_BYTES = 700 * 1024;

export function createSyncEngine(opts: SyncEngineOptions) {
  const { db, outbox } = opts;
  ensureSyncStore(db);
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? (() => undefined);
  const client = createSyncClient({ baseUrl: opts.baseUrl, ...(opts.fetch ? { fetch: opts.fetch } : {}), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
  const wire = createWireSeq(db);
  const pull = createPullApplier(db);
  const batchSize = Math.min(opts.batchSize ?? MAX_BATCH, MAX_BATCH);
  const pullLimit = opts.pullLimit ?? 5000;
  const recordings = createRecordingUploader({
    db, baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs ?? 15_000, ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const retry = opts.retry ?? { minMs: 1000, maxMs: 60_000 };

  const batchStmt = db.prepare(
    `SELECT o.seq, o.uuid, o.kind, o.payload, o.created_at, w.wire_seq FROM outbox o JOIN sync_wire w ON w.outbox_seq = o.seq
      WHERE o.state = 'pending' AND w.client_id = ? ORDER BY w.wire_seq LIMIT ?`,
  );
  const refusedStmt = db.prepare("SELECT seq, uuid, kind, created_at, error FROM outbox WHERE state = 'refused' ORDER BY seq");
  const accountCount = db.prepare('SELECT count(*) FROM accounts').pluck();

  let online = false;
  let offlineSince: string | null = now().toISOString();
  let lastEmitted = '';
  let running: Promise<SyncRunResult> | null = null;
  let again = false;
  let started = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let periodic: ReturnType<typeof setInterval> | null = null;
  let live: Live | null = null;

  function status(): SyncStatus {
    const pending = outbox.pendingCount();
    return online ? { state: pending > 0 ? 'syncing' : 'online', pending, since: null } : { state: 'offline', pending, since: offlineSince };
  }
  function emitStatus(force = false): void {
    if (!db.open) return; // the desk is closing: nobody to tell
    const s = status();
    const key = JSON.stringify(s);
    if (key === lastEmitted && !force) return;
    lastEmitted = key;
    opts.events.emit('sync.status', s);
  }
  function setOnline(value: boolean, force = false): void {
    if (value !== online) {
      online = value;
      offlineSince = value ? null : now().toISOString();
    }
    emitStatus(force);
  }

  async function pushAll(token: string, agentId: string): Promise<{ pushed: number; refused: number }> {
    let pushed = 0;
    let refused = 0;
    for (;;) {
      const clientId = wire.assign(agentId);
      const rows = batchStmt.all(clientId, batchSize) as Array<{ seq: number; uuid: string; kind: string; payload: string; created_at: string; wire_seq: number }>;
      if (rows.length === 0) return { pushed, refused };
      const mutations: PushRequest['mutations'] = [];
      const outboxSeq = new Map<number, number>();
      let bytes = 0;
      for (const r of rows) {
        bytes += r.payload.length + 120;
        if (mutations.length > 0 && bytes > MAX_BATCH_BYTES) break;
        mutations.push({ seq: r.wire_seq, id: r.uuid, kind: r.kind, payload: JSON.parse(r.payload) as unknown, createdAt: r.created_at });
        outboxSeq.set(r.wire_seq, r.seq);
      }
      // Blob before mutation: a recording's bytes reach the server before the mutation that links them.
      const localReasons = new Map<number, Refusal>();
      const recs = mutations.flatMap((m, index) => (m.kind === 'recording.add' ? [{ index, payload: m.payload }] : []));
      if (recs.length) {
        const prepared = await recordings.prepare(token, recs);
        if (prepared.cutAt !== null) {
          mutations.length = prepared.cutAt;
          if (mutations.length === 0) throw new Error('a recording file cannot be read right now; retrying later');
        }
        for (const [index, reason] of prepared.localRefusals) localReasons.set(mutations[index]?.seq ?? -1, reason);
      }
      const res = await client.push(token, { clientId, mutations });
      const acked: number[] = [];
      const recorded: string[] = [];
      const kindOf = new Map(mutations.map((m) => [m.seq, m] as const));
      let deferred = 0;
      db.transaction(() => {
        for (const r of res.results) {
          const local = outboxSeq.get(r.seq);
          if (local === undefined) continue;
          if (r.outcome === 'applied' || (r.outcome === 'duplicate' && r.previous === 'applied')) {
            acked.push(local);
            const m = kindOf.get(r.seq);
            if (m?.kind === 'recording.add') recorded.push((m.payload as { callId: string }).callId);
          } else if (r.outcome === 'refused' || (r.outcome === 'duplicate' && r.previous === 'refused')) {
            let reason = r.reason;
            // The server never got the bytes because this desk no longer has them (or they changed): say that.
            if (reason?.key === 'sync.refused.recordingNotUploaded') reason = localReasons.get(r.seq) ?? reason;
            outbox.refuse(local, JSON.stringify(reason ?? { key: null, params: {}, message: 'refused' }));
            refused++;
          } else deferred++;
        }
        outbox.acknowledge(acked);
        recordings.acknowledged(recorded, now().toISOString());
      })();
      wire.prune();
      pushed += acked.length;
      emitStatus();
      if (deferred > 0) {
        // The server waits for a seq this desk no longer holds: nothing more can go until an operator looks.
        log('error', `sync: server expects seq ${res.lastAppliedSeq + 1} for ${clientId}; ${deferred} mutations deferred`);
        return { pushed, refused };
      }
    }
  }

  async function pullAll(token: string, agentId: string): Promise<number> {
    pull.ensureOwner(agentId);
    let cursor = pull.cursor();
    let pages = 0;
    let changed = false;
    // The next page is requested before this one is written: the server builds it while the desk writes.
    const fetchPage = (c: string | null) => {
      const p = client.pull(token, c, pullLimit);
      p.catch(() => undefined);
      return p;
    };
    let next = fetchPage(cursor);
    for (;;) {
      const page = await next;
      if (page.more) {
        next = fetchPage(page.cursor);
        // Let the request leave before the CPU-bound write blocks the event loop.
        await new Promise<void>((r) => setImmediate(r));
      }
      pull.apply(page, cursor);
      pages++;
      if (page.slice.accounts.length || page.removedAccounts.length || page.slice.phones.length || page.slice.promises.length) changed = true;
      // A colleague renamed: an open card re-reads, so the new name shows without reopening it.
      if (page.staff?.length) changed = true;
      cursor = page.cursor;
      if (!page.more) break;
    }
    if (changed) opts.events.emit('portfolio.updated', { accounts: accountCount.get() as number });
    return pages;
  }

  async function runOnce(mode: { pull: boolean } = { pull: true }): Promise<SyncRunResult> {
    if (!db.open) return { ok: false, pushed: 0, refused: 0, pulledPages: 0, error: 'store closed' };
    const token = opts.token();
    const agentId = opts.agentId();
    if (!token || !agentId) {
      setOnline(false);
      return { ok: false, pushed: 0, refused: 0, pulledPages: 0, error: 'no session' };
    }
    try {
      const { pushed, refused } = await pushAll(token, agentId);
      const pulledPages = mode.pull ? await pullAll(token, agentId) : 0;
      failures = 0;
      setOnline(true);
      return { ok: true, pushed, refused, pulledPages };
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (err instanceof SessionExpiredError) {
        opts.onSessionExpired?.();
        setOnline(false);
      } else if (err instanceof ServerUnavailableError) {
        setOnline(false);
      } else {
        log('warn', 'sync failed', msg);
      }
      scheduleRetry();
      return { ok: false, pushed: 0, refused: 0, pulledPages: 0, error: msg };
    }
  }

  function scheduleRetry(): void {
    if (!started || retryTimer) return;
    const delay = Math.min(retry.maxMs, retry.minMs * 2 ** failures) * (0.75 + Math.random() / 4);
    failures = Math.min(failures + 1, 16);
    retryTimer = setTimeout(() => { retryTimer = null; void syncNow(); }, delay);
    retryTimer.unref?.();
  }

  function syncNow(): Promise<SyncRunResult> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: SyncRunResult;
      do {
        again = false;
        result = await runOnce();
      } while (again && result.ok);
      return result;
    })().finally(() => { running = null; });
    return running;
  }

  return {
    start(): void {
      if (started) return;
      started = true;
      if (opts.live !== false) {
        live = createLive({
          baseUrl: opts.baseUrl,
          token: opts.token,
          onChanged: () => void syncNow(),
          onOpen: () => void syncNow(),
          onClose: () => void syncNow(),
        });
        live.start();
      }
      const every = opts.periodicMs ?? 60_000;
      if (every > 0) {
        periodic = setInterval(() => void syncNow(), every);
        periodic.unref?.();
      }
      void syncNow();
    },
    async stop(): Promise<void> {
      started = false;
      live?.stop();
      live = null;
      if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
      if (periodic) { clearInterval(periodic); periodic = null; }
      if (running) await running.catch(() => undefined);
    },
    syncNow,
    /** Push only (no pull), serialised with the sync loop: for benchmarks and a "send now" button. */
    async pushNow(): Promise<SyncRunResult> {
      while (running) await running.catch(() => undefined);
      const run = runOnce({ pull: false }).finally(() => {
        running = null;
        // A sync asked for meanwhile (a live wake-up) still happens.
        if (again) { again = false; void syncNow(); }
      });
      running = run;
      return run;
    },
    /** A local change was just committed (with its outbox row): report it and push soon. */
    nudge(): void {
      emitStatus();
      if (started) void syncNow();
    },
    /** Server/token changed: reconnect the live socket. */
    reconnect(): void {
      live?.reconnect();
      if (started) void syncNow();
    },
    status,
    /** Another service reached (or failed to reach) the server: the status follows at once. */
    reportOnline(value: boolean): void {
      setOnline(value, true);
    },
    /** What the server refused, with its reason (shown to the agent; never dropped). */
    refused(): RefusedMutation[] {
      return (refusedStmt.all() as Array<{ seq: number; uuid: string; kind: string; created_at: string; error: string | null }>).map((r) => {
        let reason: RefusedMutation['reason'] = { key: null, params: {}, message: r.error ?? '' };
        try {
          const parsed = Refusal.safeParse(JSON.parse(r.error ?? 'null'));
          if (parsed.success) reason = parsed.data;
        } catch { /* keep the raw text */ }
        return { seq: r.seq, uuid: r.uuid, kind: r.kind, createdAt: r.created_at, reason };
      });
    },
    clientId: (agentId: string) => wire.clientId(agentId),
    get liveConnected() { return live?.connected ?? false; },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
