/**
 * Property: whatever the interleaving of agent actions, network faults, connection cuts and restarts of the
 * server and of the desks, once the network heals the server holds each client's mutations exactly once, in that
 * client's order, and its state equals applying them once in order (phone marks: last mark wins; do_not_call is
 * never lifted by a desk).
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/port';
import { testBackends } from '../../server/testing/backends';
import { tempDir, testKey } from '../../main/services/testing/temp';
import { randomFaults, rng, startFaultProxy, type FaultProxy } from './fault-proxy';
import {
  AGENT1, AGENT2, enqueue, makeMutation, openTestDesk, saveRecording, seedOrg, serverMutations, startSyncServer, type SyncServer, type TestDesk,
} from './harness';

const KINDS = ['note.add', 'contact.add', 'promise.add', 'callback.add', 'phone.mark', 'audit.append', 'call.event', 'recording.add'] as const;
const MARKS = ['ok', 'wrong_number', 'not_debtor', 'do_not_call'] as const;

type Action =
  | { t: 'work'; desk: 0 | 1; items: Array<{ kind: (typeof KINDS)[number]; debtor: number; mark: (typeof MARKS)[number] }> }
  | { t: 'sync'; desk: 0 | 1; faultSeed: number }
  | { t: 'syncAndCut'; desk: 0 | 1; afterMs: number }
  | { t: 'restartServer' }
  | { t: 'restartDesk'; desk: 0 | 1 };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    t: fc.constant('work' as const),
    desk: fc.constantFrom(0 as const, 1 as const),
    items: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), debtor: fc.integer({ min: 0, max: 9 }), mark: fc.constantFrom(...MARKS) }), { minLength: 1, maxLength: 6 }),
  }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), desk: fc.constantFrom(0 as const, 1 as const), faultSeed: fc.integer() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('syncAndCut' as const), desk: fc.constantFrom(0 as const, 1 as const), afterMs: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'restartServer' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restartDesk' as const), desk: fc.constantFrom(0 as const, 1 as const) }) },
);

describe.each(testBackends())('sync property on $name', (backend) => {
  let db: Database;
  let server: SyncServer;
  let proxy: FaultProxy;
  const tmp = tempDir('recaudo-sync-prop-');

  const restartServer = async () => {
    await server.close();
    server = await startSyncServer(db, { closeConnections: true });
    proxy.retarget(Number(new URL(server.url).port));
  };

  beforeAll(async () => {
    db = await backend.fresh();
    await seedOrg(db, 20);
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

  it('random actions, faults and restarts of both sides → each mutation applied once, in per-client order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 14 }), async (actions) => {
        run++;
        const agents = [AGENT1, AGENT2] as const;
        const files = [join(tmp.dir, `r${run}-a.db`), join(tmp.dir, `r${run}-b.db`)];
        const keys = [testKey(), testKey()];
        const open = (i: 0 | 1) => openTestDesk(files[i]!, keys[i]!, { baseUrl: () => proxy.url, agentId: agents[i], batchSize: 4, pullLimit: 50, timeoutMs: 1000 });
        const desks: [TestDesk, TestDesk] = [open(0), open(1)];
        const expected: [Array<{ uuid: string; kind: string; payload: Record<string, unknown> }>, Array<{ uuid: string; kind: string; payload: Record<string, unknown> }>] = [[], []];
        const phonesBefore = new Map((await db.query<{ id: string; status: string }>('select id, status from phones')).map((p) => [p.id, p.status]));
        try {
          for (const a of actions) {
            proxy.plan(() => ({ kind: 'pass' }));
            switch (a.t) {
              case 'work': {
                // ag-1 owns even debtors, ag-2 odd ones.
                for (const it of a.items) {
                  const debtor = 2 * it.debtor + a.desk;
                  if (it.kind === 'recording.add') {
                    // Saved the product's way: file, row and mutation; the bytes go up before the mutation.
                    const desk = desks[a.desk];
                    const rec = saveRecording(desk, { debtor, agentId: agents[a.desk], bytes: 4096 });
                    const row = desk.db.prepare('SELECT uuid, payload FROM outbox ORDER BY seq DESC LIMIT 1').get() as { uuid: string; payload: string };
                    expected[a.desk].push({ uuid: row.uuid, kind: it.kind, payload: { ...(JSON.parse(row.payload) as Record<string, unknown>), sha256: rec.sha256 } });
                    continue;
                  }
                  const m = makeMutation(it.kind, debtor, agents[a.desk], it.kind === 'phone.mark' ? { status: it.mark } : {});
                  const [queued] = enqueue(desks[a.desk], [m]);
                  expected[a.desk].push({ uuid: queued!.uuid, kind: m.kind, payload: m.payload });
                }
                break;
              }
              case 'sync':
                proxy.plan(randomFaults(rng(a.faultSeed)));
                await desks[a.desk].engine.syncNow();
                break;
              case 'syncAndCut': {
                const p = desks[a.desk].engine.syncNow();
                await new Promise((r) => setTimeout(r, a.afterMs));
                proxy.cutAll();
                await p;
                break;
              }
              case 'restartServer':
                await restartServer();
                break;
              case 'restartDesk':
                await desks[a.desk].close();
                desks[a.desk] = open(a.desk);
                break;
            }
          }
          // The network heals: everything drains.
          proxy.plan(() => ({ kind: 'pass' }));
          for (const i of [0, 1] as const) {
            for (let k = 0; k < 30 && desks[i].outbox.pendingCount() > 0; k++) await desks[i].engine.syncNow();
            expect(desks[i].outbox.pendingCount()).toBe(0);
            expect(desks[i].engine.refused()).toEqual([]);
            const recorded = await serverMutations(db, desks[i].engine.clientId(agents[i]));
            expect(recorded).toEqual(expected[i].map((m, j) => ({ seq: j + 1, id: m.uuid, kind: m.kind, status: 'applied' })));
          }
          // The state equals applying each mutation once, in order.
          const all = [...expected[0], ...expected[1]];
          const notes = all.filter((m) => m.kind === 'note.add').map((m) => m.payload.id as string);
          const rows = await db.query<{ id: string }>('select id from notes where id = any($1::text[])', [notes]);
          expect(rows.map((r) => r.id).sort()).toEqual([...notes].sort());
          // Each recording: one link to its own bytes.
          const recs = all.filter((m) => m.kind === 'recording.add');
          const linked = await db.query<{ call_id: string; sha256: string }>(
            'select r.call_id, r.sha256 from recordings r join recording_blobs b on b.sha256 = r.sha256 where r.call_id = any($1::text[])',
            [recs.map((m) => m.payload.callId as string)],
          );
          expect(linked.map((r) => `${r.call_id}:${r.sha256}`).sort()).toEqual(recs.map((m) => `${String(m.payload.callId)}:${String(m.payload.sha256)}`).sort());
          const model = new Map<string, string>();
          for (const list of expected) {
            for (const m of list.filter((x) => x.kind === 'phone.mark')) {
              const id = m.payload.phoneId as string;
              const current = model.get(id) ?? phonesBefore.get(id)!;
              model.set(id, current === 'do_not_call' ? current : (m.payload.status as string));
            }
          }
          if (model.size) {
            const now = await db.query<{ id: string; status: string }>('select id, status from phones where id = any($1::text[])', [[...model.keys()]]);
            expect(new Map(now.map((p) => [p.id, p.status]))).toEqual(model);
          }
        } finally {
          await desks[0].close();
          await desks[1].close();
        }
      }),
      { numRuns: 15, seed: 7_2026_11, endOnFailure: true },
    );
  }, 170_000);
});
