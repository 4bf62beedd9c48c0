/**
 * What the desk does after every wrap-up, on the 200,000-account screen-pop store (`benchStore('screenpop',
 * 200_000)`: 100,000 debtors, ~10,000 pending + 10,000 broken promises, ~5,000 pending callbacks of agent1):
 * - `queue_reload_ms_200k`: one contact with its disposition recorded for one debtor (`negotiation.recordContact`,
 *   every other one a callback disposition, so a callback is added too), then `portfolio.queuePage({ limit: 1000 })`
 *   as renderer/features/queue/store.ts asks it. The figure is the queuePage dispatch alone.
 * - `agenda_ms_200k`: then `negotiation.agenda({ range: 'today', limit: 25, zone })`, as
 *   renderer/features/calendar/store.ts asks it after the wrap-up (GuidedCallPanel refreshes it on `done`). The
 *   desk computes it on its agenda thread, as both shells start it (negotiation/agenda-worker.ts).
 * - `agenda_desk_held_ms_200k`: the desk's longest event-loop stall while that agenda is computed: how long a
 *   call ringing then would wait before the desk could look it up. Baseline in the same run,
 *   `agenda_desk_held_ms_200k_inline`: the same agenda computed on the desk's own thread (as before the thread,
 *   and as the desk still does when its thread is down), at the same moment on the same store.
 *
 * The real desk (main/services/desk.ts `openDesk`, its compliance deferral wired as by default) on a copy of the
 * cached store, through its contract dispatcher (zod in and out), the way both shells reach it. agent1 logs in
 * offline (the server URL is a closed loopback port), as in screenpop-ui.bench.ts. The desk's clock starts at
 * 15:00:20Z (the fixture's instant) and moves 90 s per wrap-up (each reload in a new minute, so the compliance deferrals are asked again). First reloads (the
 * desk's first queue after login) are not counted; the figure is the median of RUNS wrap-ups. Also printed on
 * stderr: the first queuePage and agenda after login (a cold desk).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench, BenchFigure } from './bench';
import { openDesk, STORE_FILE, type Desk } from '../../main/services/desk';
import { createAgenda } from '../../main/services/negotiation/agenda';
import { agendaWorkerFromSource } from '../../main/services/negotiation/agenda-worker-source';
import { benchStore } from '../../main/services/testing/bench-fixture';
import { percentile } from '../../main/services/testing/bench-stats';
import { makeVerifier } from '../../main/services/session/verifier';
import { keyFileProvider } from '../../main/services/store/key-file';
import { openStore } from '../../main/services/store/open';
import { User } from '../../shared/domain/users';

const RUNS = Number(process.env.QUEUE_RELOAD_RUNS ?? 7);
const WARMUP = 2;
const AGENT = User.parse({ id: 'u-agent1', username: 'agent1', displayName: 'Agente Uno', role: 'agent', teamId: null });
const PASSWORD = 'recaudo';
const START = Date.parse('2026-11-25T15:00:20Z');
const AGENT_ZONE = 'America/Bogota';

const log = (msg: string) => process.stderr.write(`bench: queue-reload: ${msg}\n`);

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function call(desk: Desk, channel: string, input: unknown): Promise<{ value: unknown; ms: number }> {
  const t = performance.now();
  const env = await desk.dispatch(channel, input);
  const ms = performance.now() - t;
  if (!env.ok) throw new Error(`${channel} failed: ${JSON.stringify(env.error)}`);
  return { value: env.value, ms };
}

/** Runs `fn` and returns its value with the event loop's longest stall meanwhile (a 1 ms timer that notes each gap). */
async function heldDuring<T>(fn: () => Promise<T>): Promise<{ value: T; heldMs: number }> {
  let last = performance.now();
  let worst = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = () => {
    const t = performance.now();
    worst = Math.max(worst, t - last);
    last = t;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  try {
    const value = await fn();
    worst = Math.max(worst, performance.now() - last);
    return { value, heldMs: worst };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

async function run(): Promise<BenchFigure[]> {
  const store = benchStore('screenpop', 200_000);
  if (store.generatedIn > 0) log(`generated the 200k-account store in ${store.generatedIn.toFixed(0)} s`);
  const dir = mkdtempSync(join(tmpdir(), 'recaudo-bench-queue-reload-'));
  let desk: Desk | null = null;
  try {
    cpSync(store.dir, dir, { recursive: true, filter: (src) => !src.endsWith('/complete') });
    const { db } = openStore({ file: join(dir, STORE_FILE), key: keyFileProvider(dir).getKey() });
    let debtors: string[];
    try {
      db.prepare('INSERT INTO local_users (username, user_json, verifier, last_login_at) VALUES (?, ?, ?, ?)')
        .run(AGENT.username, JSON.stringify(AGENT), await makeVerifier(PASSWORD), new Date(START).toISOString());
      // Debtors spread over the whole store (each wrap-up is about another one).
      debtors = db.prepare(`SELECT id FROM debtors WHERE id IN (SELECT debtor_id FROM accounts WHERE status = 'active' AND balance_minor > 0)
        ORDER BY id LIMIT ?`).pluck().all(1_000_000) as string[];
    } finally {
      db.close();
    }
    let now = START;
    desk = openDesk({
      userDataDir: dir, keyProvider: keyFileProvider(dir), serverUrl: `http://127.0.0.1:${await closedPort()}`,
      now: () => new Date(now), log: () => {}, serverTimeoutMs: 500,
      agendaWorker: agendaWorkerFromSource,
    });
    const inlineAgenda = createAgenda(desk.db);
    const login = await desk.dispatch('session.login', { username: AGENT.username, password: PASSWORD });
    if (!login.ok) throw new Error(`login failed: ${JSON.stringify(login.error)}`);

    const firstQueue = await call(desk, 'portfolio.queuePage', { limit: 1000 });
    const firstAgenda = await call(desk, 'negotiation.agenda', { range: 'today', limit: 25, zone: AGENT_ZONE });
    log(`after login: queuePage ${firstQueue.ms.toFixed(0)} ms, agenda ${firstAgenda.ms.toFixed(0)} ms`);
    const totals = (firstQueue.value as { totals: { accounts: number } }).totals.accounts;

    const queueMs: number[] = [];
    const agendaMs: number[] = [];
    const heldMs: number[] = [];
    const heldInlineMs: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      now += 90_000;
      const debtorId = debtors[Math.floor(((i + 1) * 7919 * 13) % debtors.length)]!;
      const withCallback = i % 2 === 0;
      const contact = await call(desk, 'negotiation.recordContact', {
        debtorId, accountId: null, disposition: withCallback ? 'callback' : 'refused', reason: null, notes: 'bench',
        scriptId: 'bench', scriptVersion: 1, disclosures: [], verification: 'passed',
        // The debtor's wall clock is not known here: a date two days on is valid in every zone.
        callbackAt: withCallback ? { date: new Date(now + 2 * 86_400_000).toISOString().slice(0, 10), time: '10:30' } : null,
        startedAt: new Date(now - 180_000).toISOString(), endedAt: new Date(now - 10_000).toISOString(),
      });
      if (!(contact.value as { ok: boolean }).ok) throw new Error(`recordContact refused: ${JSON.stringify(contact.value)}`);
      const q = await call(desk, 'portfolio.queuePage', { limit: 1000 });
      const threaded = await heldDuring(() => call(desk!, 'negotiation.agenda', { range: 'today', limit: 25, zone: AGENT_ZONE }));
      const a = threaded.value;
      const inline = await heldDuring(async () => inlineAgenda(AGENT.id, 'today', AGENT_ZONE, new Date(now), 25));
      // Key order aside (the contract's output schema rebuilds the object), the thread answers what the desk would.
      if (!isDeepStrictEqual(inline.value, a.value)) throw new Error('the agenda thread and the desk disagree');
      const page = q.value as { items: unknown[]; totals: { accounts: number } };
      if (page.items.length !== 1000 || page.totals.accounts !== totals) throw new Error(`queue page incomplete: ${page.items.length} items, ${page.totals.accounts} accounts`);
      if (i >= WARMUP) {
        queueMs.push(q.ms);
        agendaMs.push(a.ms);
        heldMs.push(threaded.heldMs);
        heldInlineMs.push(inline.heldMs);
      }
    }
    const list = (ms: number[]) => ms.map((m) => m.toFixed(1)).join(' ');
    log(`${totals} accounts; queuePage ${list(queueMs)} ms; agenda ${list(agendaMs)} ms; desk held ${list(heldMs)} ms (inline: ${list(heldInlineMs)} ms)`);
    return [
      { id: 'queue_reload_ms_200k', value: percentile(queueMs, 50), unit: 'ms' },
      { id: 'agenda_ms_200k', value: percentile(agendaMs, 50), unit: 'ms' },
      { id: 'agenda_desk_held_ms_200k', value: percentile(heldMs, 50), unit: 'ms' },
      { id: 'agenda_desk_held_ms_200k_inline', value: percentile(heldInlineMs, 50), unit: 'ms' },
    ];
  } finally {
    desk?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: Bench = { ids: ['queue_reload_ms_200k', 'agenda_ms_200k', 'agenda_desk_held_ms_200k', 'agenda_desk_held_ms_200k_inline'], run };
export default bench;
