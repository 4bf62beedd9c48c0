import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/port';
import { createImport } from '../import/jobs';
import { runImport } from '../import/run-import';
import { migratedWithImport, seedOrg, testApp } from '../import/test-db';
import { portfolioPage } from '../portfolio/page';
import { segmentRoutes } from '../segments/routes';
import { testBackends } from '../testing/backends';
import { findUserById } from '../users/repository';
import { ImportOptions } from '../../shared/import';
import { assignmentRoutes } from './routes';

const FILE = join(__dirname, '../../test/fixtures/import/defects.csv');
const RULES = {
  rules: [
    { segment: 'temprana', when: { dpdBuckets: ['1-30', '31-60'] } },
    { segment: 'cronicos', when: { paymentHistory: ['chronic_late'] } },
  ],
  fallback: 'tardia',
};

async function importFixture(db: Database) {
  const job = await createImport(db, { creditorId: 'cred-co', kind: 'accounts', fileName: '', mapping: null, options: ImportOptions.parse({ asOf: '2026-11-25' }), startedBy: null });
  async function* once() {
    yield readFileSync(FILE);
  }
  return runImport(db, job, once());
}

describe.each(testBackends())('segmentation and assignment routes on $name', (backend) => {
  let db: Database;
  let app: FastifyInstance;
  let token: (id: string) => string;

  beforeAll(async () => {
    db = await migratedWithImport(await backend.fresh());
    await seedOrg(db);
    await db.query(`insert into creditors (id, name, country) values ('cred-cl', 'Chile', 'CL')`);
    await importFixture(db);
    ({ app, token } = await testApp(db, async (a, ctx, auth) => {
      await a.register(segmentRoutes, { ctx, auth });
      await a.register(assignmentRoutes, { ctx, auth });
    }));
  });
  afterAll(async () => {
    await app.close();
    await backend.dispose();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who = 'u-admin') =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token(who)}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const segments = async () =>
    Object.fromEntries((await db.query<{ account_number: string; segment: string }>('select account_number, segment from accounts order by 1')).map((r) => [r.account_number, r.segment]));

  it('refuses an invalid rule document with a 400 naming the field, and agents', async () => {
    const bad = await call('PUT', '/api/v1/admin/creditors/cred-co/segment-rules', { rules: [{ segment: 'x', when: { dpdBuckets: ['0-30'] } }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_input', params: { field: 'rules.0.when.dpdBuckets.0' } });
    expect((await call('GET', '/api/v1/admin/creditors/cred-co/segment-rules', undefined, 'ag-1')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/admin/creditors/nope/segment-rules')).statusCode).toBe(404);
  });

  it('previews, saves (a new version) and applies segment rules; only accounts whose segment changes are touched', async () => {
    const preview = await call('POST', '/api/v1/admin/creditors/cred-co/segment-rules/preview?asOf=2026-11-25', RULES, 'u-lead');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ accounts: 5, changed: 5, bySegment: { temprana: 1, cronicos: 2, tardia: 2 } });
    expect(new Set(Object.values(await segments()))).toEqual(new Set(['general']));

    const saved = await call('PUT', '/api/v1/admin/creditors/cred-co/segment-rules?asOf=2026-11-25', RULES);
    expect(saved.json()).toMatchObject({ version: 1, changed: 5 });
    // CO-1001 is 71 days late (tardía), CO-1002 55 (temprana), CO-1003 chronic, MX-3001 chronic, CL-2001 107 days.
    expect(await segments()).toEqual({ 'CL-2001': 'tardia', 'CO-1001': 'tardia', 'CO-1002': 'temprana', 'CO-1003': 'cronicos', 'MX-3001': 'cronicos' });
    expect((await call('GET', '/api/v1/admin/creditors/cred-co/segment-rules')).json()).toMatchObject({ version: 1, ruleSet: RULES, createdBy: 'u-admin' });

    const versions = await db.query<{ row_version: number }>('select row_version from accounts order by account_number');
    const again = await call('POST', '/api/v1/admin/creditors/cred-co/segment-rules/apply?asOf=2026-11-25');
    expect(again.json()).toMatchObject({ version: 1, changed: 0 });
    expect(await db.query('select row_version from accounts order by account_number')).toEqual(versions);

    // The import uses the rules in force, so re-importing the file keeps the segments and changes nothing.
    const reimport = await importFixture(db);
    expect(reimport).toMatchObject({ good: 5, unchanged: 5 });
    expect(await db.query('select row_version from accounts order by account_number')).toEqual(versions);
  });

  it('assigns by rule, balanced; a dry run writes nothing; reassignment moves accounts and the agents’ pull follows', async () => {
    const request = {
      creditorId: 'cred-co',
      rules: [
        { when: { segments: ['temprana', 'cronicos'] }, to: { teamId: 'team-a' }, balanceBy: 'count' },
        { when: {}, to: { agentIds: ['ag-3', 'ag-4'] }, balanceBy: 'balance' },
      ],
      reason: 'cartera noviembre',
    };
    const dry = await call('POST', '/api/v1/admin/assignments', { ...request, dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, moved: 5, unmatched: 0 });
    expect(await db.query('select 1 from accounts where assigned_agent_id is not null')).toEqual([]);

    const done = (await call('POST', '/api/v1/admin/assignments', request)).json();
    expect(done).toMatchObject({ moved: 5, kept: 0 });
    const owner = Object.fromEntries(
      (await db.query<{ account_number: string; assigned_agent_id: string }>('select account_number, assigned_agent_id from accounts')).map((r) => [r.account_number, r.assigned_agent_id]),
    );
    expect(['ag-1', 'ag-2']).toContain(owner['CO-1002']);
    expect(new Set([owner['CO-1002'], owner['CO-1003'], owner['MX-3001']])).toEqual(new Set(['ag-1', 'ag-2']));
    expect(new Set([owner['CO-1001'], owner['CL-2001']])).toEqual(new Set(['ag-3', 'ag-4']));
    expect(await db.query(`select count(*)::int as n from assignments where unassigned_at is null and reason = 'cartera noviembre' and assigned_by = 'u-admin'`)).toEqual([{ n: 5 }]);

    // Running the same plan again keeps everyone where they are.
    expect((await call('POST', '/api/v1/admin/assignments', request)).json()).toMatchObject({ moved: 0, kept: 5 });

    const ag1 = (await findUserById(db, 'ag-1'))!;
    const before = await portfolioPage(db, ag1, { limit: 100 });
    const ag1Accounts = before.slice.accounts.map((a) => a.accountNumber).sort();
    expect(ag1Accounts.length).toBeGreaterThan(0);

    // ag-1 leaves: their accounts go to ag-2.
    const moved = (await call('POST', '/api/v1/admin/assignments', { creditorId: 'cred-co', scope: { fromAgentIds: ['ag-1'] }, rules: [{ to: { agentIds: ['ag-2'] } }], reason: 'vacaciones' }, 'u-lead')).json();
    expect(moved).toMatchObject({ moved: ag1Accounts.length });
    expect((await portfolioPage(db, ag1, { limit: 100 })).slice.accounts).toEqual([]);
    const ag2 = (await portfolioPage(db, (await findUserById(db, 'ag-2'))!, { limit: 100 })).slice.accounts.map((a) => a.accountNumber);
    for (const n of ag1Accounts) expect(ag2).toContain(n);
    const log = await db.query<{ n: number }>(`select count(*)::int as n from change_log where op = 'unassign' and agent_id = 'ag-1'`);
    expect(log[0]!.n).toBe(ag1Accounts.length);

    const summary = (await call('GET', '/api/v1/admin/assignments/summary?creditorId=cred-co')).json();
    expect(summary.unassigned).toBe(0);
    // Everyone who can take work, with their name and load: ag-1 stays listed with nothing (back from holidays).
    expect(summary.agents).toEqual([
      { agentId: 'ag-1', displayName: 'Agente 1', teamId: 'team-a', active: true, accounts: 0, balanceMinor: 0 },
      expect.objectContaining({ agentId: 'ag-2', displayName: 'Agente 2', active: true }),
      expect.objectContaining({ agentId: 'ag-3', teamId: 'team-b' }),
      expect.objectContaining({ agentId: 'ag-4' }),
    ]);
    expect(summary.agents[1].accounts).toBeGreaterThan(ag1Accounts.length - 1);
    // Someone who left still shows with the accounts they hold, marked inactive; a lead sees their own team.
    await db.query(`update users set active = false where id = 'ag-3'`);
    const after = (await call('GET', '/api/v1/admin/assignments/summary?creditorId=cred-co')).json();
    expect(after.agents.find((a: { agentId: string }) => a.agentId === 'ag-3')).toMatchObject({ active: false });
    await db.query(`update users set active = true where id = 'ag-3'`);
    await db.query(`insert into users (id, username, display_name, role, team_id, password_hash) values ('ag-9', 'ag9', 'Agente 9', 'agent', 'team-b', 'x')`);
    const ids = async (who: string) =>
      ((await call('GET', '/api/v1/admin/assignments/summary?creditorId=cred-co', undefined, who)).json().agents as Array<{ agentId: string }>).map((a) => a.agentId);
    expect(await ids('u-admin')).toContain('ag-9');
    expect(await ids('u-lead')).toEqual(expect.arrayContaining(['ag-1', 'ag-2']));
    expect(await ids('u-lead')).not.toContain('ag-9');
    await db.query(`delete from users where id = 'ag-9'`);
  });

  it('names the bad target; a lead cannot assign outside their team', async () => {
    const unknown = await call('POST', '/api/v1/admin/assignments', { creditorId: 'cred-co', rules: [{ to: { agentIds: ['ghost'] } }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ key: 'assignment.error.unknownAgent', issues: [{ path: 'rules.0.to.agentIds' }] });
    const other = await call('POST', '/api/v1/admin/assignments', { creditorId: 'cred-co', rules: [{ to: { teamId: 'team-b' } }] }, 'u-lead');
    expect(other.statusCode).toBe(403);
    const badBody = await call('POST', '/api/v1/admin/assignments', { creditorId: 'cred-co', rules: [] });
    expect(badBody.json()).toMatchObject({ code: 'invalid_input', params: { field: 'rules' } });
  });
});
