/**
 * Shared pieces of the sync tests: a seeded organisation, a sync-enabled server on a real port, desk stores
 * with an engine, and mutation makers. Everything real: PGlite/PostgreSQL, Fastify on loopback, SQLCipher.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { TestBackend } from '../../server/testing/backends';
import { tempDir } from '../../main/services/testing/temp';
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandlers } from '../../server/http/errors';
import { buildServer } from '../../server/app';
import { signToken } from '../../server/auth/token';
import type { Database } from '../../server/db/port';
import { syncRoutes } from '../../server/sync/plugin';
import { migrateWithSync } from '../../server/sync/schema';
import type { ApplyHooks } from '../../server/sync/apply';
import type { ChangeHub } from '../../server/sync/hub';
import type { Role } from '../../shared/domain/codes';
import { createDeskEvents, type DeskEvents } from '../../main/services/events';
import { createOutbox, type MutationKind, type Outbox } from '../../main/services/outbox/outbox';
import { openStore, type Db } from '../../main/services/store/open';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../main/services/sync/engine';
import { createRecordings, type SavedRecording } from '../../main/services/calls/recordings';

export const SECRET = 'sync-test-secret-that-is-at-least-32-bytes';
export const KEY = Buffer.from(SECRET);

export function tokenFor(userId: string, role: Role = 'agent'): string {
  const iat = Math.floor(Date.now() / 1000);
  return signToken({ sub: userId, role, iat, exp: iat + 3600, jti: randomUUID() }, KEY);
}

export const AGENT1 = 'ag-1';
export const AGENT2 = 'ag-2';

/** Debtor i (0-based): accounts a-i assigned to ag-1 when i is even, ag-2 when odd; d-shared has one of each. */
export async function seedOrg(db: Database, debtors = 20): Promise<void> {
  await migrateWithSync(db);
  await db.exec(`
    insert into teams (id, name) values ('team-1', 'Temprana');
    insert into users (id, username, display_name, role, team_id, password_hash) values
      ('ag-1', 'ag1', 'Agente Uno', 'agent', 'team-1', 'x'),
      ('ag-2', 'ag2', 'Agente Dos', 'agent', 'team-1', 'x'),
      ('ag-3', 'ag3', 'Agente Tres', 'agent', 'team-1', 'x'),
      ('lead-1', 'lead1', 'Líder', 'lead', 'team-1', 'x');
    insert into creditors (id, name, country) values ('cr-1', 'Banco Demo', 'CO');
    insert into policies (id, creditor_id, segment, version, body) values ('pol-1', 'cr-1', 'early', 1, '{}');
  `);
  await seedDebtors(db, 0, debtors);
  await db.exec(`
    insert into debtors (id, creditor_id, full_name, document_type, document_id, country, time_zone, language, profile)
      values ('d-shared', 'cr-1', 'Deudor Compartido', 'CC', '999', 'CO', 'America/Bogota', 'es', 'unknown');
    insert into accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor,
      days_past_due, due_since, segment, assigned_agent_id, status) values
      ('a-shared-1', 'd-shared', 'cr-1', 'N-shared-1', 'tarjeta', 'COP', 100000, 100000, 30, '2026-10-01', 'early', 'ag-1', 'active'),
      ('a-shared-2', 'd-shared', 'cr-1', 'N-shared-2', 'tarjeta', 'COP', 200000, 200000, 30, '2026-10-01', 'early', 'ag-2', 'active');
    insert into phones (id, debtor_id, e164, type, valid, status, updated_at) values
      ('ph-shared', 'd-shared', '+573009999999', 'mobile', true, 'ok', '2026-01-01T00:00:00Z');
  `);
}

/** Debtors [from, from+count) with one account and one phone each, via generate_series (200k in seconds). */
export async function seedDebtors(db: Database, from: number, count: number, agentFor = `case when i % 2 = 0 then 'ag-1' else 'ag-2' end`): Promise<void> {
  const to = from + count - 1;
  await db.exec(`
    insert into debtors (id, creditor_id, full_name, document_type, document_id, country, city, time_zone, language, profile)
      select 'd-' || i, 'cr-1', 'Deudor ' || i, 'CC', (10000000 + i)::text, 'CO', 'Bogotá', 'America/Bogota', 'es', 'unknown'
      from generate_series(${from}, ${to}) i;
    insert into accounts (id, debtor_id, creditor_id, account_number, product, currency, balance_minor, principal_minor,
      days_past_due, due_since, segment, assigned_agent_id, status)
      select 'a-' || i, 'd-' || i, 'cr-1', 'N-' || i, 'tarjeta', 'COP', 100000 + i, 100000 + i, 30 + (i % 90), '2026-09-01',
        'early', ${agentFor}, 'active'
      from generate_series(${from}, ${to}) i;
    insert into phones (id, debtor_id, e164, type, valid, status, updated_at)
      select 'ph-' || i, 'd-' || i, '+57300' || lpad(i::text, 7, '0'), 'mobile', true, 'ok', '2026-01-01T00:00:00Z'
      from generate_series(${from}, ${to}) i;
  `);
}

