import { afterEach, describe, expect, it } from 'vitest';
import { channelsOf } from '../../shared/api/define';
import { contract } from '../../shared/api/contract';
import { openDesk, type Desk } from './desk';
import { keyFileProvider } from './store/key-file';
import { createOutbox } from './outbox/outbox';
import { tempDir } from './testing/temp';

let desk: Desk | null = null;
let cleanup: () => void = () => {};
afterEach(() => {
  desk?.close();
  desk = null;
  cleanup();
});

function open(serverUrl = 'http://127.0.0.1:9') {
  const t = tempDir();
  cleanup = t.cleanup;
  desk = openDesk({ userDataDir: t.dir, keyProvider: keyFileProvider(t.dir), serverUrl, version: '1.2.3', log: () => {} });
  return { desk, dir: t.dir };
}

describe('openDesk: app methods and the handler map', () => {
  it('implements every method of the contract', () => {
    const { desk } = open();
    const implemented = Object.entries(desk.handlers).flatMap(([ns, m]) => Object.keys(m).map((k) => `${ns}.${k}`)).sort();
    expect(implemented).toEqual(channelsOf(contract));
  });

  it('app.syncStatus tells the state now, before any event: offline since the desk opened, nothing pending', async () => {
    const { desk } = open();
    const env = await desk.dispatch('app.syncStatus', {});
    expect(env).toMatchObject({ ok: true, value: { state: 'offline', pending: 0 } });
    expect(env.ok && (env.value as { since: string | null }).since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('sync.refused shows what the server refused, with its reason key, and keeps it', async () => {
    const { desk } = open();
    const outbox = createOutbox(desk.db);
    const { seq } = desk.db.transaction(() => outbox.enqueue('note.add', { id: 'n1' }, '2026-11-25T12:00:00.000Z'))();
    outbox.refuse(seq, JSON.stringify({ key: 'sync.refused.notAssigned', params: { entity: 'ACC-9' }, message: 'not assigned' }));
    const env = await desk.dispatch('sync.refused', {});
    expect(env).toEqual({
      ok: true,
      value: [{ seq, uuid: expect.any(String), kind: 'note.add', createdAt: '2026-11-25T12:00:00.000Z', reason: { key: 'sync.refused.notAssigned', params: { entity: 'ACC-9' }, message: 'not assigned' } }],
    });
    expect(await desk.dispatch('sync.refused', {})).toMatchObject({ ok: true, value: [{ seq }] });
  });

  it('app.info reports the version and the host capabilities (key-file mode: no OS key protection)', async () => {
    const { desk } = open();
    expect(await desk.dispatch('app.info', {})).toEqual({
      ok: true, value: { version: '1.2.3', capabilities: { kind: 'browser', osKeyProtection: false, autoUpdate: false } },
    });
  });

  it('settings: defaults from openDesk, updates persist across reopen, bad values refused by field', async () => {
    const { desk: d, dir } = open('http://127.0.0.1:7000');
    expect(await d.dispatch('app.getSettings', {})).toEqual({ ok: true, value: { language: 'es', serverUrl: 'http://127.0.0.1:7000' } });
    expect((await d.dispatch('app.updateSettings', { language: 'en' })).ok).toBe(true);
    const bad = await d.dispatch('app.updateSettings', { language: 'fr' });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'invalid_input', params: { field: 'language' } });
    d.close();
    desk = openDesk({ userDataDir: dir, keyProvider: keyFileProvider(dir), serverUrl: 'http://127.0.0.1:7000', log: () => {} });
    expect(await desk.dispatch('app.getSettings', {})).toEqual({ ok: true, value: { language: 'en', serverUrl: 'http://127.0.0.1:7000' } });
  });

  it('first login with the server unreachable says so, in a translatable error', async () => {
    const { desk } = open();
    const env = await desk.dispatch('session.login', { username: 'agent1', password: 'x' });
    expect(env.ok ? null : env.error).toMatchObject({ code: 'unavailable', key: 'errors.session.offlineFirstLogin', params: { username: 'agent1' } });
    expect(desk.syncStatus().state).toBe('offline');
    expect(await desk.dispatch('session.logout', {})).toEqual({ ok: true, value: { ok: true } });
  });
});
