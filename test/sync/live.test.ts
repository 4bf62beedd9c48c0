import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/api/events';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';
import type { Database } from '../../server/db/port';
import { createChangeHub } from '../../server/sync/hub';
import { tempDir, testKey } from '../../main/services/testing/temp';
import {
  AGENT1, AGENT2, enqueue, freshPostgresUrl, makeMutation, openTestDesk, seedOrg, serverMutations, startSyncServer, until, type SyncServer,
} from './harness';

const tmp = tempDir('recaudo-sync-live-');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  tmp.cleanup();
});

const phoneStatus = (desk: { db: import('../../main/services/store/open').Db }, id: string) =>
  desk.db.prepare('select status from phones where id = ?').pluck().get(id) as string | undefined;

describe('live on PGlite (one instance)', () => {
  it('a push by another agent wakes the desk over the WebSocket; the desk reports online / syncing N / offline since', async () => {
    const db = await openPglite();
    cleanups.push(() => db.close());
    await seedOrg(db, 10);
    // Polling off: only the in-process wake-up can tell the desk.
    const hub = createChangeHub({ db, pollMs: 600_000 });
    cleanups.push(() => hub.close());
    let server: SyncServer = await startSyncServer(db, { hub });
    const port = Number(new URL(server.url).port);
    const listener = openTestDesk(join(tmp.dir, 'l1.db'), testKey(), { baseUrl: () => server.url, live: true });
    cleanups.push(() => listener.close());
    const statuses: SyncStatus[] = [];
    listener.events.on('sync.status', (s) => statuses.push(s));
    listener.engine.start();
    await until(() => listener.engine.liveConnected && listener.engine.status().state === 'online', 10_000, 'live + first pull');
    expect(phoneStatus(listener, 'ph-shared')).toBe('ok');

    const other = openTestDesk(join(tmp.dir, 'l2.db'), testKey(), { baseUrl: () => server.url, agentId: AGENT2 });
    cleanups.push(() => other.close());
    enqueue(other, [makeMutation('phone.mark', 0, AGENT2, { phoneId: 'ph-shared', debtorId: 'd-shared', e164: '+573009999999' })]);
    await other.engine.syncNow();
    await until(() => phoneStatus(listener, 'ph-shared') === 'wrong_number', 5_000, 'woken pull');

    // Online with work queued: "syncing (1 pending)", then back to online once acknowledged.
    enqueue(listener, [makeMutation('audit.append', 0)]);
    listener.engine.nudge();
    await until(() => listener.engine.status().pending === 0, 5_000, 'drain');
    expect(statuses.map((s) => `${s.state}:${s.pending}`)).toContain('syncing:1');

    // Offline: the server goes away; local work queues; the desk says offline since hh:mm and N pending.
    await server.close();
    enqueue(listener, [makeMutation('note.add', 0), makeMutation('note.add', 2)]);
    listener.engine.nudge();
    await until(() => listener.engine.status().state === 'offline', 5_000, 'offline');
    expect(listener.engine.status()).toMatchObject({ state: 'offline', pending: 2, since: expect.any(String) });
    // Back on the same port: the live socket reconnects with backoff and the queue drains.
    server = await startSyncServer(db, { hub, port });
    cleanups.push(() => server.close());
    await until(() => listener.engine.status().state === 'online' && listener.engine.status().pending === 0, 15_000, 'reconnect + drain');
    const seen = statuses.map((s) => `${s.state}:${s.pending}`);
    expect(seen).toContain('online:0');
    expect(seen).toContain('offline:2');
    expect(seen.slice(seen.lastIndexOf('offline:2'))).toContain('online:0');
    expect((await serverMutations(db, listener.engine.clientId(AGENT1))).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  }, 60_000);
});

describe('scale-out on PostgreSQL (two instances, one database)', () => {
  it('a push on instance A wakes a desk listening on instance B (LISTEN/NOTIFY); a desk switching instances applies each mutation once', async () => {
    const pg = await freshPostgresUrl();
    cleanups.push(pg.stop);
    const dbA: Database = await openPostgres(pg.url, { max: 4 });
    const dbB: Database = await openPostgres(pg.url, { max: 4 });
    cleanups.push(() => dbA.close(), () => dbB.close());
    await seedOrg(dbA, 20);
    // Each instance its own hub; polling off, so only NOTIFY crosses instances.
    const hubA = createChangeHub({ db: dbA, databaseUrl: pg.url, pollMs: 600_000 });
    const hubB = createChangeHub({ db: dbB, databaseUrl: pg.url, pollMs: 600_000 });
    cleanups.push(() => hubA.close(), () => hubB.close());
    await Promise.all([hubA.ready(), hubB.ready()]);
    const a = await startSyncServer(dbA, { hub: hubA });
    const b = await startSyncServer(dbB, { hub: hubB });
    cleanups.push(() => a.close(), () => b.close());

    const listener = openTestDesk(join(tmp.dir, 's1.db'), testKey(), { baseUrl: () => b.url, live: true });
    cleanups.push(() => listener.close());
    listener.engine.start();
    await until(() => listener.engine.liveConnected && listener.engine.status().state === 'online', 10_000, 'live on B');
    expect(phoneStatus(listener, 'ph-shared')).toBe('ok');

    const pusher = openTestDesk(join(tmp.dir, 's2.db'), testKey(), { baseUrl: () => a.url, agentId: AGENT2 });
    cleanups.push(() => pusher.close());
    enqueue(pusher, [makeMutation('phone.mark', 0, AGENT2, { phoneId: 'ph-shared', debtorId: 'd-shared', e164: '+573009999999', status: 'not_debtor' })]);
    await pusher.engine.syncNow();
    await until(() => phoneStatus(listener, 'ph-shared') === 'not_debtor', 5_000, 'wake-up across instances');

    // A desk whose requests alternate between the instances (a balancer without affinity).
    let flip = 0;
    const switching = openTestDesk(join(tmp.dir, 's3.db'), testKey(), { baseUrl: () => (flip++ % 2 === 0 ? a.url : b.url), batchSize: 5 });
    cleanups.push(() => switching.close());
    const queued = enqueue(switching, Array.from({ length: 40 }, (_, i) => makeMutation(i % 2 ? 'note.add' : 'contact.add', 2 * (i % 10))));
    // Two syncs at once, each on a different instance: the client row lock keeps them from applying twice.
    const [r1, r2] = await Promise.all([switching.engine.syncNow(), switching.engine.syncNow()]);
    expect(r1.ok && r2.ok).toBe(true);
    await switching.engine.syncNow();
    expect(switching.outbox.pendingCount()).toBe(0);
    const recorded = await serverMutations(dbB, switching.engine.clientId(AGENT1));
    expect(recorded.map((r) => r.id)).toEqual(queued.map((q) => q.uuid));
    expect(flip).toBeGreaterThan(8);
  }, 60_000);
});
