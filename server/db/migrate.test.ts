import { afterAll, describe, expect, it } from 'vitest';
import { testBackends } from '../testing/backends';
import { checkMigrationList, migrate, MigrationError, schemaVersion, type Migration } from './migrate';
import { migrations } from './migrations';

const LATEST = migrations[migrations.length - 1]!.version;

describe.each(testBackends())('migrations on $name', (backend) => {
  afterAll(() => backend.dispose());

  it('brings an empty database to the latest version, recording each one, and a second run does nothing', async () => {
    const db = await backend.fresh();
    const first = await migrate(db, migrations);
    expect(first).toEqual({ from: 0, to: LATEST, applied: migrations.map((m) => m.version) });
    expect(await schemaVersion(db)).toBe(LATEST);
    const recorded = await db.query<{ version: number; name: string }>('select version, name from schema_migrations order by version');
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    const again = await migrate(db, migrations);
    expect(again).toEqual({ from: LATEST, to: LATEST, applied: [] });
    await db.close();
  });

  it('refuses a database written by a newer server, with a clear message, and changes nothing', async () => {
    const db = await backend.fresh();
    await migrate(db, migrations);
    await db.query(`insert into schema_migrations (version, name) values ($1, 'from-the-future')`, [LATEST + 5]);
    await expect(migrate(db, migrations)).rejects.toThrow(MigrationError);
    await expect(migrate(db, migrations)).rejects.toThrow(
      new RegExp(`schema version ${LATEST + 5} is newer than this server understands \\(${LATEST}\\)`),
    );
    expect(await schemaVersion(db)).toBe(LATEST + 5);
    await db.close();
  });

  it('refuses a migration numbered below what the database already has', async () => {
    const db = await backend.fresh();
    await migrate(db, migrations);
    // Version LATEST+… applied, then a list that inserts one below it: refused, nothing applied.
    await migrate(db, [...migrations, { version: LATEST + 2, name: 'next', sql: 'create table next_one (id int)' }]);
    const withGap: Migration[] = [...migrations, { version: LATEST + 1, name: 'gap', sql: 'create table gap_one (id int)' }, { version: LATEST + 2, name: 'next', sql: 'create table next_one (id int)' }];
    await expect(migrate(db, withGap)).rejects.toThrow(new RegExp(`migration ${LATEST + 1} \\(gap\\) was added below the database's version ${LATEST + 2}`));
    const [t] = await db.query<{ t: string | null }>(`select to_regclass('gap_one')::text as t`);
    expect(t?.t).toBeNull();
    await db.close();
  });

  it('applies pending migrations in one transaction: a failing step leaves the database as it was', async () => {
    const db = await backend.fresh();
    const broken: Migration[] = [
      ...migrations,
      { version: LATEST + 1, name: 'adds-a-table', sql: 'create table half_done (id int)' },
      { version: LATEST + 2, name: 'fails', sql: 'alter table no_such_table add column x int' },
    ];
    await expect(migrate(db, broken)).rejects.toThrow(/no_such_table/);
    expect(await schemaVersion(db)).toBe(0);
    const [t] = await db.query<{ t: string | null }>(`select to_regclass('half_done')::text as t`);
    expect(t?.t).toBeNull();
    const [a] = await db.query<{ t: string | null }>(`select to_regclass('accounts')::text as t`);
    expect(a?.t).toBeNull();
    await db.close();
  });

  it('versions rows for sync: updates bump row_version and row_seq; reassignment leaves a change-log entry', async () => {
    const db = await backend.fresh();
    await migrate(db, migrations);
    await db.exec(`
      insert into teams (id, name) values ('t1', 'Team');
      insert into users (id, username, display_name, role, team_id, password_hash) values
        ('a1', 'a1', 'A1', 'agent', 't1', 'x'), ('a2', 'a2', 'A2', 'agent', 't1', 'x');
      insert into creditors (id, name, country) values ('c1', 'Bank', 'CO');
      insert into debtors (id, creditor_id, full_name, document_type, document_id, country, time_zone, language, profile)
        values ('d1', 'c1', 'Ana', 'CC', '123', 'CO', 'America/Bogota', 'es', 'unknown');
      insert into accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor,
        days_past_due, due_since, segment, assigned_agent_id, status)
        values ('x1', 'd1', 'c1', 'N-1', 'card', 'COP', 150000000, 120000000, 40, '2026-10-16', 'dpd_31_60', 'a1', 'active');
    `);
    const [before] = await db.query<{ row_seq: number; row_version: number; balance_minor: number; due_since: string }>(
      'select row_seq, row_version, balance_minor, due_since from accounts where id = $1',
      ['x1'],
    );
    // int8 money arrives as an exact number, dates as plain YYYY-MM-DD, on both drivers.
    expect(before).toMatchObject({ row_version: 1, balance_minor: 150000000, due_since: '2026-10-16' });
    await db.query(`update accounts set assigned_agent_id = 'a2' where id = 'x1'`);
    const [after] = await db.query<{ row_seq: number; row_version: number }>('select row_seq, row_version from accounts where id = $1', ['x1']);
    expect(after!.row_version).toBe(2);
    expect(after!.row_seq).toBeGreaterThan(before!.row_seq);
    const log = await db.query('select entity, entity_id, op, agent_id from change_log');
    expect(log).toEqual([{ entity: 'account', entity_id: 'x1', op: 'unassign', agent_id: 'a1' }]);
    await expect(
      db.query(
        `insert into accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor,
          days_past_due, due_since, segment, status) values ('x2', 'd1', 'c1', 'N-1', 'card', 'COP', 1, 1, 1, '2026-10-16', 's', 'active')`,
      ),
    ).rejects.toThrow(/accounts_creditor_id_account_number_key/);
    await db.close();
  });
});

describe('the migration list', () => {
  it('is in strictly increasing version order', () => {
    expect(() => checkMigrationList(migrations)).not.toThrow();
    expect(migrations[0]!.version).toBe(1);
  });

  it('is refused when out of order or with a repeated version', () => {
    expect(() => checkMigrationList([migrations[1]!, migrations[0]!])).toThrow(/position 2 holds version 1/);
    expect(() => checkMigrationList([migrations[0]!, migrations[0]!])).toThrow(/out of order/);
  });
});
