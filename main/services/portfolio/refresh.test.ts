/**
 * The desk's whole-slice refresh against the real server (PGlite and PostgreSQL), on a debtor whose accounts are
 * split between two agents (what an assignment "balanced by balance" does). The collector of one account sees the
 * debtor's whole contact history, but only their own accounts' payments, promises and callbacks; the sync pull
 * must leave the desk holding exactly the same rows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../../server/testing/backends';
import { AGENT1, AGENT2, openTestDesk, syncSuite, tokenFor } from '../../../test/sync/harness';
import { openStore, type Db } from '../store/open';
import { testKey } from '../testing/temp';
import { createServerClient } from '../server-client';
import { refreshSlice } from './refresh';

/** On d-shared (a-shared-1 is ag-1's, a-shared-2 ag-2's): a contact, promise, callback and payment on each account. */
const SPLIT_DEBTOR = `
  insert into contacts (id, debtor_id, account_id, agent_id, channel, direction, started_at, outcome, conversation, notes) values
    ('ct-1', 'd-shared', 'a-shared-1', 'ag-1', 'call', 'outbound', '2026-11-20T15:00:00Z', 'promise', true, 'promete pagar'),
    ('ct-2', 'd-shared', 'a-shared-2', 'ag-2', 'call', 'outbound', '2026-11-21T15:00:00Z', 'refused', true, 'dice que no debe'),
    ('ct-3', 'd-shared', null, 'ag-2', 'sms', 'outbound', '2026-11-22T15:00:00Z', 'no_answer', false, '');
  insert into promises (id, account_id, debtor_id, agent_id, amount_minor, currency, due_date, method, installments, status, created_at) values
    ('pr-1', 'a-shared-1', 'd-shared', 'ag-1', 50000, 'COP', '2026-12-01', 'pse', 1, 'pending', '2026-11-20T15:05:00Z'),
    ('pr-2', 'a-shared-2', 'd-shared', 'ag-2', 70000, 'COP', '2026-12-02', 'pse', 1, 'pending', '2026-11-21T15:05:00Z');
  insert into callbacks (id, debtor_id, account_id, agent_id, due_at, time_zone, note, status) values
    ('cb-1', 'd-shared', 'a-shared-1', 'ag-1', '2026-11-27T15:00:00Z', 'America/Bogota', 'confirmar pago', 'pending'),
    ('cb-2', 'd-shared', 'a-shared-2', 'ag-2', '2026-11-28T15:00:00Z', 'America/Bogota', 'volver a llamar', 'pending'),
    ('cb-3', 'd-shared', null, 'ag-2', '2026-11-29T15:00:00Z', 'America/Bogota', 'cualquier cuenta', 'pending');
  insert into payments (id, account_id, amount_minor, currency, posted_at, method) values
    ('pay-1', 'a-shared-1', 10000, 'COP', '2026-11-10', 'pse'),
    ('pay-2', 'a-shared-2', 20000, 'COP', '2026-11-11', 'pse');
`;

/** What the desk holds of d-shared, table by table (id and account link), in a comparable shape. */
function sharedDebtorRows(db: Db) {
  const rows = (sql: string) => db.prepare(sql).all();
  return {
    accounts: rows("select id from accounts where debtor_id = 'd-shared' order by id"),
    contacts: rows("select id, account_id from contacts where debtor_id = 'd-shared' order by id"),
    promises: rows("select id, account_id from promises where debtor_id = 'd-shared' order by id"),
    callbacks: rows("select id, account_id from callbacks where debtor_id = 'd-shared' order by id"),
    payments: rows("select id, account_id from payments where account_id like 'a-shared-%' order by id"),
  };
}

const AGENT1_VIEW = {
  accounts: [{ id: 'a-shared-1' }],
  // The whole contact history of the debtor; a contact on ag-2's account keeps its text, not the link.
  contacts: [
    { id: 'ct-1', account_id: 'a-shared-1' },
    { id: 'ct-2', account_id: null },
    { id: 'ct-3', account_id: null },
  ],
  promises: [{ id: 'pr-1', account_id: 'a-shared-1' }],
  // ag-2's callback on ag-2's account is ag-2's work; one on the debtor as a whole is anyone's.
  callbacks: [
    { id: 'cb-1', account_id: 'a-shared-1' },
    { id: 'cb-3', account_id: null },
  ],
  payments: [{ id: 'pay-1', account_id: 'a-shared-1' }],
};

