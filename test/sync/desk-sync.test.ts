import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../server/testing/backends';
import { createDeskEvents } from '../../main/services/events';
import { createOutbox } from '../../main/services/outbox/outbox';
import { openStore } from '../../main/services/store/open';
import { createDeskSync } from '../../main/services/sync/desk-sync';
import { testKey } from '../../main/services/testing/temp';
import { AGENT1, enqueue, makeMutation, serverMutations, tokenFor, syncSuite, until } from './harness';

describe.each(testBackends())('desk sync bound to the session on $name', (backend) => {
  const suite = syncSuite(backend, 6, 'recaudo-desk-sync-');

  it('starts on login, pushes what was queued offline, and ends the session when the server says 401', async () => {
    const { db: store } = openStore({ file: join(suite.tmp.dir, 'd.db'), key: testKey() });
    const outbox = createOutbox(store);
    let token: string | null = null;
    let expired = 0;
    const user = { id: AGENT1, username: 'ag1', displayName: 'Agente Uno', role: 'agent' as const, teamId: 'team-1' };
    const sync = createDeskSync({
      db: store, outbox, events: createDeskEvents(), baseUrl: () => suite.server.url, now: () => new Date(),
      session: { token: () => token, user: () => user, expire: () => { expired++; token = null; } },
    });
    // Offline login: work queues, nothing is sent, the desk says offline.
    const queued = enqueue({ db: store, outbox }, [makeMutation('note.add', 0), makeMutation('callback.add', 2)]);
    sync.sessionChanged();
    await until(() => sync.status().state === 'offline' && sync.status().pending === 2, 5_000, 'offline with 2 pending');
    // Online login: the queue drains and the live channel opens.
    token = tokenFor(AGENT1);
    sync.sessionChanged();
    await until(() => sync.status().state === 'online' && sync.status().pending === 0 && sync.liveConnected, 10_000, 'drained and live');
    expect((await serverMutations(suite.db, sync.clientId(AGENT1))).map((r) => r.id)).toEqual(queued.map((q) => q.uuid));
    // A token the server no longer accepts: the session ends, nothing is lost.
    token = 'not.a.token';
    enqueue({ db: store, outbox }, [makeMutation('note.add', 4)]);
    sync.nudge();
    await until(() => expired === 1, 5_000, 'session expired');
    expect(outbox.pendingCount()).toBe(1);
    await sync.stop();
    store.close();
  });
});
