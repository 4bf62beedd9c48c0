import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceSlice } from '../portfolio/slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import { createAgenda } from './agenda';
import type { AgendaWorkerData } from './agenda-protocol';
import { startAgendaThread, type AgendaThread } from './agenda-thread';
import { agendaWorkerFromSource } from './agenda-worker-source';
import { createNegotiationHandlers } from './handlers';

// Wednesday 25 Nov 2026, 10:00 in Bogotá: the demo slice's promises and callbacks fall around it.
const NOW = new Date('2026-11-25T15:00:00Z');
const AGENT = { id: 'u-agent1', username: 'agent1', displayName: 'Laura Gómez', role: 'agent' as const, teamId: null };
const ZONE = 'America/Bogota';
/** The handlers' guard, without the desk's error mapping. */
const guard = <A extends unknown[], R>(fn: (...a: A) => Promise<R> | R) => async (...a: A) => fn(...a);

let store: ReturnType<typeof freshStore>;
let thread: AgendaThread | null = null;
const logged: string[] = [];
const start = (spawn = agendaWorkerFromSource) =>
  (thread = startAgendaThread(spawn, { file: store.file, key: Buffer.from(store.key) }, (msg) => logged.push(msg)));

beforeEach(() => {
  store = freshStore();
  replaceSlice(store.db, demoSlice({ debtors: 1500, accountsPerDebtor: 2, now: NOW }));
  logged.length = 0;
});
afterEach(async () => {
  await thread?.close();
  thread = null;
  store.close();
});

describe('the agenda on its own thread', () => {
  it('answers what the desk computes itself, for today and the week, with limits', async () => {
    const own = createAgenda(store.db);
    const t = start();
    for (const [range, limit] of [['today', 25], ['week', undefined], ['week', 3]] as const) {
      const mine = own(AGENT.id, range, ZONE, NOW, limit);
      expect(mine.totals.overdue + mine.totals.dueToday).toBeGreaterThan(0); // the slice has follow-ups to show
      expect(await t.agenda(AGENT.id, range, ZONE, NOW, limit)).toEqual(mine);
    }
    expect(logged).toEqual([]);
  }, 30_000);

  it('sees what the desk has just written on its own connection', async () => {
    const t = start();
    const before = await t.agenda(AGENT.id, 'today', ZONE, NOW);
    store.db.prepare(`INSERT INTO callbacks (id, debtor_id, account_id, agent_id, due_at, time_zone, status)
      VALUES ('cb-new', 'd-0000001', NULL, ?, '2026-11-25T21:00:00Z', 'America/Bogota', 'pending')`).run(AGENT.id);
    const after = await t.agenda(AGENT.id, 'today', ZONE, NOW);
    expect(after.totals.dueToday).toBe(before.totals.dueToday + 1);
    expect(after).toEqual(createAgenda(store.db)(AGENT.id, 'today', ZONE, NOW));
  }, 30_000);

  it('a call that rings while the agenda is rebuilt is answered first: the desk is not held', async () => {
    const order: string[] = [];
    const ring = () => new Promise<void>((resolve) => setImmediate(() => { order.push('ring answered'); resolve(); }));
    // Without the thread, the handler computes the agenda before the desk can answer anything else.
    const inline = createNegotiationHandlers({ db: store.db, now: () => NOW, user: () => AGENT, guard });
    await Promise.all([inline.agenda({ range: 'today', zone: ZONE }).then(() => order.push('agenda')), ring()]);
    expect(order).toEqual(['agenda', 'ring answered']);

    order.length = 0;
    const threaded = createNegotiationHandlers({ db: store.db, now: () => NOW, user: () => AGENT, guard, agendaThread: start() });
    const [result] = await Promise.all([threaded.agenda({ range: 'today', zone: ZONE }).then((r) => { order.push('agenda'); return r; }), ring()]);
    expect(order).toEqual(['ring answered', 'agenda']);
    expect(result).toEqual(await inline.agenda({ range: 'today', zone: ZONE }));
    expect(logged).toEqual([]); // computed on the thread, not by the desk after a failure
  }, 30_000);

  it('a thread that cannot start leaves the agenda to the desk, which still answers, and says why once', async () => {
    const broken = (workerData: AgendaWorkerData) => new Worker('throw new Error("no store here")', { eval: true, workerData });
    const h = createNegotiationHandlers({ db: store.db, now: () => NOW, user: () => AGENT, guard, agendaThread: start(broken) });
    const expected = createAgenda(store.db)(AGENT.id, 'today', ZONE, NOW);
    expect(await h.agenda({ range: 'today', zone: ZONE })).toEqual(expected);
    await new Promise((r) => setTimeout(r, 200)); // the thread's failure has surely been reported by now
    expect(await h.agenda({ range: 'today', zone: ZONE })).toEqual(expected);
    expect(logged).toEqual(['the agenda thread stopped; the desk computes the agenda itself from now on']);
  }, 30_000);

  it('a wrong key: the thread cannot open the store, its calls reject (so the desk answers itself) and it says so once', async () => {
    const t = startAgendaThread(agendaWorkerFromSource, { file: store.file, key: Buffer.alloc(32, 7) }, (msg) => logged.push(msg));
    thread = t;
    await expect(t.agenda(AGENT.id, 'today', ZONE, NOW)).rejects.toThrow(/wrong key|exited/);
    expect(logged).toHaveLength(1);
  }, 30_000);
});
