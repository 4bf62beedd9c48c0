import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LoginResponse, PortfolioPage } from '../shared/api/server/routes';
import { createDatabaseOn, startPostgres, type PostgresCluster } from '../test/support/postgres';
import { DEMO_PASSWORD } from './demo/seed';
import { startServer, type StartServerOptions } from './start';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

let cluster: Promise<PostgresCluster> | undefined;
async function postgresUrl(): Promise<string> {
  const provided = ((inject as (key: string) => unknown)('TEST_DATABASE_URL') as string | undefined) ?? process.env.TEST_DATABASE_URL;
  if (provided) return createDatabaseOn(provided, 'recaudo_start');
  if (!cluster) {
    cluster = startPostgres();
    cleanups.push(async () => (await cluster!).stop());
  }
  return (await cluster).createDatabase('recaudo_start');
}

async function where(kind: 'pglite' | 'postgres'): Promise<Pick<StartServerOptions, 'dataDir' | 'databaseUrl'>> {
  if (kind === 'postgres') return { databaseUrl: await postgresUrl() };
  const dir = mkdtempSync(join(tmpdir(), 'recaudo-server-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { dataDir: join(dir, 'db') };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent2', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return LoginResponse.parse(await res.json()).token;
}

async function firstPage(url: string, token: string): Promise<PortfolioPage> {
  const res = await fetch(`${url}/api/v1/portfolio?limit=5000`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return PortfolioPage.parse(await res.json());
}

describe.each(['pglite', 'postgres'] as const)('startServer on %s', (kind) => {
  it(
    'seeds the demo once, keeps it across a restart, and honours tokens issued before the restart',
    async () => {
      const db = await where(kind);
      const first = await startServer({ ...db, demo: { seed: 'start', debtors: 40 } });
      cleanups.push(() => first.close());
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.seeded).toMatchObject({ users: 7, debtors: 40 });
      const token = await login(first.url);
      const before = await firstPage(first.url, token);
      expect(before.slice.accounts.length).toBeGreaterThan(0);
      expect(before.slice.accounts.every((a) => a.assignedAgentId === 'u-agent2')).toBe(true);
      await first.close();

      const second = await startServer({ ...db, demo: { seed: 'another-seed', debtors: 40 } });
      cleanups.push(() => second.close());
      // Not empty: nothing seeded again, the same portfolio is there.
      expect(second.seeded).toBeUndefined();
      // The signing key lives in the database, so a token survives a restart (and works on any instance).
      const after = await firstPage(second.url, token);
      expect(after).toEqual(before);
      await second.close();
    },
    180_000,
  );
});
