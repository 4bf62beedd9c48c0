import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/port';
import { testBackends } from '../testing/backends';
import { createImport, defectPage, type ImportJob } from './jobs';
import { ImportFailure, runImport } from './run-import';
import { migratedWithImport, seedOrg } from './test-db';
import { ImportOptions, type ImportKind } from '../../shared/import';

const FIXTURES = join(__dirname, '../../test/fixtures/import');
const AS_OF = '2026-11-25';

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function newJob(db: Database, kind: ImportKind = 'accounts', mapping: Record<string, string> | null = null, creditorId = 'cred-co'): Promise<ImportJob> {
  return createImport(db, { creditorId, kind, fileName: 'f.csv', mapping, options: ImportOptions.parse({ asOf: AS_OF }), startedBy: 'u-admin' });
}

async function snapshot(db: Queryable) {
  const out: Record<string, unknown[]> = {};
  for (const t of ['debtors', 'accounts', 'phones', 'payments']) {
    out[t] = await db.query(`select id, row_version, updated_at, row_seq from ${t} order by id`);
  }
  return out;
}

describe.each(testBackends())('portfolio import on $name', (backend) => {
  afterAll(() => backend.dispose());

  async function setup(): Promise<Database> {
    const db = await migratedWithImport(await backend.fresh());
    await seedOrg(db);
    return db;
  }

  it('reports every defect of the test file with its physical line, column and reason; imports the good rows', async () => {
    const db = await setup();
    const bytes = readFileSync(join(FIXTURES, 'defects.csv'));
    // Small chunks: the BOM, multi-byte letters and the quoted newline all straddle chunk edges.
    const status = await runImport(db, await newJob(db), chunks(bytes, 7), { batchSize: 2 });
    expect(status).toMatchObject({ state: 'done', rowsRead: 12, good: 5, defective: 7, unchanged: 0, encoding: 'utf-8', delimiter: ';' });
    const page = await defectPage(db, status.id, 0, 100);
    const got = page.defects.map((d) => [d.line, d.column, d.code]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(got).toEqual([
      [6, 'Teléfono', 'bad_phone'],
      [7, 'Moneda', 'unknown_currency'],
      [8, 'Saldo', 'negative_amount'],
      [9, 'Saldo', 'non_numeric_amount'],
      [10, 'Fecha Vencimiento', 'bad_date'],
      [11, 'Nro Cuenta', 'duplicate_account'],
      [12, 'Nombre', 'missing_required'],
    ]);
    expect(page.defects.find((d) => d.code === 'duplicate_account')!.params).toMatchObject({ value: 'CO-1001', firstLine: 2 });
    expect(page.defects.find((d) => d.code === 'bad_phone')!.params).toMatchObject({ value: '12345', country: 'CO' });
    expect(status.defectsByCode).toEqual({
      bad_phone: 1, unknown_currency: 1, negative_amount: 1, non_numeric_amount: 1, bad_date: 1, duplicate_account: 1, missing_required: 1,
    });

    const accounts = await db.query<{ account_number: string; balance_minor: number; principal_minor: number; days_past_due: number; due_since: string; currency: string }>(
      'select account_number, balance_minor, principal_minor, days_past_due, due_since, currency from accounts order by account_number',
    );
    expect(accounts.map((a) => a.account_number)).toEqual(['CL-2001', 'CO-1001', 'CO-1002', 'CO-1003', 'MX-3001']);
    const byNo = Object.fromEntries(accounts.map((a) => [a.account_number, a]));
    expect(byNo['CO-1001']).toMatchObject({ balance_minor: 123_456_789, principal_minor: 100_000_000, due_since: '2026-09-15', days_past_due: 71 });
    expect(byNo['CO-1003']).toMatchObject({ days_past_due: 150, balance_minor: 250_000_000 });
    expect(byNo['CL-2001']).toMatchObject({ balance_minor: 1_500_000, currency: 'CLP' });
    expect(byNo['MX-3001']).toMatchObject({ balance_minor: 2_530_050, principal_minor: 3_000_000 });

    const debtors = await db.query<{ document_id: string; full_name: string; city: string; time_zone: string; language: string }>(
      'select document_id, full_name, city, time_zone, language from debtors order by document_id',
    );
    // "1.020.304" and "1020304" are one person with two accounts.
    expect(debtors.map((d) => d.document_id)).toEqual(['1020304', '12345678-5', '52111222', 'GOMA800101HDFRRN09']);
    const maria = debtors.find((d) => d.document_id === '52111222')!;
    expect(maria.full_name).toBe('María "la Mona" Gómez');
    expect(maria.city).toBe('Bogotá\nD.C.');
    expect(debtors.find((d) => d.document_id === 'GOMA800101HDFRRN09')!.time_zone).toBe('America/Mexico_City');

    const phones = await db.query<{ e164: string; type: string }>('select e164, type from phones order by e164');
    expect(phones).toEqual([
      { e164: '+525512345678', type: expect.any(String) },
      { e164: '+56961234567', type: 'other' }, // Chile's plan does not tell mobiles apart
      { e164: '+573001234567', type: 'mobile' },
      { e164: '+573105551234', type: 'mobile' },
      { e164: '+576044445555', type: 'landline' },
    ]);
  });

  it('a second import of the same file changes nothing: same rows, same updated_at, row_version and row_seq', async () => {
    const db = await setup();
    const bytes = readFileSync(join(FIXTURES, 'defects.csv'));
    await runImport(db, await newJob(db), chunks(bytes, 4096), { batchSize: 3 });
    const before = await snapshot(db);
    const again = await runImport(db, await newJob(db), chunks(bytes, 4096), { batchSize: 3 });
    expect(again).toMatchObject({ state: 'done', good: 5, defective: 7, unchanged: 5 });
    expect(await snapshot(db)).toEqual(before);

    // One changed balance: only that account is touched.
    const edited = Buffer.from(bytes.toString('utf8').replace('CO-1002;CC;1020304;José Pérez;CO;consumo;COP;500000', 'CO-1002;CC;1020304;José Pérez;CO;consumo;COP;450000'));
    const third = await runImport(db, await newJob(db), chunks(edited, 4096));
    expect(third).toMatchObject({ good: 5, unchanged: 4 });
    const after = await snapshot(db);
    const changed = (after.accounts as { id: string; row_version: number }[]).filter((a, i) => a.row_version !== (before.accounts![i] as { row_version: number }).row_version);
    expect(changed).toHaveLength(1);
    expect(after.debtors).toEqual(before.debtors);
    const [acc] = await db.query<{ balance_minor: number; row_version: number }>(`select balance_minor, row_version from accounts where account_number = 'CO-1002'`);
    expect(acc).toEqual({ balance_minor: 45_000_000, row_version: 2 });
  });

  it('nothing half-applied: a batch that fails leaves none of its rows, earlier batches stay whole, the import says failed', async () => {
    const db = await setup();
    const bytes = readFileSync(join(FIXTURES, 'defects.csv'));
    let accountInserts = 0;
    // The second batch's account insert fails after its debtors were written in the same transaction.
    const failing: Database = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            exec: (sql) => tx.exec(sql),
            query: (sql, params) => {
              if (/^\s*insert into accounts/.test(sql) && ++accountInserts === 2) throw new Error('disk full');
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const job = await newJob(db);
    await expect(runImport(failing, job, chunks(bytes, 4096), { batchSize: 2 })).rejects.toThrow(ImportFailure);
    const accounts = await db.query<{ account_number: string }>('select account_number from accounts order by 1');
    expect(accounts.map((a) => a.account_number)).toEqual(['CO-1001', 'CO-1002']);
    // CO-1003's debtor (María) was upserted in the failed batch's transaction: rolled back with it.
    const debtors = await db.query<{ document_id: string }>('select document_id from debtors order by 1');
    expect(debtors.map((d) => d.document_id)).toEqual(['1020304']);
    const [row] = await db.query<{ state: string; good: number; error: { code: string; message: string } }>('select state, good, error from imports where id = $1', [job.id]);
    expect(row).toMatchObject({ state: 'failed', good: 2, error: { code: 'failed' } });
    expect(row!.error.message).toMatch(/disk full/);
  });

  it('reads Latin-1 with commas and a decimal point, mapping Spanish headers on its own', async () => {
    const db = await setup();
    await db.query(`insert into creditors (id, name, country) values ('cred-pe', 'Banco Perú', 'PE')`);
    const status = await runImport(db, await newJob(db, 'accounts', null, 'cred-pe'), chunks(readFileSync(join(FIXTURES, 'latin1-comma.csv')), 16));
    expect(status).toMatchObject({ state: 'done', good: 2, defective: 0, encoding: 'latin1', delimiter: ',' });
    const rows = await db.query<{ full_name: string; balance_minor: number; due_since: string }>(
      `select d.full_name, a.balance_minor, a.due_since from accounts a join debtors d on d.id = a.debtor_id order by a.account_number`,
    );
    expect(rows).toEqual([
      { full_name: 'Íñigo Peña', balance_minor: 125_075, due_since: '2026-09-30' },
      { full_name: 'Begoña Cáceres', balance_minor: 30_000, due_since: '2026-09-30' },
    ]);
  });

  it('refuses a mapping that leaves a required field unmapped or names a header the file lacks, before any row', async () => {
    const db = await setup();
    const bytes = readFileSync(join(FIXTURES, 'defects.csv'));
    const mapping = { account_number: 'Nro Cuenta', document_type: 'Tipo Doc', document_id: 'Documento', full_name: 'Nombre', country: 'País', product: 'Producto', currency: 'Moneda', balance: 'Saldo' };
    const err = await runImport(db, await newJob(db, 'accounts', mapping), chunks(bytes, 4096)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailure);
    expect(err).toMatchObject({ code: 'unmapped_required', params: { field: 'due_since' }, field: 'mapping.due_since' });
    const err2 = await runImport(db, await newJob(db, 'accounts', { ...mapping, due_since: 'Vence' }), chunks(bytes, 4096)).catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: 'unknown_header', params: { field: 'due_since', header: 'Vence' } });
    expect(await db.query('select 1 from accounts')).toEqual([]);
  });

  it('imports extra phones and payments for what is already there, refusing unknown accounts and debtors', async () => {
    const db = await setup();
    await runImport(db, await newJob(db), chunks(readFileSync(join(FIXTURES, 'defects.csv')), 4096));
    const phones = Buffer.from('documento;tipo_doc;telefono\r\n1.020.304;CC;311 222 3344\r\n99999;CC;3112223345\r\n52111222;CC;123\r\n');
    const ps = await runImport(db, await newJob(db, 'phones'), chunks(phones, 4096));
    expect(ps).toMatchObject({ good: 1, defective: 2, defectsByCode: { unknown_debtor: 1, bad_phone: 1 } });
    expect(await db.query(`select e164 from phones where e164 = '+573112223344'`)).toHaveLength(1);

    const payments = Buffer.from(
      'cuenta;monto;moneda;fecha_pago;medio\r\nCO-1001;50.000;COP;01/11/2026;PSE\r\nCO-1001;50.000;COP;01/11/2026;PSE\r\nNOPE-1;10;COP;01/11/2026;PSE\r\nCO-1002;10;USD;01/11/2026;PSE\r\n',
    );
    const pay = await runImport(db, await newJob(db, 'payments'), chunks(payments, 4096));
    expect(pay).toMatchObject({ good: 2, defective: 2, defectsByCode: { unknown_account: 1, unknown_currency: 1 } });
    // Two identical lines are two payments; a re-import recognises both and adds none.
    const again = await runImport(db, await newJob(db, 'payments'), chunks(payments, 4096));
    expect(again).toMatchObject({ good: 2, unchanged: 2 });
    expect(await db.query(`select amount_minor from payments`)).toEqual([{ amount_minor: 5_000_000 }, { amount_minor: 5_000_000 }]);
  });
});

describe.each(testBackends())('interrupted imports on $name', (backend) => {
  afterAll(() => backend.dispose());
  it('an import left running without progress (its server stopped) reads as failed: interrupted', async () => {
    const db = await migratedWithImport(await backend.fresh());
    await seedOrg(db);
    const job = await newJob(db);
    await db.query(`update imports set state = 'running', progress_at = now() - interval '11 minutes' where id = $1`, [job.id]);
    const fresh = await newJob(db);
    await db.query(`update imports set state = 'running' where id = $1`, [fresh.id]);
    const { importStatus } = await import('./jobs');
    expect(await importStatus(db, job.id)).toMatchObject({ state: 'failed', error: { code: 'interrupted' } });
    expect(await importStatus(db, fresh.id)).toMatchObject({ state: 'running', error: null });
  });
});
