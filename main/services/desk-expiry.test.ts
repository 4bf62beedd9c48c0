import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { openDesk, type Desk } from './desk';
import { keyFileProvider } from './store/key-file';
import { tempDir } from './testing/temp';

let server: RunningServer;
const profile = tempDir('recaudo-expiry-');
let desk: Desk;

beforeAll(async () => {
  server = await startServer({ port: 0, demo: { seed: 7, debtors: 30 }, tokenTtlSeconds: 2 });
  desk = openDesk({ userDataDir: profile.dir, keyProvider: keyFileProvider(profile.dir), serverUrl: server.url, log: () => {} });
}, 180_000);
afterAll(async () => {
  desk?.close();
  await server?.close();
  profile.cleanup();
});

describe('session expiry', () => {
  it('a 401 from the server ends the session with a translatable error; the local data stays', async () => {
    const login = await desk.dispatch('session.login', { username: 'agent2', password: DEMO_PASSWORD });
    expect(login.ok).toBe(true);
    expect((await desk.dispatch('portfolio.refresh', {})).ok).toBe(true);
    const accounts = desk.db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
    const changes: unknown[] = [];
    desk.events.on('session.changed', (p) => changes.push(p.user));
    await new Promise((r) => setTimeout(r, 3000));
    const refresh = await desk.dispatch('portfolio.refresh', {});
    expect(refresh.ok ? null : refresh.error).toMatchObject({ code: 'unauthorized', key: 'errors.session.expired' });
    expect(changes).toEqual([null]);
    expect(await desk.dispatch('session.current', {})).toEqual({ ok: true, value: null });
    expect(desk.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(accounts);
    expect((await desk.dispatch('session.login', { username: 'agent2', password: DEMO_PASSWORD })).ok).toBe(true);
    expect((await desk.dispatch('portfolio.refresh', {})).ok).toBe(true);
  }, 30_000);
});
