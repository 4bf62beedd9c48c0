import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/port';
import { migratedWithImport, seedOrg, testApp } from '../import/test-db';
import { encodePullCursor, highWater, pullPage } from '../sync/pull';
import { testBackends } from '../testing/backends';
import { findUserById } from '../users/repository';
import type { PromiseJob } from './job';
import { importRoutes } from '../import/routes';
import { promisesPlugin, trackAfterPaymentImport } from './plugin';

/**
 * Promise tracking with a clock the test controls, on PGlite and PostgreSQL. Colombian debtor (America/Bogota),
 * policy grace 3 days: a promise due Tue 1 Dec 2026 is on time through Fri 4 Dec and broken from Sat 5 Dec.
 */
describe.each(testBackends())('promise tracking on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let token: (id: string) => string;
  let job: PromiseJob;
  let clock = new Date('2026-11-25T15:00:00Z');
  const at = (iso: string) => { clock = new Date(iso); };

  beforeAll(async () => {
    db = await migratedWithImport(await backend.fresh());
    await seedOrg(db);
    await db.exec(`
      insert into policies (id, creditor_id, segment, version, body) values
        ('pol-co-s1', 'cred-co', 'S1', 1, '{"graceDays": 3}');
      insert into debtors (id, creditor_id, full_name, document_type, document_id, country, time_zone, language, profile) values
        ('deb-1', 'cred-co', 'Ana Pérez', 'CC', '1010', 'CO', 'America/Bogota', 'es', 'unknown'),
        ('deb-2', 'cred-co', 'Luis Gómez', 'CC', '2020', 'CO', 'America/Bogota', 'es', 'unknown'),
        ('deb-3', 'cred-co', 'Marta Ruiz', 'CC', '3030', 'CO', 'America/Bogota', 'es', 'unknown'),
        ('deb-4', 'cred-co', 'Jorge Díaz', 'CC', '4040', 'CO', 'America/Bogota', 'es', 'unknown'),
        ('deb-5', 'cred-co', 'Rosa Vega', 'CC', '5050', 'CO', 'America/Bogota', 'es', 'unknown');
    `);
    for (const n of [1, 2, 3, 4, 5]) {
      await db.query(
        `insert into accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor, days_past_due,
           due_since, segment, assigned_agent_id, status) values ($1, $2, 'cred-co', $3, 'tarjeta', 'COP', 100000000, 80000000, 40, '2026-10-15', 'S1', $4, 'active')`,
        [`acc-${n}`, `deb-${n}`, `CO-${n}`, n <= 3 ? 'ag-1' : 'ag-3'],
      );
    }
    ({ app, token } = await testApp(db, async (a, ctx, auth) => {
      await a.register(importRoutes, { ctx, auth, onImported: trackAfterPaymentImport(() => job) });
      await a.register(promisesPlugin, { ctx, auth, intervalMs: 0, now: () => clock, onJob: (j) => { job = j; } });
    }));
  });
  afterAll(async () => {
    await app.close();
    await backend.dispose();
  });
  beforeEach(async () => {
    await db.exec('delete from payments; delete from audit_events; delete from promises;');
    at('2026-11-25T15:00:00Z');
  });

  const promise = (id: string, account: number, agent: string, amountMinor: number, dueDate: string, installments = 1) =>
    db.query(
      `insert into promises (id, account_id, debtor_id, agent_id, amount_minor, currency, due_date, method, installments, status, policy_id, created_at)
       values ($1, $2, $3, $4, $5, 'COP', $6, 'pse', $7, 'pending', 'pol-co-s1', '2026-11-25T15:00:00Z')`,
      [id, `acc-${account}`, `deb-${account}`, agent, amountMinor, dueDate, installments],
    );
  const pay = (account: number, amountMinor: number, postedAt: string, reference: string, who = 'u-admin') =>
    app.inject({
      method: 'POST', url: '/api/v1/payments', headers: { authorization: `Bearer ${token(who)}` },
      payload: { accountId: `acc-${account}`, amountMinor, currency: 'COP', postedAt, method: 'pse', reference },
    });
  const status = async (id: string) => (await db.query<{ status: string }>('select status from promises where id = $1', [id]))[0]?.status;

  it('kept: paid in full on the due date, matched when the payment is posted', async () => {
    await promise('p-kept', 1, 'ag-1', 10_000_000, '2026-12-01');
    at('2026-12-01T18:00:00Z');
    const res = await pay(1, 10_000_000, '2026-12-01', 'ref-1');
    expect(res.statusCode).toBe(201);
    expect(res.json().promises).toEqual([{ id: 'p-kept', status: 'kept' }]);
    // The same reference again is the same payment.
    const again = await pay(1, 10_000_000, '2026-12-01', 'ref-1');
    expect(again.json()).toMatchObject({ duplicate: true });
    expect((await db.query('select count(*)::int as n from payments'))[0]).toEqual({ n: 1 });
  });

  it('partly paid: partial inside grace, broken once the grace days pass with the rest unpaid', async () => {
    await promise('p-part', 2, 'ag-1', 10_000_000, '2026-12-01');
    at('2026-11-30T15:00:00Z');
    expect((await pay(2, 4_000_000, '2026-11-30', 'ref-2')).json().promises).toEqual([{ id: 'p-part', status: 'partial' }]);
    at('2026-12-04T23:00:00Z'); // Fri 4 Dec 18:00 in Bogotá: last day of grace
    await job.run();
    expect(await status('p-part')).toBe('partial');
    at('2026-12-05T15:00:00Z');
    const run = await job.run();
    expect(run.changed).toEqual([{ promiseId: 'p-part', accountId: 'acc-2', agentId: 'ag-1', from: 'partial', to: 'broken' }]);
    expect(await status('p-part')).toBe('broken');
  });

  it('broken: nothing paid; still pending inside grace, broken the day after, in the debtor\'s zone', async () => {
    await promise('p-broken', 3, 'ag-1', 10_000_000, '2026-12-01');
    at('2026-12-05T04:59:00Z'); // 23:59 on Fri 4 Dec in Bogotá (already the 5th in UTC)
    await job.run();
    expect(await status('p-broken')).toBe('pending');
    const hw = await highWater(db);
    at('2026-12-05T05:00:00Z');
    await job.run();
    expect(await status('p-broken')).toBe('broken');
    // The change reaches the assigned agent's desk on its next pull: the queue counts broken promises.
    const agent = (await findUserById(db, 'ag-1'))!;
    const page = await pullPage(db, agent, { cursor: encodePullCursor({ s: hw }), limit: 100 });
    expect(page.slice.promises).toEqual([expect.objectContaining({ id: 'p-broken', status: 'broken', accountId: 'acc-3' })]);
  });

  it('broken after grace: a payment posted after the grace period does not rescue the promise', async () => {
    await promise('p-late', 4, 'ag-3', 10_000_000, '2026-12-01');
    at('2026-12-07T15:00:00Z');
    const res = await pay(4, 10_000_000, '2026-12-07', 'ref-4');
    expect(res.json().promises).toEqual([{ id: 'p-late', status: 'broken' }]);
  });

  it("a creditor's payments file settles promises when its import ends, not at the job's next round", async () => {
    await promise('p-file', 2, 'ag-1', 10_000_000, '2026-12-01');
    await promise('p-other', 3, 'ag-1', 10_000_000, '2026-12-01');
    at('2026-12-02T15:00:00Z');
    const admin = { authorization: `Bearer ${token('u-admin')}` };
    const started = await app.inject({ method: 'POST', url: '/api/v1/admin/imports', headers: admin, payload: { creditorId: 'cred-co', kind: 'payments' } });
    expect(started.statusCode).toBe(201);
    const done = await app.inject({
      method: 'PUT', url: `/api/v1/admin/imports/${started.json().id}/file`, headers: { ...admin, 'content-type': 'text/csv' },
      payload: 'cuenta;monto;moneda;fecha_pago;medio\r\nCO-2;100.000;COP;01/12/2026;PSE\r\n',
    });
    expect(done.json()).toMatchObject({ state: 'done', good: 1 });
    expect(await status('p-file')).toBe('kept');
    expect(await status('p-other')).toBe('pending'); // inside grace, unpaid: unchanged
  });

  it('a plan follows its recorded terms: the first installment paid within grace, the second missed', async () => {
    await promise('p-plan', 5, 'ag-3', 20_000_000, '2026-12-01', 2);
    await db.query(
      `insert into audit_events (id, agent_id, client_id, at, action, subject, detail) values ('ae-1', 'ag-3', 'c-1', now(), 'promise.terms', 'p-plan', $1)`,
      [JSON.stringify({ schedule: [
        { seq: 1, kind: 'installment', dueDate: '2026-12-01', amount: { amountMinor: 10_000_000, currency: 'COP' } },
        { seq: 2, kind: 'installment', dueDate: '2026-12-15', amount: { amountMinor: 10_000_000, currency: 'COP' } },
      ] })],
    );
    at('2026-12-03T15:00:00Z');
    expect((await pay(5, 10_000_000, '2026-12-03', 'ref-5')).json().promises).toEqual([{ id: 'p-plan', status: 'partial' }]);
    at('2026-12-18T15:00:00Z'); // 15 Dec + 3 days: still inside grace
    await job.run();
    expect(await status('p-plan')).toBe('partial');
    at('2026-12-19T15:00:00Z');
    await job.run();
    expect(await status('p-plan')).toBe('broken');
  });

  it('kept rate per agent for leads (own team) and admins', async () => {
    await promise('k1', 1, 'ag-1', 10_000_000, '2026-12-01');
    await promise('k2', 2, 'ag-1', 10_000_000, '2026-12-01');
    await promise('k3', 3, 'ag-1', 10_000_000, '2026-12-01');
    await promise('k4', 4, 'ag-3', 10_000_000, '2026-12-01');
    at('2026-12-01T18:00:00Z');
    await pay(1, 10_000_000, '2026-12-01', 'r1');
    await pay(2, 10_000_000, '2026-12-01', 'r2');
    at('2026-12-06T15:00:00Z');
    await job.run();
    const get = (who: string, q = '') => app.inject({ method: 'GET', url: `/api/v1/kpis/promises${q}`, headers: { authorization: `Bearer ${token(who)}` } });
    await db.exec(`insert into contacts (id, debtor_id, account_id, agent_id, channel, direction, started_at, outcome, reason, conversation) values
      ('c1', 'deb-1', 'acc-1', 'ag-1', 'call', 'outbound', '2026-11-25T15:00:00Z', 'promise_to_pay', 'lost_job', true),
      ('c2', 'deb-2', 'acc-2', 'ag-1', 'call', 'outbound', '2026-11-25T16:00:00Z', 'refused', 'lost_job', true),
      ('c3', 'deb-4', 'acc-4', 'ag-3', 'call', 'outbound', '2026-11-25T16:00:00Z', 'refused', 'illness', true)
      on conflict do nothing`);
    const admin = (await get('u-admin')).json();
    expect(admin.reasons).toEqual([{ reason: 'lost_job', contacts: 2 }, { reason: 'illness', contacts: 1 }]);
    expect((await get('u-lead')).json().reasons).toEqual([{ reason: 'lost_job', contacts: 2 }]);
    expect(admin.agents).toEqual([
      { agentId: 'ag-1', name: 'Agente 1', kept: 2, broken: 1, partial: 0, pending: 0, keptRatePpm: 666_666 },
      { agentId: 'ag-3', name: 'Agente 3', kept: 0, broken: 1, partial: 0, pending: 0, keptRatePpm: 0 },
    ]);
    const lead = (await get('u-lead')).json();
    expect(lead.agents.map((a: { agentId: string }) => a.agentId)).toEqual(['ag-1']);
    expect((await get('u-lead', '?teamId=team-b')).statusCode).toBe(403);
    expect((await get('ag-1')).statusCode).toBe(403);
    expect((await get('u-admin', '?from=2026-12-02')).json().agents).toEqual([]);
  });

  it('refuses bad payments: agents, unknown accounts, another currency, missing fields', async () => {
    expect((await pay(1, 100, '2026-12-01', 'x', 'ag-1')).statusCode).toBe(403);
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/payments', headers: { authorization: `Bearer ${token('u-admin')}` },
      payload: { accountId: 'nope', amountMinor: 100, currency: 'COP', postedAt: '2026-12-01', method: 'pse', reference: 'x' } });
    expect(unknown.statusCode).toBe(404);
    const usd = await app.inject({ method: 'POST', url: '/api/v1/payments', headers: { authorization: `Bearer ${token('u-admin')}` },
      payload: { accountId: 'acc-1', amountMinor: 100, currency: 'USD', postedAt: '2026-12-01', method: 'pse', reference: 'x' } });
    expect(usd.statusCode).toBe(400);
    expect(usd.json()).toMatchObject({ key: 'payments.error.currencyMismatch' });
    const noAccount = await app.inject({ method: 'POST', url: '/api/v1/payments', headers: { authorization: `Bearer ${token('u-admin')}` },
      payload: { amountMinor: 100, currency: 'COP', postedAt: '2026-12-01', method: 'pse', reference: 'x' } });
    expect(noAccount.statusCode).toBe(400);
    expect(noAccount.json().issues[0]).toMatchObject({ path: 'accountId', message: 'payments.error.accountRequired' });
    expect((await db.query('select count(*)::int as n from payments'))[0]).toEqual({ n: 0 });
  });
});
