/**
 * The sync routes: POST /api/v1/sync/push, GET /api/v1/sync/pull, GET /api/v1/sync/live (WebSocket), and
 * PUT/GET /api/v1/sync/recordings/<sha256> (recording blobs, recording-blobs.ts).
 * Stateless: everything lives in the database, so any instance serves any desk; instances wake each other
 * through the change hub (LISTEN/NOTIFY on PostgreSQL).
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { PullQuery, PushRequest, syncRoutes as paths, type LiveMessage } from '../../shared/sync/wire';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/port';
import { validate } from '../http/validate';
import { applyBatch, type ApplyHooks } from './apply';
import { createChangeHub, type ChangeHub } from './hub';
import { highWater, pullPageJson } from './pull';
import { recordingBlobRoutes } from './recording-blobs';

export interface SyncRoutesOptions {
  db: Database;
  /** The token verifying keys (ServerContext.keys). */
  keys: readonly Buffer[];
  /** Shared hub; by default one per plugin, closed with the app. */
  hub?: ChangeHub;
  /** PostgreSQL URL for LISTEN (scale-out wake-ups); PGlite needs none. */
  databaseUrl?: string | undefined;
  /** Test hooks (kill -9 mid-transaction). */
  hooks?: ApplyHooks;
  /** Keep-alive ping on live sockets, ms. */
  pingMs?: number;
  /** Largest recording blob accepted (MAX_RECORDING_BYTES by default). */
  maxRecordingBytes?: number;
}

export const syncRoutes: FastifyPluginAsync<SyncRoutesOptions> = async (app: FastifyInstance, opts) => {
  const { db, keys } = opts;
  const hub = opts.hub ?? createChangeHub({ db, databaseUrl: opts.databaseUrl, log: (msg, err) => app.log.warn({ err }, msg) });
  if (!opts.hub) app.addHook('onClose', async () => hub.close());
  if (!app.hasDecorator('websocketServer')) await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // Recording bytes, uploaded before the `recording.add` that names them (their own body parsing, encapsulated).
  await app.register(recordingBlobRoutes, { db, keys, ...(opts.maxRecordingBytes ? { maxBytes: opts.maxRecordingBytes } : {}) });

  app.post(paths.push.path, async (request) => {
    const user = await authenticate(request, db, keys);
    const body = validate(PushRequest, request.body, 'sync push');
    const res = await applyBatch(db, user, body, opts.hooks);
    if (res.results.some((r) => r.outcome === 'applied')) hub.changed();
    return res;
  });

  app.get(paths.pull.path, async (request, reply) => {
    const user = await authenticate(request, db, keys);
    const q = validate(PullQuery, request.query, 'sync pull');
    const body = await pullPageJson(db, user, { cursor: q.cursor, limit: q.limit });
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get(
    paths.live.path,
    {
      websocket: true,
      // Refused before the upgrade: a socket is only opened for a valid token.
      preValidation: async (request) => {
        await authenticate(request, db, keys);
      },
    },
    (socket) => {
      const send = (m: LiveMessage) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
      };
      const off = hub.subscribe((seq) => send({ type: 'changed', seq }));
      const ping = setInterval(() => { if (socket.readyState === socket.OPEN) socket.ping(); }, opts.pingMs ?? 25_000);
      ping.unref();
      socket.on('close', () => { off(); clearInterval(ping); });
      socket.on('error', () => { off(); clearInterval(ping); });
      socket.on('message', () => undefined);
      void highWater(db).then((seq) => send({ type: 'hello', seq })).catch(() => undefined);
    },
  );
};
