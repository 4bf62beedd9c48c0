import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorData } from '../../shared/api/errors';
import { HealthResponse, LoginResponse, PortfolioPage, AccountResponse } from '../../shared/api/server/routes';
import { User } from '../../shared/domain/users';
import { buildServer, LOG_REDACT } from '../app';
import { signToken } from '../auth/token';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { Database } from '../db/port';
import { generateDemoPortfolio } from '../demo/generate';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';
import { testBackends } from '../testing/backends';
import { fingerprint } from '../testing/fingerprint';

const SECRET = 'test-secret-that-is-at-least-32-bytes-long';
const KEY = Buffer.from(SECRET);
const P = '/api/v1';

describe.each(testBackends())('HTTP routes on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db, migrations);
    await seedDemo(db, generateDemoPortfolio({ seed: 'routes', debtors: 60, asOf: '2026-11-25' }));
    // A second team whose agent must stay invisible to team 1's lead.
    await db.exec(`
      insert into teams (id, name) values ('team-2', 'Equipo 2');
      insert into users (id, username, display_name, role, team_id, password_hash)
        select 'u-agent9', 'agent9', 'Agent Nine', 'agent', 'team-2', password_hash from users where id = 'u-agent1';
      update accounts set assigned_agent_id = 'u-agent9' where id in (select id from accounts order by id desc limit 5);
    `);
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await buildServer({ db, jwtSecrets: [SECRET], logger: pino({ level: 'info', redact: LOG_REDACT }, stream), bodyLimit: 64 * 1024, promiseJobIntervalMs: 0 });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await backend.dispose();
  });

  const login = (username: string, password = DEMO_PASSWORD) =>
    app.inject({ method: 'POST', url: `${P}/auth/login`, payload: { username, password } });
  const tokenFor = async (username: string) => LoginResponse.parse((await login(username)).json()).token;
  const get = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const errorOf = (res: LightMyRequestResponse) => ApiErrorData.parse(res.json());

  /** Runs a request that must be refused and proves it wrote nothing. */
  async function refusedWithoutWriting(send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
    const before = await fingerprint(db);
    const res = await send();
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await fingerprint(db)).toEqual(before);
    return res;
  }

  it('answers health with the database kind', async () => {
    const res = await get(`${P}/health`);
    expect(res.statusCode).toBe(200);
    expect(HealthResponse.parse(res.json())).toEqual({ status: 'ok', database: backend.name, version: expect.any(String) });
  });

  it('logs in with the demo password and returns a short-lived token for that user', async () => {
    const started = Date.now();
    const res = await login('agent1');
    expect(res.statusCode).toBe(200);
    const body = LoginResponse.parse(res.json());
    expect(body.user).toEqual({ id: 'u-agent1', username: 'agent1', displayName: expect.any(String), role: 'agent', teamId: 'team-1' });
    const ttl = Date.parse(body.expiresAt) - started;
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000 + 1000);
    const me = await get(`${P}/me`, body.token);
    expect(me.statusCode).toBe(200);
    expect(User.parse(me.json()).username).toBe('agent1');
    // Usernames are case-insensitive.
    expect((await login('AGENT1')).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user identically (401, no user enumeration), writing nothing', async () => {
    const wrong = await refusedWithoutWriting(() => login('agent1', 'not-the-password'));
    const unknown = await refusedWithoutWriting(() => login('nobody', 'not-the-password'));
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(wrong)).toEqual({ code: 'unauthorized', message: 'wrong username or password', key: 'errors.badCredentials' });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('throttles a username after 10 wrong passwords from one address (429), even for the right one, writing nothing', async () => {
    for (let i = 0; i < 10; i++) expect((await login('agent5', `guess-${i}`)).statusCode).toBe(401);
    const blocked = await refusedWithoutWriting(() => login('agent5'));
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(errorOf(blocked)).toMatchObject({ code: 'blocked', key: 'errors.tooManyLogins', params: { minutes: 15 } });
    // Other users are unaffected.
    expect((await login('agent4')).statusCode).toBe(200);
  });

  it('names the field of a bad login body (400) and writes nothing', async () => {
    const res = await refusedWithoutWriting(() =>
      app.inject({ method: 'POST', url: `${P}/auth/login`, payload: { username: 'agent1' } }),
    );
    expect(res.statusCode).toBe(400);
    const err = errorOf(res);
    expect(err.code).toBe('invalid_input');
    expect(err.key).toBe('errors.invalidField');
    expect(err.params).toMatchObject({ field: 'password' });
    expect(err.issues?.map((i) => i.path)).toEqual(['password']);
    const extra = errorOf(
      await refusedWithoutWriting(() =>
        app.inject({ method: 'POST', url: `${P}/auth/login`, payload: { username: 'agent1', password: 'x', admin: true } }),
      ),
    );
    expect(extra.issues?.[0]?.code).toBe('unrecognized_keys');
  });

  it('refuses malformed JSON with 400, an oversized body with 413 and a non-JSON body with 415, writing nothing', async () => {
    const malformed = await refusedWithoutWriting(() =>
      app.inject({ method: 'POST', url: `${P}/auth/login`, headers: { 'content-type': 'application/json' }, payload: '{"username": "agent1", ' }),
    );
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed)).toMatchObject({ code: 'invalid_input', key: 'errors.malformedJson' });

    const big = JSON.stringify({ username: 'agent1', password: 'x'.repeat(70 * 1024) });
    const oversized = await refusedWithoutWriting(() =>
      app.inject({ method: 'POST', url: `${P}/auth/login`, headers: { 'content-type': 'application/json' }, payload: big }),
    );
    expect(oversized.statusCode).toBe(413);
    expect(errorOf(oversized)).toMatchObject({ code: 'invalid_input', key: 'errors.bodyTooLarge' });

    const text = await refusedWithoutWriting(() =>
      app.inject({ method: 'POST', url: `${P}/auth/login`, headers: { 'content-type': 'text/plain' }, payload: 'agent1:recaudo' }),
    );
    expect(text.statusCode).toBe(415);
    expect(errorOf(text).key).toBe('errors.unsupportedMediaType');
  });

  it('answers an unknown route with 404 in the same error shape', async () => {
    const res = await refusedWithoutWriting(() => app.inject({ method: 'POST', url: `${P}/no/such/route`, payload: {} }));
    expect(res.statusCode).toBe(404);
    expect(errorOf(res)).toEqual({
      code: 'not_found',
      message: `no route POST ${P}/no/such/route`,
      key: 'errors.unknownRoute',
      params: { method: 'POST', path: `${P}/no/such/route` },
    });
  });

  it('refuses a missing, forged, tampered or expired token with 401', async () => {
    expect(errorOf(await get(`${P}/me`))).toMatchObject({ code: 'unauthorized', key: 'errors.authRequired' });
    const now = Math.floor(Date.now() / 1000);
    const forged = signToken({ sub: 'u-admin1', role: 'admin', iat: now, exp: now + 600, jti: 'x' }, Buffer.alloc(48, 1));
    const res = await get(`${P}/portfolio`, forged);
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 'unauthorized', key: 'errors.invalidToken' });

    const real = await tokenFor('agent2');
    const [h, p, s] = real.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, sub: 'u-admin1', role: 'admin' })).toString('base64url');
    expect((await get(`${P}/portfolio`, `${h}.${promoted}.${s}`)).statusCode).toBe(401);

    const expired = signToken({ sub: 'u-agent1', role: 'agent', iat: now - 1000, exp: now - 100, jti: 'y' }, KEY);
    const old = await get(`${P}/me`, expired);
    expect(old.statusCode).toBe(401);
    expect(errorOf(old)).toMatchObject({ code: 'unauthorized', key: 'errors.sessionExpired' });

    // Correctly signed but for a role the user no longer has: refused too.
    const stale = signToken({ sub: 'u-agent1', role: 'admin', iat: now, exp: now + 600, jti: 'z' }, KEY);
    expect((await get(`${P}/me`, stale)).statusCode).toBe(401);
  });

  it("gives an agent their own account and answers 404 for another agent's, exactly as for a missing one", async () => {
    const [own] = await db.query<{ id: string }>(`select id from accounts where assigned_agent_id = 'u-agent1' order by id limit 1`);
    const [other] = await db.query<{ id: string }>(`select id from accounts where assigned_agent_id = 'u-agent2' order by id limit 1`);
    const token = await tokenFor('agent1');
    const mine = await get(`${P}/accounts/${own!.id}`, token);
    expect(mine.statusCode).toBe(200);
    const body = AccountResponse.parse(mine.json());
    expect(body.account.assignedAgentId).toBe('u-agent1');
    expect(body.debtor.id).toBe(body.account.debtorId);

    const theirs = await refusedWithoutWriting(() => get(`${P}/accounts/${other!.id}`, token));
    const missing = await refusedWithoutWriting(() => get(`${P}/accounts/acc-does-not-exist`, token));
    expect(theirs.statusCode).toBe(404);
    expect(errorOf(theirs)).toMatchObject({ code: 'not_found', key: 'errors.notFound' });
    expect(errorOf(missing).code).toBe('not_found');
    // A lead reaches their team's accounts; the admin everything.
    expect((await get(`${P}/accounts/${other!.id}`, await tokenFor('lead1'))).statusCode).toBe(200);
    expect((await get(`${P}/accounts/${other!.id}`, await tokenFor('admin1'))).statusCode).toBe(200);
  });

  async function allPages(token: string, limit: number): Promise<{ ids: string[]; pages: PortfolioPage[] }> {
    const ids: string[] = [];
    const pages: PortfolioPage[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const res = await get(`${P}/portfolio?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
      expect(res.statusCode).toBe(200);
      const page = PortfolioPage.parse(res.json());
      pages.push(page);
      ids.push(...page.slice.accounts.map((a) => a.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return { ids, pages };
  }

  it("pages an agent's slice: every account of theirs exactly once, in id order, with what hangs off it", async () => {
    const expected = (await db.query<{ id: string }>(`select id from accounts where assigned_agent_id = 'u-agent3' order by id`)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(8);
    const { ids, pages } = await allPages(await tokenFor('agent3'), 4);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.length).toBe(Math.ceil(expected.length / 4));
    for (const { slice } of pages) {
      const debtorIds = new Set(slice.debtors.map((d) => d.id));
      const policyKeys = new Set(slice.policies.map((p) => `${p.creditorId}/${p.segment}`));
      const creditorIds = new Set(slice.creditors.map((c) => c.id));
      for (const a of slice.accounts) {
        expect(a.assignedAgentId).toBe('u-agent3');
        expect(debtorIds.has(a.debtorId)).toBe(true);
        expect(creditorIds.has(a.creditorId)).toBe(true);
        expect(policyKeys.has(`${a.creditorId}/${a.segment}`)).toBe(true);
      }
      const accountIds = new Set(slice.accounts.map((a) => a.id));
      for (const p of slice.payments) expect(accountIds.has(p.accountId)).toBe(true);
      for (const p of slice.phones) expect(debtorIds.has(p.debtorId)).toBe(true);
    }
    const phones = pages.flatMap((p) => p.slice.phones);
    expect(phones.length).toBeGreaterThan(0);
  });

  it("shows a lead only their team's accounts and the admin all of them", async () => {
    const team1 = (
      await db.query<{ id: string }>(
        `select a.id from accounts a join users u on u.id = a.assigned_agent_id where u.team_id = 'team-1' order by a.id`,
      )
    ).map((r) => r.id);
    const all = (await db.query<{ id: string }>('select id from accounts order by id')).map((r) => r.id);
    expect((await allPages(await tokenFor('lead1'), 50)).ids).toEqual(team1);
    expect((await allPages(await tokenFor('admin1'), 50)).ids).toEqual(all);
    expect(all.length - team1.length).toBe(5);
  });

  it('names the field of a bad page query: limit out of range, unknown parameter, forged cursor', async () => {
    const token = await tokenFor('agent1');
    const limit = errorOf(await refusedWithoutWriting(() => get(`${P}/portfolio?limit=0`, token)));
    expect(limit.issues?.[0]?.path).toBe('limit');
    const unknown = errorOf(await refusedWithoutWriting(() => get(`${P}/portfolio?page=2`, token)));
    expect(unknown.issues?.[0]?.code).toBe('unrecognized_keys');
    const cursor = await refusedWithoutWriting(() => get(`${P}/portfolio?cursor=not-a-cursor`, token));
    expect(cursor.statusCode).toBe(400);
    expect(errorOf(cursor).params).toMatchObject({ field: 'cursor' });
  });

  it('keeps passwords and tokens out of the logs', async () => {
    const secret = 'hunter2-very-secret';
    await login('agent1', secret);
    const token = await tokenFor('agent4');
    await get(`${P}/me`, token);
    const logs = logLines.join('');
    expect(logs).toContain('login failed');
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(DEMO_PASSWORD);
    expect(logs).not.toContain(token.split('.')[2]!);
  });
});
