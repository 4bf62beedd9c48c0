import { createReadStream, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/port';
import { testBackends } from '../testing/backends';
import { importRoutes } from './routes';
import { migratedWithImport, seedOrg, testApp } from './test-db';

const FILE = join(__dirname, '../../test/fixtures/import/defects.csv');

/** A real HTTP upload, the file piped from disk in 1 KiB chunks: the server sees a stream, not a buffer. */
function upload(base: string, path: string, token: string, contentType = 'text/csv'): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': statSync(FILE).size } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    createReadStream(FILE, { highWaterMark: 1024 }).pipe(req);
  });
}

describe.each(testBackends())('import routes on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let token: (id: string) => string;
  let base: string;

  beforeAll(async () => {
    db = await migratedWithImport(await backend.fresh());
    await seedOrg(db);
    ({ app, token } = await testApp(db, async (a, ctx, auth) => {
      await a.register(importRoutes, { ctx, auth });
    }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await backend.dispose();
  });

  const post = (url: string, payload: unknown, who = 'u-admin') =>
    app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token(who)}` }, payload: payload as object });

  it('admin only: 401 without a token, 403 for a lead or an agent', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/imports' })).statusCode).toBe(401);
    const lead = await app.inject({ method: 'GET', url: '/api/v1/admin/imports', headers: { authorization: `Bearer ${token('u-lead')}` } });
    expect(lead.statusCode).toBe(403);
    expect(lead.json()).toMatchObject({ code: 'forbidden', key: 'errors.forbiddenRole' });
    expect((await post('/api/v1/admin/imports', { creditorId: 'cred-co', kind: 'accounts' }, 'ag-1')).statusCode).toBe(403);
  });

  it('validates the start request and the mapping, naming the field', async () => {
    const bad = await post('/api/v1/admin/imports', { creditorId: 'cred-co', kind: 'debts' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_input', params: { field: 'kind' } });
    const unmapped = await post('/api/v1/admin/imports', { creditorId: 'cred-co', kind: 'accounts', mapping: { account_number: 'Cuenta' } });
    expect(unmapped.statusCode).toBe(400);
    expect(unmapped.json()).toMatchObject({
      key: 'import.error.unmapped_required',
      params: { field: 'document_type' },
      issues: [{ path: 'mapping.document_type', code: 'unmapped_required' }],
    });
    const noCreditor = await post('/api/v1/admin/imports', { creditorId: 'nope', kind: 'accounts' });
    expect(noCreditor.json()).toMatchObject({ key: 'import.error.unknown_creditor', issues: [{ path: 'creditorId' }] });
  });

  it('previews the file for the mapping step: encoding, delimiter, headers, sample, suggested mapping', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/imports/preview?kind=accounts',
      headers: { authorization: `Bearer ${token('u-admin')}`, 'content-type': 'text/csv' },
      payload: readFileSync(FILE),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(body.headers[0]).toBe('Nro Cuenta');
    expect(body.sample[2][3]).toBe('María "la Mona" Gómez');
    expect(body.suggestedMapping).toMatchObject({
      account_number: 'Nro Cuenta', document_type: 'Tipo Doc', document_id: 'Documento', full_name: 'Nombre', country: 'País',
      balance: 'Saldo', principal: 'Capital', due_since: 'Fecha Vencimiento', days_past_due: 'Días Mora', phone_1: 'Teléfono', phone_2: 'Teléfono 2',
    });
  });

  it('start → streamed upload → progress and a paged report; a second upload to the same import is refused', async () => {
    const started = await post('/api/v1/admin/imports', { creditorId: 'cred-co', kind: 'accounts', fileName: 'cartera.csv', options: { asOf: '2026-11-25' } });
    expect(started.statusCode).toBe(201);
    const id = started.json().id as string;
    expect(started.json()).toMatchObject({ state: 'awaiting_file', rowsRead: 0 });

    const done = await upload(base, `/api/v1/admin/imports/${id}/file`, token('u-admin'));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'done', rowsRead: 12, good: 5, defective: 7, bytesRead: statSync(FILE).size, bytesTotal: statSync(FILE).size });

    const status = await app.inject({ method: 'GET', url: `/api/v1/admin/imports/${id}`, headers: { authorization: `Bearer ${token('u-admin')}` } });
    expect(status.json()).toMatchObject({ state: 'done', good: 5, fileName: 'cartera.csv', startedBy: 'u-admin' });

    const lines: number[] = [];
    let after = 0;
    for (let page = 0; page < 10; page++) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/admin/imports/${id}/defects?after=${after}&limit=3`, headers: { authorization: `Bearer ${token('u-admin')}` } });
      const body = res.json();
      lines.push(...body.defects.map((d: { line: number }) => d.line));
      expect(body.stored).toBe(7);
      if (body.nextAfter === null) break;
      after = body.nextAfter;
    }
    expect(lines.sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11, 12]);

    const again = await upload(base, `/api/v1/admin/imports/${id}/file`, token('u-admin'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ key: 'import.error.already_started' });
  });

  it('a mapping naming a header the file lacks fails the upload with a 400 naming the field, and nothing is written', async () => {
    const before = await db.query('select count(*)::int as n from accounts');
    const mapping = {
      account_number: 'Nro Cuenta', document_type: 'Tipo Doc', document_id: 'Documento', full_name: 'Nombre', country: 'País',
      product: 'Producto', currency: 'Moneda', balance: 'Saldo', due_since: 'Vencimiento',
    };
    const started = await post('/api/v1/admin/imports', { creditorId: 'cred-co', kind: 'accounts', mapping });
    const id = started.json().id as string;
    const res = await upload(base, `/api/v1/admin/imports/${id}/file`, token('u-admin'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ key: 'import.error.unknown_header', params: { field: 'due_since', header: 'Vencimiento' }, issues: [{ path: 'mapping.due_since' }] });
    const status = await app.inject({ method: 'GET', url: `/api/v1/admin/imports/${id}`, headers: { authorization: `Bearer ${token('u-admin')}` } });
    expect(status.json()).toMatchObject({ state: 'failed', error: { code: 'unknown_header' } });
    expect(await db.query('select count(*)::int as n from accounts')).toEqual(before);
  });
});