describe.each(testBackends())('whole-slice refresh of a debtor split between agents on $name', (backend) => {
  const suite = syncSuite(backend, 4, 'recaudo-refresh-');

  async function seeded(): Promise<void> {
    const [n] = await suite.db.query<{ n: number }>("select count(*)::int as n from contacts where id = 'ct-1'");
    if (Number(n!.n) === 0) await suite.db.exec(SPLIT_DEBTOR);
  }

  it('refreshes without a foreign-key failure, holding the debtor as a collector of one account should see it', async () => {
    await seeded();
    const { db } = openStore({ file: join(suite.tmp.dir, 'refresh.db'), key: testKey() });
    try {
      const server = createServerClient({ baseUrl: suite.server.url, timeoutMs: 5000 });
      const r = await refreshSlice(db, server, tokenFor(AGENT1), AGENT1);
      expect(r).toMatchObject({ accounts: 3, debtors: 3 }); // a-0, a-2, a-shared-1
      expect(sharedDebtorRows(db)).toEqual(AGENT1_VIEW);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // A second refresh (rows already there) changes nothing.
      await refreshSlice(db, server, tokenFor(AGENT1), AGENT1);
      expect(sharedDebtorRows(db)).toEqual(AGENT1_VIEW);
    } finally {
      db.close();
    }
  });

  it("the sync pull leaves the desk with the same rows as the refresh, and ag-2 sees their side", async () => {
    await seeded();
    const one = openTestDesk(join(suite.tmp.dir, 'pull-1.db'), testKey(), { baseUrl: () => suite.server.url, agentId: AGENT1 });
    const two = openTestDesk(join(suite.tmp.dir, 'pull-2.db'), testKey(), { baseUrl: () => suite.server.url, agentId: AGENT2 });
    try {
      expect(await one.engine.syncNow()).toMatchObject({ ok: true });
      expect(sharedDebtorRows(one.db)).toEqual(AGENT1_VIEW);
      expect(await two.engine.syncNow()).toMatchObject({ ok: true });
      expect(sharedDebtorRows(two.db)).toEqual({
        accounts: [{ id: 'a-shared-2' }],
        contacts: [
          { id: 'ct-1', account_id: null },
          { id: 'ct-2', account_id: 'a-shared-2' },
          { id: 'ct-3', account_id: null },
        ],
        promises: [{ id: 'pr-2', account_id: 'a-shared-2' }],
        callbacks: [
          { id: 'cb-2', account_id: 'a-shared-2' },
          { id: 'cb-3', account_id: null },
        ],
        payments: [{ id: 'pay-2', account_id: 'a-shared-2' }],
      });
    } finally {
      await one.close();
      await two.close();
    }
  });

  // Last: it moves ag-2's account to ag-1.
  it('changes pulled later follow the same rule, and when the other account comes over its rows link up as a refresh has them', async () => {
    await seeded();
    const desk = openTestDesk(join(suite.tmp.dir, 'pull-changes.db'), testKey(), { baseUrl: () => suite.server.url, agentId: AGENT1 });
    const { db: fresh } = openStore({ file: join(suite.tmp.dir, 'refresh-after.db'), key: testKey() });
    try {
      expect(await desk.engine.syncNow()).toMatchObject({ ok: true });
      await suite.db.exec(`
        insert into contacts (id, debtor_id, account_id, agent_id, channel, direction, started_at, outcome, conversation) values
          ('ct-4', 'd-shared', 'a-shared-2', 'ag-2', 'call', 'outbound', '2026-11-23T15:00:00Z', 'no_answer', false);
        insert into callbacks (id, debtor_id, account_id, agent_id, due_at, time_zone, note, status) values
          ('cb-4', 'd-shared', 'a-shared-2', 'ag-2', '2026-11-30T15:00:00Z', 'America/Bogota', '', 'pending');
        insert into payments (id, account_id, amount_minor, currency, posted_at, method) values
          ('pay-3', 'a-shared-2', 5000, 'COP', '2026-11-24', 'pse');
      `);
      expect(await desk.engine.syncNow()).toMatchObject({ ok: true });
      const rows = sharedDebtorRows(desk.db);
      expect(rows.contacts).toContainEqual({ id: 'ct-4', account_id: null });
      expect(rows.callbacks.map((c) => (c as { id: string }).id)).toEqual(['cb-1', 'cb-3']);
      expect(rows.payments).toEqual(AGENT1_VIEW.payments);

      await suite.db.exec("update accounts set assigned_agent_id = 'ag-1' where id = 'a-shared-2'");
      expect(await desk.engine.syncNow()).toMatchObject({ ok: true });
      const both = {
        accounts: [{ id: 'a-shared-1' }, { id: 'a-shared-2' }],
        contacts: [
          { id: 'ct-1', account_id: 'a-shared-1' },
          { id: 'ct-2', account_id: 'a-shared-2' },
          { id: 'ct-3', account_id: null },
          { id: 'ct-4', account_id: 'a-shared-2' },
        ],
        promises: [{ id: 'pr-1', account_id: 'a-shared-1' }, { id: 'pr-2', account_id: 'a-shared-2' }],
        callbacks: [
          { id: 'cb-1', account_id: 'a-shared-1' },
          { id: 'cb-2', account_id: 'a-shared-2' },
          { id: 'cb-3', account_id: null },
          { id: 'cb-4', account_id: 'a-shared-2' },
        ],
        payments: [
          { id: 'pay-1', account_id: 'a-shared-1' },
          { id: 'pay-2', account_id: 'a-shared-2' },
          { id: 'pay-3', account_id: 'a-shared-2' },
        ],
      };
      expect(sharedDebtorRows(desk.db)).toEqual(both);
      await refreshSlice(fresh, createServerClient({ baseUrl: suite.server.url, timeoutMs: 5000 }), tokenFor(AGENT1), AGENT1);
      expect(sharedDebtorRows(fresh)).toEqual(both);
    } finally {
      fresh.close();
      await desk.close();
    }
  });
});
