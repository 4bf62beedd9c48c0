import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/port';
import { testBackends } from '../../server/testing/backends';
import { tempDir, testKey } from '../../main/services/testing/temp';
import { randomFaults, rng, startFaultProxy, type FaultProxy } from './fault-proxy';
import { AGENT1, enqueue, makeMutation, openTestDesk, seedOrg, serverMutations, startSyncServer, type SyncServer } from './harness';

const KINDS = ['note.add', 'contact.add', 'promise.add', 'callback.add', 'phone.mark', 'audit.append', 'call.event'] as const;
const TABLE: Record<(typeof KINDS)[number], string> = {
  'note.add': 'notes', 'contact.add': 'contacts', 'promise.add': 'promises', 'callback.add': 'callbacks',
  'phone.mark': 'sync_mutations', 'audit.append': 'audit_events', 'call.event': 'call_events',
};

describe.each(testBackends())('sync through a faulty network on $name', (backend) => {
  let db: Database;
  let server: SyncServer;
  let proxy: FaultProxy;
  const tmp = tempDir('recaudo-sync-faults-');

  beforeAll(async () => {
    db = await backend.fresh();
    await seedOrg(db, 40);
    server = await startSyncServer(db, { closeConnections: true });
    proxy = await startFaultProxy(Number(new URL(server.url).port));
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    await db?.close();
    await backend.dispose();
    tmp.cleanup();
  });

  it('drops, delays, duplicates and cuts mid-request and mid-response: the server holds each mutation exactly once', async () => {
    const random = rng(20261125);
    proxy.plan(randomFaults(random));
    const desk = openTestDesk(join(tmp.dir, 'faults.db'), testKey(), { baseUrl: () => proxy.url, batchSize: 20, timeoutMs: 1500 });
    const made: Array<{ uuid: string; kind: (typeof KINDS)[number]; id: string }> = [];
    const add = (count: number) => {
      const list = Array.from({ length: count }, () => {
        const kind = KINDS[Math.floor(random() * KINDS.length)]!;
        return { kind, m: makeMutation(kind, 2 * Math.floor(random() * 20)) };
      });
      const queued = enqueue(desk, list.map((x) => x.m));
      list.forEach((x, j) => made.push({ uuid: queued[j]!.uuid, kind: x.kind, id: (x.m.payload as { id: string }).id }));
    };
    add(120);
    let rounds = 0;
    while (desk.outbox.pendingCount() > 0 && rounds < 400) {
      await desk.engine.syncNow();
      if (rounds === 5) add(60); // the agent keeps working while the network misbehaves
      rounds++;
    }
    expect(desk.outbox.pendingCount()).toBe(0);
    // Every kind of fault actually happened, and retries went through them.
    for (const k of ['pass', 'drop', 'delay', 'cut-request', 'cut-response', 'duplicate'] as const) expect(proxy.stats[k]).toBeGreaterThan(0);

    await new Promise((r) => setTimeout(r, 300)); // late duplicates land
    const recorded = await serverMutations(db, desk.engine.clientId(AGENT1));
    expect(recorded).toEqual(made.map((m, i) => ({ seq: i + 1, id: m.uuid, kind: m.kind, status: 'applied' })));
    for (const kind of KINDS) {
      const ids = made.filter((m) => m.kind === kind).map((m) => (kind === 'phone.mark' ? m.uuid : m.id));
      const col = kind === 'phone.mark' ? 'mutation_id::text' : 'id';
      const rows = await db.query<{ id: string }>(`select ${col} as id from ${TABLE[kind]} where ${col} = any($1::text[])`, [ids]);
      expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    }
    expect(desk.engine.refused()).toEqual([]);
    await desk.close();
  });
});
