import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../server/testing/backends';
import { createDeskEvents } from '../../main/services/events';
import { createOutbox } from '../../main/services/outbox/outbox';
import { openStore } from '../../main/services/store/open';
import { createSyncEngine } from '../../main/services/sync/engine';
import { testKey } from '../../main/services/testing/temp';
import { AGENT1, AGENT2, enqueue, makeMutation, serverMutations, tokenFor, syncSuite } from './harness';

describe.each(testBackends())('a desk shared by two agents on $name', (backend) => {
  const suite = syncSuite(backend, 10, 'recaudo-sync-shared-');

  it("each agent's work goes under their own client id with a gapless sequence; the slice follows who is logged in", async () => {
    const { db: store } = openStore({ file: join(suite.tmp.dir, 'shared.db'), key: testKey() });
    const outbox = createOutbox(store);
    let who: string | null = AGENT1;
    const engine = createSyncEngine({
      db: store, outbox, events: createDeskEvents(), baseUrl: () => suite.server.url, live: false, periodicMs: 0,
      token: () => (who ? tokenFor(who) : null), agentId: () => who,
    });
    // Agent 1 works offline and leaves; agent 2 sits down and works too.
    const a1 = enqueue({ db: store, outbox }, [makeMutation('note.add', 0), makeMutation('note.add', 2)]);
    const b1 = enqueue({ db: store, outbox }, [makeMutation('note.add', 1, AGENT2)]);
    const a2 = enqueue({ db: store, outbox }, [makeMutation('contact.add', 4)]);
    who = AGENT2;
    expect(await engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    expect(outbox.pendingCount()).toBe(3); // agent 1's rows wait for agent 1
    const mine = (sql: string) => store.prepare(sql).pluck().all() as string[];
    expect(mine('select id from accounts order by id')).toEqual(['a-1', 'a-3', 'a-5', 'a-7', 'a-9', 'a-shared-2']);
    expect(await serverMutations(suite.db, engine.clientId(AGENT2))).toEqual([{ seq: 1, id: b1[0]!.uuid, kind: 'note.add', status: 'applied' }]);

    who = AGENT1;
    expect(await engine.syncNow()).toMatchObject({ ok: true, pushed: 3 });
    expect(outbox.pendingCount()).toBe(0);
    expect((await serverMutations(suite.db, engine.clientId(AGENT1))).map((r) => [r.seq, r.id])).toEqual(
      [...a1, ...a2].map((q, i) => [i + 1, q.uuid]),
    );
    expect(engine.clientId(AGENT1)).not.toBe(engine.clientId(AGENT2));
    expect(mine('select id from accounts order by id')).toEqual(['a-0', 'a-2', 'a-4', 'a-6', 'a-8', 'a-shared-1']);

    // Logged out: nothing is sent, the desk says offline.
    who = null;
    enqueue({ db: store, outbox }, [makeMutation('note.add', 6)]);
    expect(await engine.syncNow()).toMatchObject({ ok: false });
    expect(engine.status()).toMatchObject({ state: 'offline', pending: 1 });
    await engine.stop();
    store.close();
  });
});
