/**
 * Sync benchmarks (issue 7):
 * - sync_10k_pglite_ms / sync_10k_pg_ms: 10,000 offline mutations (every kind) pushed by the desk engine and
 *   applied by the server (batches of 1,000, one transaction each), on embedded PGlite and on PostgreSQL.
 * - pull_200k_ms: the first pull of a 200,000-account slice (debtor, account, phone each) into an empty encrypted
 *   desk store, from a PostgreSQL-backed server.
 */
import { join } from 'node:path';
import type { Bench, BenchFigure } from './bench';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';
import type { Database } from '../../server/db/port';
import { startPostgres } from '../support/postgres';
import { tempDir, testKey } from '../../main/services/testing/temp';
import { AGENT1, enqueue, makeMutation, openTestDesk, seedDebtors, seedOrg, startSyncServer } from '../sync/harness';

const KINDS = ['note.add', 'contact.add', 'promise.add', 'callback.add', 'phone.mark', 'audit.append', 'call.event'] as const;

async function push10k(db: Database): Promise<number> {
  await seedOrg(db, 400);
  const server = await startSyncServer(db, { closeConnections: false });
  const tmp = tempDir('recaudo-bench-sync-');
  const desk = openTestDesk(join(tmp.dir, 'desk.db'), testKey(), { baseUrl: () => server.url, timeoutMs: 60_000 });
  try {
    await desk.engine.syncNow(); // slice in place, as a working desk would have
    enqueue(desk, Array.from({ length: 10_000 }, (_, i) => makeMutation(KINDS[i % KINDS.length]!, 2 * (i % 200))));
    const t0 = performance.now();
    const res = await desk.engine.pushNow();
    const ms = performance.now() - t0;
    if (!res.ok || res.pushed !== 10_000 || desk.outbox.pendingCount() !== 0) throw new Error(`push incomplete: ${JSON.stringify(res)}`);
    const [row] = await db.query<{ n: number }>('select count(*)::int8 as n from sync_mutations where user_id = $1', [AGENT1]);
    if (Number(row?.n) < 10_000) throw new Error('server holds fewer than 10,000 mutations');
    return Math.round(ms);
  } finally {
    await desk.close();
    await server.close();
    tmp.cleanup();
  }
}

async function pull200k(db: Database): Promise<number> {
  await seedOrg(db, 0);
  for (let i = 0; i < 200_000; i += 50_000) await seedDebtors(db, 1000 + i, 50_000, `'ag-1'`);
  await db.exec('analyze'); // as after an import: the planner knows the tables' sizes
  const server = await startSyncServer(db);
  const tmp = tempDir('recaudo-bench-pull-');
  const desk = openTestDesk(join(tmp.dir, 'desk.db'), testKey(), { baseUrl: () => server.url, pullLimit: 5000, timeoutMs: 120_000 });
  try {
    const t0 = performance.now();
    const res = await desk.engine.syncNow();
    const ms = performance.now() - t0;
    const n = desk.db.prepare('select count(*) from accounts').pluck().get() as number;
    if (!res.ok || n < 200_000) throw new Error(`pull incomplete: ${n} accounts, ${JSON.stringify(res)}`);
    return Math.round(ms);
  } finally {
    await desk.close();
    await server.close();
    tmp.cleanup();
  }
}

const bench: Bench = {
  ids: ['sync_10k_pglite_ms', 'sync_10k_pg_ms', 'pull_200k_ms'],
  async run(): Promise<BenchFigure[]> {
    const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    const want = (id: string) => wanted.length === 0 || wanted.includes(id) || !this.ids.some((x) => wanted.includes(x));
    const out: BenchFigure[] = [];
    if (want('sync_10k_pglite_ms')) {
      const db = await openPglite();
      try {
        out.push({ id: 'sync_10k_pglite_ms', value: await push10k(db), unit: 'ms' });
      } finally {
        await db.close();
      }
    }
    if (want('sync_10k_pg_ms') || want('pull_200k_ms')) {
      const cluster = await startPostgres();
      try {
        if (want('sync_10k_pg_ms')) {
          const db = await openPostgres(await cluster.createDatabase('bench_sync'));
          try { out.push({ id: 'sync_10k_pg_ms', value: await push10k(db), unit: 'ms' }); } finally { await db.close(); }
        }
        if (want('pull_200k_ms')) {
          const db = await openPostgres(await cluster.createDatabase('bench_pull'));
          try { out.push({ id: 'pull_200k_ms', value: await pull200k(db), unit: 'ms' }); } finally { await db.close(); }
        }
      } finally {
        await cluster.stop();
      }
    }
    return out;
  },
};
export default bench;
