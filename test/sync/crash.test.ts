import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open';
import type { Database } from '../../server/db/port';
import { tempDir, testKey } from '../../main/services/testing/temp';
import { openStore } from '../../main/services/store/open';
import { createOutbox } from '../../main/services/outbox/outbox';
import { ensureSyncStore } from '../../main/services/sync/store-schema';
import {
  AGENT1, enqueue, freshPostgresUrl, killHard, makeMutation, openTestDesk, seedOrg, serverMutations, spawnChild, startSyncServer,
} from './harness';

const here = fileURLToPath(new URL('.', import.meta.url));
const KINDS = ['note.add', 'contact.add', 'promise.add', 'callback.add', 'audit.append'] as const;

function queueWork(file: string, key: Buffer, count: number): string[] {
  const { db } = openStore({ file, key });
  ensureSyncStore(db);
  const outbox = createOutbox(db);
  const queued = enqueue({ db, outbox }, Array.from({ length: count }, (_, i) => makeMutation(KINDS[i % KINDS.length]!, 2 * (i % 10))));
  db.close();
  return queued.map((q) => q.uuid);
}

type Target = {
  name: string;
  open: () => Promise<{ arg: string; db: () => Promise<Database>; stop: () => Promise<void> }>;
  /** A database for a server in this process (the desk-kill test): PGlite in memory, a fresh PostgreSQL database. */
  inProcess: () => Promise<{ db: Database; stop: () => Promise<void> }>;
};
const targets: Target[] = [
  {
    name: 'pglite',
    open: async () => {
      const t = tempDir('recaudo-sync-pglite-');
      return { arg: join(t.dir, 'pg'), db: () => openDatabase({ dataDir: join(t.dir, 'pg') }), stop: async () => t.cleanup() };
    },
    inProcess: async () => {
      const db = await openDatabase({});
      return { db, stop: () => db.close() };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const pg = await freshPostgresUrl();
      return { arg: pg.url, db: () => openDatabase({ databaseUrl: pg.url }), stop: pg.stop };
    },
    inProcess: async () => {
      const pg = await freshPostgresUrl();
      const db = await openDatabase({ databaseUrl: pg.url });
      return { db, stop: async () => { await db.close(); await pg.stop(); } };
    },
  },
];

describe.each(targets)('kill -9 on $name', (target) => {
  const tmp = tempDir('recaudo-sync-crash-');
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    tmp.cleanup();
  });

  it('the desk killed during a push: the server committed, the ack was lost; after restart each mutation is applied once', async () => {
    const { db, stop } = await target.inProcess();
    cleanups.push(stop);
    await seedOrg(db, 20);
    let calls = 0;
    let inTx!: () => void;
    const reachedTx = new Promise<void>((r) => (inTx = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const server = await startSyncServer(db, {
      hooks: {
        beforeCommit: async () => {
          if (++calls !== 3) return;
          inTx();
          await released;
        },
      },
    });
    cleanups.push(() => server.close());

    const file = join(tmp.dir, `${target.name}-desk.db`);
    const key = testKey();
    const uuids = queueWork(file, key, 45);
    const desk = await spawnChild(join(here, 'desk-child.ts'), [file, key.toString('hex'), server.url], /^pushing$/);
    await reachedTx; // the third batch is inside the server's transaction…
    await killHard(desk.child); // …when the desk dies
    release(); // the server commits and answers a dead socket

    const reopened = openTestDesk(file, key, { baseUrl: () => server.url, batchSize: 10 });
    // Batches 1–2 were acknowledged before the kill; batch 3 was applied but its ack never arrived.
    expect(reopened.outbox.pendingCount()).toBe(45 - 20);
    await until(async () => (await serverMutations(db, reopened.engine.clientId(AGENT1))).length === 30);
    const res = await reopened.engine.syncNow();
    expect(res).toMatchObject({ ok: true, pushed: 25 });
    expect(reopened.outbox.pendingCount()).toBe(0);
    const recorded = await serverMutations(db, reopened.engine.clientId(AGENT1));
    expect(recorded.map((r) => r.id)).toEqual(uuids);
    expect(recorded.map((r) => r.seq)).toEqual(uuids.map((_, i) => i + 1));
    await reopened.close();
  }, 90_000);

  it('the server killed mid-transaction: nothing of that batch stays; after restart each mutation is applied once', async () => {
    const t = await target.open();
    cleanups.push(t.stop);
    const first = await spawnChild(join(here, 'server-child.ts'), [t.arg, '--seed', '--crash-on-commit'], /^listening (\S+)$/);
    let url = first.match[1]!;
    const file = join(tmp.dir, `${target.name}-server-crash.db`);
    const key = testKey();
    const uuids = queueWork(file, key, 30);
    const desk = openTestDesk(file, key, { baseUrl: () => url, batchSize: 10, timeoutMs: 20_000 });
    const pushing = desk.engine.syncNow();
    await first.waitFor(/^in-transaction /);
    await killHard(first.child);
    expect(await pushing).toMatchObject({ ok: false });
    expect(desk.outbox.pendingCount()).toBe(30);

    const second = await spawnChild(join(here, 'server-child.ts'), [t.arg], /^listening (\S+)$/);
    url = second.match[1]!;
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true, pushed: 30 });
    const clientId = desk.engine.clientId(AGENT1);
    await desk.close();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('close', r));
    const db = await t.db();
    try {
      const recorded = await serverMutations(db, clientId);
      expect(recorded.map((r) => r.id)).toEqual(uuids);
      expect(recorded.every((r) => r.status === 'applied')).toBe(true);
      const [{ n }] = (await db.query<{ n: number }>("select count(*)::int8 as n from notes where text like 'nota %'")) as [{ n: number }];
      expect(Number(n)).toBe(uuids.filter((_, i) => KINDS[i % KINDS.length] === 'note.add').length);
    } finally {
      await db.close();
    }
  }, 120_000);
});

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out');
}
