/**
 * The whole-slice refresh (refresh.ts → SliceWriter.finish) sweeping an account reassigned to another agent, against
 * the real server (PGlite and PostgreSQL). The debtor stays on this desk (another of their accounts is still this
 * agent's), so the account's callbacks the server holds must leave with it — the same rule as the change pull
 * (sync/pull-apply.ts): ON DELETE SET NULL alone would keep them as debtor-wide callbacks in this agent's queue, a
 * second call at the other agent's callback time. Only a callback whose `callback.add` is still in the outbox is
 * kept (unlinked): the agent's own unsynced work.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Callback } from '../../../shared/domain/portfolio';
import { testBackends } from '../../../server/testing/backends';
import { AGENT1, AGENT2, openTestDesk, syncSuite, tokenFor, type TestDesk } from '../../../test/sync/harness';
import { createServerClient } from '../server-client';
import { testKey } from '../testing/temp';
import { refreshSlice } from './refresh';

/** d-shared: a-shared-1 and a-shared-3 are ag-1's, a-shared-2 ag-2's; callbacks on a-shared-1, a-shared-3 and the debtor. */
const SEED = `
  insert into accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor,
    days_past_due, due_since, segment, assigned_agent_id, status) values
    ('a-shared-3', 'd-shared', 'cr-1', 'N-shared-3', 'tarjeta', 'COP', 300000, 300000, 30, '2026-10-01', 'early', 'ag-1', 'active');
  insert into callbacks (id, debtor_id, account_id, agent_id, due_at, time_zone, note, status) values
    ('cb-1', 'd-shared', 'a-shared-1', 'ag-1', '2026-11-27T15:00:00Z', 'America/Bogota', 'confirmar pago', 'pending'),
    ('cb-3', 'd-shared', null, 'ag-1', '2026-11-29T15:00:00Z', 'America/Bogota', 'cualquier cuenta', 'pending'),
    ('cb-4', 'd-shared', 'a-shared-3', 'ag-1', '2026-11-30T15:00:00Z', 'America/Bogota', 'otra cuenta', 'pending');
`;

/** A callback made at the desk the way the product makes one: the row and its outbox mutation in one transaction. */
function localCallback(desk: TestDesk, accountId: string): string {
  const cb: Callback = {
    id: randomUUID(), debtorId: 'd-shared', accountId, agentId: AGENT1, dueAt: '2026-12-01T15:00:00.000Z',
    timeZone: 'America/Bogota', note: 'volver a llamar', status: 'pending',
  };
  desk.db.transaction(() => {
    desk.db.prepare(`INSERT INTO callbacks (id, debtor_id, account_id, agent_id, due_at, time_zone, note, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`).run(cb.id, cb.debtorId, cb.accountId, cb.agentId, cb.dueAt, cb.timeZone, cb.note);
    desk.outbox.enqueue('callback.add', cb, new Date().toISOString());
  })();
  return cb.id;
}

/** SQLite's ORDER BY on text: by code unit. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const callbacksOf = (desk: TestDesk) =>
  desk.db.prepare("SELECT id, account_id FROM callbacks WHERE debtor_id = 'd-shared' ORDER BY id").all() as Array<{ id: string; account_id: string | null }>;

describe.each(testBackends())('whole-slice refresh of an account reassigned away on $name', (backend) => {
  const suite = syncSuite(backend, 2, 'recaudo-slice-reassigned-');

  it("sweeps the account's callbacks the server holds, keeping the agent's unsynced ones and the debtor's other callbacks", async () => {
    await suite.db.exec(SEED);
    const one = openTestDesk(join(suite.tmp.dir, 'one.db'), testKey(), { baseUrl: () => suite.server.url, agentId: AGENT1 });
    const two = openTestDesk(join(suite.tmp.dir, 'two.db'), testKey(), { baseUrl: () => suite.server.url, agentId: AGENT2 });
    const server = createServerClient({ baseUrl: suite.server.url, timeoutMs: 5000 });
    try {
      await refreshSlice(one.db, server, tokenFor(AGENT1), AGENT1);
      expect(callbacksOf(one)).toEqual([
        { id: 'cb-1', account_id: 'a-shared-1' }, { id: 'cb-3', account_id: null }, { id: 'cb-4', account_id: 'a-shared-3' },
      ]);
      // One made here and pushed (the server holds it on a-shared-1; seen_gen NULL here, never pulled back)...
      const pushed = localCallback(one, 'a-shared-1');
      expect(await one.engine.pushNow()).toMatchObject({ ok: true, pushed: 1 });
      // ...one whose push is refused because the account has left (kept in the outbox as refused)...
      const refused = localCallback(one, 'a-shared-1');
      await suite.db.exec("update accounts set assigned_agent_id = 'ag-2' where id = 'a-shared-1'");
      expect(await one.engine.pushNow()).toMatchObject({ ok: true, refused: 1 });
      // ...and one still pending in the outbox when the refresh runs.
      const pending = localCallback(one, 'a-shared-1');

      const r = await refreshSlice(one.db, server, tokenFor(AGENT1), AGENT1);
      expect(r.removedAccounts).toBe(1);
      expect(one.db.prepare("SELECT count(*) FROM accounts WHERE id = 'a-shared-1'").pluck().get()).toBe(0);
      // cb-1 and the pushed one are ag-2's work now; the refused and the pending one are this agent's own unsynced
      // work, kept without the account they no longer hold.
      expect(callbacksOf(one)).toEqual(
        [
          { id: 'cb-3', account_id: null }, { id: 'cb-4', account_id: 'a-shared-3' },
          { id: refused, account_id: null }, { id: pending, account_id: null },
        ].sort(byId),
      );
      expect(one.outbox.pending(100).map((m) => (m.payload as { id: string }).id)).toEqual([pending]);
      expect(one.engine.refused().map((m) => m.kind)).toEqual(['callback.add']);
      expect(one.db.pragma('foreign_key_check')).toEqual([]);

      // The other agent gets the account with its callbacks, the one pushed from this desk among them.
      await refreshSlice(two.db, server, tokenFor(AGENT2), AGENT2);
      expect(callbacksOf(two)).toEqual(
        [{ id: 'cb-1', account_id: 'a-shared-1' }, { id: 'cb-3', account_id: null }, { id: pushed, account_id: 'a-shared-1' }]
          .sort(byId),
      );
    } finally {
      await one.close();
      await two.close();
    }
  });
});
