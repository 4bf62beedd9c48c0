/**
 * Names on the card, end to end: the product's server and the desk's own sync engine over loopback, real
 * PGlite/PostgreSQL and SQLCipher. The first pull brings the staff directory; a colleague renamed on the server
 * reaches an open desk by itself (PostgreSQL: the users NOTIFY of server migration 21, with polling off).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../../server/db/pglite';
import { openPostgres } from '../../../server/db/postgres';
import type { Database } from '../../../server/db/port';
import { createChangeHub, type ChangeHub } from '../../../server/sync/hub';
import { AGENT1, freshPostgresUrl, openTestDesk, seedOrg, startSyncServer, until } from '../../../test/sync/harness';
import { createCardQuery } from '../portfolio/card';
import { tempDir, testKey } from '../testing/temp';

const tmp = tempDir('recaudo-staff-sync-');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  tmp.cleanup();
});

async function world(name: 'pglite' | 'postgres'): Promise<{ db: Database; hub: ChangeHub }> {
  if (name === 'pglite') {
    const db = await openPglite();
    cleanups.push(() => db.close());
    await seedOrg(db, 4);
    // One process: the hub notices a change by the sequence moving (polled quickly here).
    const hub = createChangeHub({ db, pollMs: 100 });
    cleanups.push(() => hub.close());
    return { db, hub };
  }
  const pg = await freshPostgresUrl();
  cleanups.push(pg.stop);
  const db = await openPostgres(pg.url, { max: 4 });
  cleanups.push(() => db.close());
  await seedOrg(db, 4);
  // Polling off: only the database's NOTIFY can wake the desk.
  const hub = createChangeHub({ db, databaseUrl: pg.url, pollMs: 600_000 });
  cleanups.push(() => hub.close());
  await hub.ready();
  return { db, hub };
}

describe.each(['pglite', 'postgres'] as const)('staff directory through the sync engine on %s', (backend) => {
  it('the first pull names the colleagues on the card; a rename reaches the open desk and the card re-reads', async () => {
    const { db, hub } = await world(backend);
    // A colleague (ag-2) called one of ag-1's debtors.
    await db.exec(`insert into contacts (id, debtor_id, account_id, agent_id, channel, direction, started_at, outcome, conversation)
      values ('ct-colleague', 'd-0', 'a-0', 'ag-2', 'call', 'outbound', '2026-11-20T15:00:00Z', 'no_answer', false)`);
    const server = await startSyncServer(db, { hub });
    cleanups.push(() => server.close());
    const desk = openTestDesk(join(tmp.dir, `${backend}.db`), testKey(), { baseUrl: () => server.url, live: true, agentId: AGENT1 });
    cleanups.push(() => desk.close());
    let updates = 0;
    desk.events.on('portfolio.updated', () => { updates++; });
    desk.engine.start();
    await until(() => desk.engine.liveConnected && desk.engine.status().state === 'online', 15_000, 'first pull + live');

    expect(desk.db.prepare('select count(*) from staff').pluck().get()).toBe(4);
    const card = createCardQuery(desk.db);
    expect(card('d-0')!.staff).toEqual([{ id: 'ag-2', displayName: 'Agente Dos', role: 'agent' }]);

    // Let the pull the live channel's hello asks for run out, so only the rename's own wake-up can bring it.
    await new Promise((r) => setTimeout(r, 600));
    const before = updates;
    await db.query(`update users set display_name = 'Carlos Ruiz' where id = 'ag-2'`);
    await until(() => card('d-0')!.staff?.[0]?.displayName === 'Carlos Ruiz', 10_000, 'rename pulled');
    // The open card is told to re-read.
    await until(() => updates > before, 2_000, 'portfolio.updated after the rename');
  }, 60_000);
});
