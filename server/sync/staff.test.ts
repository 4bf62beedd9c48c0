import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullPage } from '../../shared/sync/wire';
import { SYNC_FENCE } from '../db/migrations/0020-sync';
import type { Database } from '../db/port';
import { migratedWithImport, seedOrg } from '../import/test-db';
import { testBackends } from '../testing/backends';
import { findUserById, type UserRecord } from '../users/repository';
import { pullPageJson } from './pull';

/** The staff directory rides the pull: names for the user ids on a debtor's card, and nothing else about users. */
describe.each(testBackends())('staff directory in the sync pull on $name', (backend) => {
  let db: Database;
  let agent: UserRecord;
  const HASH = 'scrypt$N=16384$c2VjcmV0LXNhbHQ$bm90LWEtcmVhbC1oYXNo';

  beforeAll(async () => {
    db = await migratedWithImport(await backend.fresh());
    await seedOrg(db);
    await db.query(
      `insert into users (id, username, display_name, role, team_id, password_hash, active) values
         ('u-laura', 'laura.benitez', 'Laura Benítez', 'agent', 'team-a', $1, true),
         ('u-gone', 'pedro.old', 'Pedro Salcedo', 'agent', 'team-b', $1, false)`,
      [HASH],
    );
    await db.exec(`
      insert into debtors (id, creditor_id, full_name, document_type, document_id, country, time_zone, language, profile) values
        ('deb-1', 'cred-co', 'Ana Pérez', 'CC', '1010', 'CO', 'America/Bogota', 'es', 'unknown'),
        ('deb-2', 'cred-co', 'Luis Gómez', 'CC', '2020', 'CO', 'America/Bogota', 'es', 'unknown');
      insert into accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor,
        days_past_due, due_since, segment, assigned_agent_id, status) values
        ('acc-1', 'deb-1', 'cred-co', 'CO-1', 'tarjeta', 'COP', 100000, 100000, 40, '2026-10-15', 'S1', 'u-laura', 'active'),
        ('acc-2', 'deb-2', 'cred-co', 'CO-2', 'tarjeta', 'COP', 100000, 100000, 40, '2026-10-15', 'S1', 'u-laura', 'active');
      insert into contacts (id, debtor_id, account_id, agent_id, channel, direction, started_at, outcome, conversation) values
        ('ct-1', 'deb-1', 'acc-1', 'u-gone', 'call', 'outbound', '2026-11-01T15:00:00Z', 'no_answer', false);
    `);
    agent = (await findUserById(db, 'u-laura'))!;
  });
  afterAll(async () => {
    await db?.close();
    await backend.dispose();
  });

  /** Pulls until `more` is false from `cursor`; returns every page, parsed by the desk's own contract. */
  async function pullAll(cursor?: string, limit = 1): Promise<PullPage[]> {
    const pages: PullPage[] = [];
    let more = true;
    while (more) {
      const text = await pullPageJson(db, agent, { cursor, limit });
      for (const secret of [HASH, 'laura.benitez', 'pedro.old', 'password']) expect(text).not.toContain(secret);
      const page = PullPage.parse(JSON.parse(text));
      pages.push(page);
      cursor = page.cursor;
      more = page.more;
    }
    return pages;
  }

  it('a first pull brings every user once — name and role only, people who left included — and no credentials', async () => {
    const pages = await pullAll(undefined, 1);
    expect(pages[0]!.full).toBe('page');
    const staff = pages.flatMap((p) => p.staff ?? []);
    expect(staff.map((s) => s.id).sort()).toEqual(['ag-1', 'ag-2', 'ag-3', 'ag-4', 'u-admin', 'u-gone', 'u-laura', 'u-lead']);
    expect(pages[0]!.staff).toHaveLength(8); // all on the first page, none repeated on the next
    expect(staff.find((s) => s.id === 'u-laura')).toStrictEqual({ id: 'u-laura', displayName: 'Laura Benítez', role: 'agent' });
    expect(staff.find((s) => s.id === 'u-lead')).toStrictEqual({ id: 'u-lead', displayName: 'Lead', role: 'lead' });
    expect(staff.find((s) => s.id === 'u-gone')?.displayName).toBe('Pedro Salcedo');
    for (const s of staff) expect(Object.keys(s).sort()).toEqual(['displayName', 'id', 'role']);
  });

  it('a rename reaches the desk on its next pull, and only the renamed user comes', async () => {
    const first = await pullAll(undefined, 50);
    const cursor = first.at(-1)!.cursor;
    const quiet = await pullAll(cursor);
    expect(quiet.flatMap((p) => p.staff ?? [])).toEqual([]);

    await db.query(`update users set display_name = 'Laura Benítez Ríos' where id = 'u-laura'`);
    await db.query(`update users set role = 'lead' where id = 'ag-2'`);
    const next = await pullAll(cursor);
    expect(next.flatMap((p) => p.staff ?? [])).toStrictEqual([
      { id: 'ag-2', displayName: 'Agente 2', role: 'lead' },
      { id: 'u-laura', displayName: 'Laura Benítez Ríos', role: 'agent' },
    ]);
    // Once seen, a rename does not come again.
    expect((await pullAll(next.at(-1)!.cursor)).flatMap((p) => p.staff ?? [])).toEqual([]);
  });

  it('a change page that bounds other rows still carries the users changed within its range', async () => {
    const first = await pullAll(undefined, 50);
    const cursor = first.at(-1)!.cursor;
    await db.exec(`
      update accounts set balance_minor = balance_minor - 1 where id = 'acc-1';
      update users set display_name = 'Agente Cuatro' where id = 'ag-4';
      update accounts set balance_minor = balance_minor - 1 where id = 'acc-2';
    `);
    const pages = await pullAll(cursor, 1);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.staff ?? [])).toStrictEqual([{ id: 'ag-4', displayName: 'Agente Cuatro', role: 'agent' }]);
  });

  it('a change to users holds the pull fence, so a cursor never steps over a rename that commits late', async () => {
    const held = await db.transaction(async (tx) => {
      await tx.query(`update users set display_name = 'Agente Tres' where id = 'ag-3'`);
      const [row] = await tx.query<{ n: number }>(
        `select count(*)::int8 as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()
           and mode = 'ShareLock' and ((classid::int8 << 32) | objid::int8) = $1`,
        [SYNC_FENCE],
      );
      return Number(row?.n);
    });
    expect(held).toBe(1);
  });

  it('a name the contract would refuse is clipped, so the page it rides on still parses on the desk', async () => {
    const cursor = (await pullAll(undefined, 50)).at(-1)!.cursor;
    await db.query(
      `insert into users (id, username, display_name, role, team_id, password_hash) values ('u-long', 'long', $1, 'agent', 'team-a', $2)`,
      [`  ${'Á'.repeat(200)}  `, HASH],
    );
    const staff = (await pullAll(cursor)).flatMap((p) => p.staff ?? []);
    expect(staff).toStrictEqual([{ id: 'u-long', displayName: 'Á'.repeat(128), role: 'agent' }]);
  });
});