/**
 * One suite's world: a fresh database on the backend seeded with `debtors`, the product's server on it and a temp
 * dir for desk stores, all torn down after the suite. Read `db`/`server` inside tests (set in beforeAll).
 */
export function syncSuite(backend: TestBackend, debtors: number, tmpPrefix: string): { readonly db: Database; readonly server: SyncServer; readonly tmp: ReturnType<typeof tempDir> } {
  let db: Database | undefined;
  let server: SyncServer | undefined;
  const tmp = tempDir(tmpPrefix);
  beforeAll(async () => {
    db = await backend.fresh();
    await seedOrg(db, debtors);
    server = await startSyncServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await backend.dispose();
    tmp.cleanup();
  });
  return {
    get db() { if (!db) throw new Error('syncSuite: db is ready in tests, not at collection'); return db; },
    get server() { if (!server) throw new Error('syncSuite: server is ready in tests, not at collection'); return server; },
    tmp,
  };
}

export interface SyncServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * A server on a real loopback port. By default the product's own `buildServer` (which registers the sync plugin);
 * with test hooks or a hub of the test's own, the sync plugin alone on a bare app with the same error handling.
 */
export async function startSyncServer(db: Database, opts: { databaseUrl?: string; hooks?: ApplyHooks; hub?: ChangeHub; port?: number; closeConnections?: boolean } = {}): Promise<SyncServer> {
  let app: FastifyInstance;
  if (opts.hooks || opts.hub) {
    app = Fastify({ bodyLimit: 2 * 1024 * 1024 });
    installErrorHandlers(app);
    app.removeContentTypeParser('text/plain');
    await app.register(syncRoutes, {
      db, keys: [KEY], databaseUrl: opts.databaseUrl, ...(opts.hooks ? { hooks: opts.hooks } : {}), ...(opts.hub ? { hub: opts.hub } : {}),
    });
  } else {
    app = await buildServer({ db, jwtSecrets: [SECRET], logger: false, bodyLimit: 2 * 1024 * 1024, databaseUrl: opts.databaseUrl });
  }
  await app.ready();
  if (opts.closeConnections) {
    // One request per connection, so the fault proxy decides a fault per request.
    app.server.on('request', (_req, res) => { res.shouldKeepAlive = false; });
  }
  const url = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  let closed = false;
  return {
    url,
    app,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

export interface TestDesk {
  db: Db;
  outbox: Outbox;
  engine: SyncEngine;
  events: DeskEvents;
  file: string;
  close(): Promise<void>;
}

export function openTestDesk(file: string, key: Buffer, opts: Partial<Omit<SyncEngineOptions, 'agentId'>> & Pick<SyncEngineOptions, 'baseUrl'> & { agentId?: string }): TestDesk {
  const { db } = openStore({ file, key });
  const outbox = createOutbox(db);
  const events = createDeskEvents();
  const { agentId: who, ...rest } = opts;
  const agentId = who ?? AGENT1;
  const token = tokenFor(agentId);
  const engine = createSyncEngine({
    db, outbox, events, token: () => token, agentId: () => agentId, live: false, periodicMs: 0,
    retry: { minMs: 20, maxMs: 200 }, timeoutMs: 3000, ...rest,
  });
  return {
    db, outbox, engine, events, file,
    async close() {
      await engine.stop();
      if (db.open) db.close();
    },
  };
}

let counter = 0;
/** One mutation of `kind` on debtor index `i` (agent ag-1 owns even i), enqueued in its own transaction. */
export function makeMutation(kind: MutationKind | 'call.event', i: number, agentId = AGENT1, extra: Record<string, unknown> = {}): { kind: MutationKind; payload: Record<string, unknown> } {
  const at = new Date(Date.UTC(2026, 10, 25, 12, 0, 0) + (counter++ % 100000) * 1000).toISOString();
  const id = randomUUID();
  const debtorId = `d-${i}`;
  const accountId = `a-${i}`;
  let payload: Record<string, unknown>;
  switch (kind) {
    case 'note.add': payload = { id, debtorId, agentId, text: `nota ${i}`, createdAt: at }; break;
    case 'contact.add': payload = { id, debtorId, accountId, agentId, channel: 'call', direction: 'outbound', phoneE164: null,
      startedAt: at, endedAt: at, outcome: 'no_answer', reason: null, notes: '', mos: null, conversation: false }; break;
    case 'promise.add': payload = { id, accountId, debtorId, agentId, amountMinor: 50000, currency: 'COP', dueDate: '2026-12-15',
      method: 'pse', installments: 1, status: 'pending', createdAt: at, policyId: 'pol-1', policyVersion: 1 }; break;
    case 'callback.add': payload = { id, debtorId, accountId, agentId, dueAt: at, timeZone: 'America/Bogota', note: 'llamar', status: 'pending' }; break;
    case 'phone.mark': payload = { id, phoneId: `ph-${i}`, debtorId, e164: `+57300${String(i).padStart(7, '0')}`, agentId, status: 'wrong_number', at }; break;
    case 'audit.append': payload = { id, agentId, at, action: 'card.open', subject: debtorId, detail: { i } }; break;
    case 'call.event': payload = { id, agentId, callId: `call-${i}`, debtorId, phoneE164: null, event: 'dialed', at, detail: {} }; break;
    case 'recording.add': {
      // The payload alone (no blob uploaded): tests that need the bytes on the server use saveRecording below.
      const sha256 = createHash('sha256').update(`recording ${id}`).digest('hex');
      payload = { id, callId: `call-${id}`, debtorId, agentId, sha256, bytes: 1000, mimeType: 'audio/webm;codecs=opus', startedAt: at, endedAt: at };
      break;
    }
  }
  return { kind: kind as MutationKind, payload: { ...payload, ...extra } };
}

/**
 * A recording made at the desk the way the product saves one (file renamed into place, `call_recordings` row and
 * `recording.add` outbox row in one transaction): `bytes` random bytes (so every recording hashes differently).
 */
export function saveRecording(desk: { db: Db }, opts: { callId?: string; debtor?: number | null; bytes?: number; agentId?: string; data?: Buffer } = {}): SavedRecording & { callId: string; data: Buffer } {
  const callId = opts.callId ?? `call-${randomUUID()}`;
  const data = opts.data ?? randomBytes(opts.bytes ?? 64 * 1024);
  const t0 = Date.UTC(2026, 10, 25, 15, 0, 0);
  const saved = createRecordings(desk.db).save({
    callId, ...(opts.debtor === null ? {} : { contactId: `d-${opts.debtor ?? 0}` }), startedAt: t0, endedAt: t0 + 60_000,
    mimeType: 'audio/webm;codecs=opus', data,
  }, opts.agentId ?? AGENT1);
  return { ...saved, callId, data };
}

export const sha256Hex = (data: Buffer | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export function enqueue(desk: { db: Db; outbox: Outbox }, list: Array<{ kind: MutationKind; payload: unknown }>): Array<{ seq: number; uuid: string }> {
  return desk.db.transaction(() => list.map((m) => desk.outbox.enqueue(m.kind, m.payload, new Date().toISOString())))();
}

/** Waits until `check` holds, polling. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The server's record of one client's mutations, in seq order. */
export async function serverMutations(db: Database, clientId: string): Promise<Array<{ seq: number; id: string; kind: string; status: string }>> {
  const rows = await db.query<{ seq: number; id: string; kind: string; status: string }>(
    'select seq, mutation_id::text as id, kind, status from sync_mutations where client_id = $1 order by seq',
    [clientId],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** A fresh PostgreSQL database URL: on the run's cluster (global setup) or on one this file starts. */
export async function freshPostgresUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { inject } = await import('vitest');
  const { createDatabaseOn, startPostgres } = await import('../support/postgres');
  let provided: string | undefined;
  try {
    provided = ((inject as (key: string) => unknown)('TEST_DATABASE_URL') as string | undefined) ?? process.env.TEST_DATABASE_URL;
  } catch {
    provided = process.env.TEST_DATABASE_URL;
  }
  if (provided) return { url: await createDatabaseOn(provided, 'recaudo_sync'), stop: async () => undefined };
  const cluster = await startPostgres();
  return { url: await createDatabaseOn(cluster.url(), 'recaudo_sync'), stop: () => cluster.stop() };
}

/** Spawns a tsx child and resolves on the first stdout line matching `ready`. */
export async function spawnChild(script: string, args: string[], ready: RegExp): Promise<{
  child: import('node:child_process').ChildProcess; match: RegExpExecArray; lines: string[]; waitFor: (re: RegExp, ms?: number) => Promise<RegExpExecArray>;
}> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  let err = '';
  const waiters: Array<{ re: RegExp; resolve: (m: RegExpExecArray) => void }> = [];
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        const m = w.re.exec(line);
        if (m) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
      }
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const waitFor = (re: RegExp, ms = 60_000) => new Promise<RegExpExecArray>((resolve, reject) => {
    for (const line of lines) { const m = re.exec(line); if (m) return resolve(m); }
    const t = setTimeout(() => reject(new Error(`child never printed ${re}: ${err}`)), ms);
    waiters.push({ re, resolve: (m) => { clearTimeout(t); resolve(m); } });
    child.once('exit', (code, signal) => { if (signal !== 'SIGKILL') reject(new Error(`child exited ${code}/${signal}: ${err}`)); });
  });
  const match = await waitFor(ready);
  return { child, match, lines, waitFor };
}

export function killHard(child: import('node:child_process').ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('close', () => resolve());
    child.kill('SIGKILL');
  });
}
