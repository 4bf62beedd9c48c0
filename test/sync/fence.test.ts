import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/db/postgres';
import { tempDir, testKey } from '../../main/services/testing/temp';
import { freshPostgresUrl, openTestDesk, seedOrg, startSyncServer } from './harness';

const tmp = tempDir('recaudo-sync-fence-');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  tmp.cleanup();
});

describe('pull cursor on PostgreSQL with concurrent writers', () => {
  it('never steps over a change whose transaction commits after a later one (the pull fence)', async () => {
    const url = await freshPostgresUrl();
    cleanups.push(url.stop);
    const db = await openPostgres(url.url, { max: 4 });
    cleanups.push(() => db.close());
    await seedOrg(db, 6);
    const server = await startSyncServer(db);
    cleanups.push(() => server.close());
    const desk = openTestDesk(join(tmp.dir, 'fence.db'), testKey(), { baseUrl: () => server.url });
    cleanups.push(() => desk.close());
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true });
    const payment = (id: string) => desk.db.prepare('select count(*) from payments where id = ?').pluck().get(id) as number;

    // A slow transaction takes its change sequence value first and commits last…
    const slow = new pg.Client({ connectionString: url.url });
    await slow.connect();
    cleanups.push(() => slow.end());
    await slow.query('begin');
    await slow.query("insert into payments (id, account_id, amount_minor, currency, posted_at, method) values ('pay-slow', 'a-0', 1000, 'COP', '2026-11-24', 'pse')");
    // …while a quick one with a higher value commits at once.
    await db.query("insert into payments (id, account_id, amount_minor, currency, posted_at, method) values ('pay-fast', 'a-2', 2000, 'COP', '2026-11-24', 'pse')");
    const [seqs] = await db.query<{ fast: number }>("select row_seq as fast from payments where id = 'pay-fast'");
    expect(seqs!.fast).toBeGreaterThan(0);

    // A pull now must not move its cursor past the slow transaction's value.
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true });
    expect(payment('pay-slow')).toBe(0);
    await slow.query('commit');
    expect(await desk.engine.syncNow()).toMatchObject({ ok: true });
    expect(payment('pay-slow')).toBe(1);
    expect(payment('pay-fast')).toBe(1);
  }, 60_000);
});
