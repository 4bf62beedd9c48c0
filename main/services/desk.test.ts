import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import type { Envelope } from '../../shared/api/envelope';
import type { DebtorCard, DebtorHit, QueueItem } from '../../shared/api/methods/portfolio';
import type { SessionInfo } from '../../shared/api/methods/session';
import { openDesk, STORE_FILE, type Desk } from './desk';
import { keyFileProvider } from './store/key-file';
import { openStore } from './store/open';
import { StoreError } from './store/errors';
import { tempDir } from './testing/temp';
import { phoneInternational } from '../../shared/phones/display';

const here = fileURLToPath(new URL('.', import.meta.url));
let server: RunningServer;
let serverDir: { dir: string; cleanup: () => void };
const profile = tempDir('recaudo-profile-');
const log = () => {};

function value<T>(env: Envelope): T {
  if (!env.ok) throw new Error(`call failed: ${JSON.stringify(env.error)}`);
  return env.value as T;
}

beforeAll(async () => {
  serverDir = tempDir('recaudo-server-');
  server = await startServer({ port: 0, dataDir: serverDir.dir, demo: { seed: 42, debtors: 300 } });
}, 180_000);
afterAll(async () => {
  await server?.close();
  serverDir?.cleanup();
  profile.cleanup();
});

describe("the desk's HTTP client is the shell's to choose", () => {
  // A server of its own: this desk's pushes must not move the slice the suite below checks.
  let own: RunningServer;
  const ownDir = tempDir('recaudo-server-fetch-');
  beforeAll(async () => {
    own = await startServer({ port: 0, dataDir: ownDir.dir, demo: { seed: 7, debtors: 40 } });
  }, 180_000);
  afterAll(async () => {
    await own?.close();
    ownDir.cleanup();
  });

  it('every request to the central server goes through the fetch the shell passes (Electron: net.fetch)', async () => {
    const other = tempDir('recaudo-profile-fetch-');
    const paths: string[] = [];
    const recording: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      paths.push(new URL(url).pathname);
      return fetch(input, init);
    };
    const d = openDesk({ userDataDir: other.dir, keyProvider: keyFileProvider(other.dir), serverUrl: own.url, log, fetch: recording });
    try {
      value(await d.dispatch('session.login', { username: 'agent2', password: DEMO_PASSWORD }));
      value(await d.dispatch('portfolio.refresh', {}));
      const [first] = value<QueueItem[]>(await d.dispatch('portfolio.queue', {}));
      value(await d.dispatch('notes.add', { debtorId: first!.debtorId, text: 'Por net.fetch' }));
      for (let i = 0; i < 100 && !paths.includes('/api/v1/sync/push'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(paths).toContain('/api/v1/auth/login');
      expect(paths).toContain('/api/v1/sync/push');
      expect(paths.some((p) => p.startsWith('/api/v1/sync/pull') || p.startsWith('/api/v1/portfolio'))).toBe(true);
    } finally {
      d.close();
      other.cleanup();
    }
  });
});

describe('desk against the real central server, then offline', () => {
  let desk: Desk;
  let first: QueueItem;
  let card: DebtorCard;

  it('login → refresh → queue → card, with the pushes the renderer listens to', async () => {
    desk = openDesk({ userDataDir: profile.dir, keyProvider: keyFileProvider(profile.dir), serverUrl: server.url, log });
    const seen: string[] = [];
    desk.events.onAny((e) => seen.push(e));
    expect(value(await desk.dispatch('session.current', {}))).toBeNull();
    const bad = await desk.dispatch('session.login', { username: 'agent1', password: 'nope' });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'unauthorized', key: 'errors.session.badCredentials' });
    const info = value<SessionInfo>(await desk.dispatch('session.login', { username: 'agent1', password: DEMO_PASSWORD }));
    expect(info).toMatchObject({ online: true, user: { username: 'agent1' } });
    // Two refreshes at once (a double click, a push during a manual refresh) share one pull.
    const [r1, r2] = await Promise.all([desk.dispatch('portfolio.refresh', {}), desk.dispatch('portfolio.refresh', {})]);
    const refreshed = value<{ accounts: number; debtors: number }>(r1);
    expect(value(r2)).toEqual(refreshed);
    expect(refreshed.accounts).toBeGreaterThan(0);
    expect(desk.db.prepare("SELECT value FROM sync_meta WHERE key = 'slice.generation'").pluck().get()).toBe('1');
    const queue = value<QueueItem[]>(await desk.dispatch('portfolio.queue', {}));
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((r) => r.reasons.length > 0)).toBe(true);
    // Every account is agent1's: the server only ever sends the agent's own slice.
    const owners = desk.db.prepare('SELECT DISTINCT assigned_agent_id FROM accounts').pluck().all();
    expect(owners).toEqual([info.user.id]);
    first = queue[0]!;
    card = value<DebtorCard>(await desk.dispatch('portfolio.card', { debtorId: first.debtorId }));
    expect(card.accounts.map((a) => a.id)).toContain(first.accountId);
    expect(seen).toEqual(expect.arrayContaining(['session.changed', 'sync.status', 'portfolio.updated']));
  }, 60_000);

  it('search and phone lookup find the debtor on the card', async () => {
    const byName = value<DebtorHit[]>(await desk.dispatch('portfolio.search', { query: card.debtor.fullName }));
    expect(byName.map((h) => h.debtorId)).toContain(card.debtor.id);
    const byDoc = value<DebtorHit[]>(await desk.dispatch('portfolio.search', { query: card.debtor.documentId }));
    expect(byDoc.find((h) => h.debtorId === card.debtor.id)?.matchedOn).toBe('document');
    const phone = card.phones[0];
    if (phone) {
      const hits = value<DebtorHit[]>(await desk.dispatch('portfolio.lookupByPhone', { phone: phone.e164 }));
      expect(hits.map((h) => h.debtorId)).toContain(card.debtor.id);
    }
  });

  it('pops by phone in one call: the hits and, for a single debtor, the card, audited as a view', async () => {
    expect(card.phones.length).toBeGreaterThan(0);
    const views = () => desk.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'debtor_viewed' AND subject = ?").pluck().get(`debtor:${card.debtor.id}`) as number;
    let single = 0;
    for (const p of card.phones) {
      const hits = value<DebtorHit[]>(await desk.dispatch('portfolio.lookupByPhone', { phone: p.e164 }));
      if (hits.length === 1) single++;
      const before = views();
      const pop = value<{ hits: DebtorHit[]; card: DebtorCard | null }>(await desk.dispatch('portfolio.popByPhone', { phone: p.e164 }));
      expect(pop.hits).toEqual(hits);
      if (hits.length === 1) {
        expect(pop.card?.debtor.id).toBe(card.debtor.id);
        expect(views()).toBe(before + 1);
        // Every number on the card comes written for people, so the renderer paints the pop without parsing.
        expect(pop.card?.phoneDisplay).toEqual(Object.fromEntries(card.phones.map((x) => [x.e164, phoneInternational(x.e164)])));
        expect(pop.card?.phoneDisplay?.[p.e164]).toMatch(/^\+\d{1,3} [\d ]+$/);
      } else {
        expect(pop.card).toBeNull();
      }
    }
    expect(single).toBeGreaterThan(0);
    const nobody = value<{ hits: DebtorHit[]; card: DebtorCard | null }>(await desk.dispatch('portfolio.popByPhone', { phone: '+19995550000' }));
    expect(nobody).toEqual({ hits: [], card: null });
  });

  it('refuses malformed calls naming the field', async () => {
    const env = await desk.dispatch('portfolio.card', { debtorId: 42 });
    expect(env.ok ? null : env.error).toMatchObject({ code: 'invalid_input', params: { field: 'debtorId' } });
    const unknown = await desk.dispatch('portfolio.card', { debtorId: 'nobody' });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'not_found', key: 'errors.portfolio.debtorNotFound' });
  });

  it('keeps working from the local store when the server stops', async () => {
    await server.close();
    const statuses: string[] = [];
    desk.events.on('sync.status', (s) => statuses.push(s.state));
    const refresh = await desk.dispatch('portfolio.refresh', {});
    expect(refresh.ok ? null : refresh.error).toMatchObject({ code: 'unavailable', key: 'errors.server.unavailable' });
    expect(statuses).toContain('offline');
    expect(value<QueueItem[]>(await desk.dispatch('portfolio.queue', {})).length).toBeGreaterThan(0);
    expect(value<DebtorCard>(await desk.dispatch('portfolio.card', { debtorId: first.debtorId })).debtor.id).toBe(first.debtorId);
    const hits = value<DebtorHit[]>(await desk.dispatch('portfolio.search', { query: card.debtor.fullName }));
    expect(hits.map((h) => h.debtorId)).toContain(card.debtor.id);
    const note = value<{ id: string }>(await desk.dispatch('notes.add', { debtorId: first.debtorId, text: 'Sin conexión: promete pagar el viernes' }));
    expect(desk.db.prepare('SELECT count(*) FROM outbox WHERE payload LIKE ?').pluck().get(`%${note.id}%`)).toBe(1);
    expect(desk.syncStatus()).toMatchObject({ state: 'offline', pending: 1 });
    desk.close();
  }, 30_000);

  it('lets the same agent log in offline on this desk, no one else', async () => {
    desk = openDesk({ userDataDir: profile.dir, keyProvider: keyFileProvider(profile.dir), serverUrl: server.url, log });
    const wrong = await desk.dispatch('session.login', { username: 'agent1', password: 'guess' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'unauthorized' });
    const stranger = await desk.dispatch('session.login', { username: 'agent2', password: DEMO_PASSWORD });
    expect(stranger.ok ? null : stranger.error).toMatchObject({ code: 'unavailable', key: 'errors.session.offlineFirstLogin' });
    const anonymous = await desk.dispatch('portfolio.queue', {});
    expect(anonymous.ok ? null : anonymous.error).toMatchObject({ code: 'unauthorized', key: 'errors.session.required' });
    const info = value<SessionInfo>(await desk.dispatch('session.login', { username: 'Agent1 ', password: DEMO_PASSWORD }));
    expect(info.online).toBe(false);
    expect(value<DebtorCard>(await desk.dispatch('portfolio.card', { debtorId: first.debtorId })).notes[0]?.text)
      .toBe('Sin conexión: promete pagar el viernes');
    const refresh = await desk.dispatch('portfolio.refresh', {});
    expect(refresh.ok ? null : refresh.error).toMatchObject({ key: 'errors.portfolio.offlineRefresh' });
    desk.close();
  }, 30_000);

  it('the store\'s bytes hold no debtor name; without or with a wrong key it does not open', () => {
    for (const f of readdirSync(profile.dir).filter((n) => n.startsWith(STORE_FILE))) {
      expect(readFileSync(join(profile.dir, f)).includes(Buffer.from(card.debtor.fullName))).toBe(false);
    }
    expect(() => openStore({ file: join(profile.dir, STORE_FILE), key: Buffer.alloc(32, 7) })).toThrow(StoreError);
    expect(() => openStore({ file: join(profile.dir, STORE_FILE), key: Buffer.alloc(0) })).toThrow(/32 bytes/);
  });

  it('a note whose save resolved survives kill -9 of the process right after', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'testing/crash-child.ts'),
      profile.dir, 'agent1', DEMO_PASSWORD, first.debtorId, 'Guardada antes del kill -9'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const id = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /saved (\S+)\n/.exec(out);
        if (m) {
          child.kill('SIGKILL');
          resolve(m[1]!);
        }
      });
      child.on('exit', (code, signal) => { if (signal !== 'SIGKILL') reject(new Error(`child exited ${code}: ${err}`)); });
    });
    await new Promise((r) => child.on('close', r));
    const { db } = openStore({ file: join(profile.dir, STORE_FILE), key: keyFileProvider(profile.dir).getKey() });
    expect(db.prepare('SELECT text FROM notes WHERE id = ?').pluck().get(id)).toBe('Guardada antes del kill -9');
    expect(db.prepare("SELECT count(*) FROM outbox WHERE kind = 'note.add' AND payload LIKE ?").pluck().get(`%${id}%`)).toBe(1);
    db.close();
  }, 60_000);
});
