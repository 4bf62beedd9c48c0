/**
 * Recording blobs, content-addressed: `PUT /api/v1/sync/recordings/<sha256>?bytes=N` with the audio as the body
 * (Content-Type its mime) stores it once, whoever sends it and however often; `GET` on the same path says whether
 * the server holds it (the desk asks before uploading again). The body is streamed: the SHA-256 and the byte count
 * are checked as it arrives, a body longer than announced is cut off at once, and nothing is written unless the
 * whole body arrived and matches — a connection cut mid-body, a tampered or truncated body stores nothing. The
 * bytes go into the database in 1 MB pieces (server/recordings/blob-store.ts).
 * The `recording.add` mutation (apply.ts) links a stored blob to its call.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ApiError, type ApiErrorData } from '../../shared/api/errors';
import {
  MAX_RECORDING_BYTES, RECORDING_BLOB_ERRORS, RECORDING_MIME_RE, RecordingBlobParams, RecordingBlobQuery, recordingRoutes,
  type RecordingBlobInfo,
} from '../../shared/sync/recordings';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/port';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import { storeBlob } from '../recordings/blob-store';

/**
 * Deletes blobs no recording links that are older than `olderThanDays`: uploads whose `recording.add` was refused
 * (another agent's call, a debtor reassigned away) or never came. The window is long, so a desk that uploaded and
 * then stayed offline still finds its blob; if one was swept anyway, the desk's next push asks, finds it missing
 * and uploads it again (and the foreign key refuses a link to a blob swept mid-push: the push is retried).
 */
export async function sweepUnlinkedBlobs(db: Database, opts: { olderThanDays: number }): Promise<number> {
  // Their pieces go with them (on delete cascade).
  const rows = await db.query(
    `delete from recording_blobs b
      where b.created_at < now() - make_interval(days => $1::int)
        and not exists (select 1 from recordings r where r.sha256 = b.sha256)
      returning sha256`,
    [opts.olderThanDays],
  );
  return rows.length;
}

/** How long an unlinked blob is kept, and how often the sweep runs on each instance. */
export const UNLINKED_BLOB_DAYS = 30;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export interface RecordingBlobRoutesOptions {
  db: Database;
  keys: readonly Buffer[];
  /** Largest blob accepted (MAX_RECORDING_BYTES; tests lower it). */
  maxBytes?: number;
  /** Sweep of unlinked blobs, ms between runs (0 = off). Every instance may run it: the delete is idempotent. */
  sweepEveryMs?: number;
}

/** A refusal with its own HTTP status (413, 415, 422) in the API's one error shape. */
function refuse(reply: FastifyReply, status: number, body: ApiErrorData, close = false): FastifyReply {
  // The rest of a refused body is not worth reading: the connection closes after the answer.
  if (close) reply.header('connection', 'close');
  return reply.status(status).send(body);
}

export const recordingBlobRoutes: FastifyPluginAsync<RecordingBlobRoutesOptions> = async (app, opts) => {
  const { db, keys } = opts;
  const maxBytes = opts.maxBytes ?? MAX_RECORDING_BYTES;
  // Encapsulated here: the body reaches the handler as the raw stream (never buffered by a parser).
  const every = opts.sweepEveryMs ?? SWEEP_EVERY_MS;
  if (every > 0) {
    const timer = setInterval(() => {
      sweepUnlinkedBlobs(db, { olderThanDays: UNLINKED_BLOB_DAYS })
        .then((n) => { if (n) app.log.info({ blobs: n }, 'unlinked recording blobs swept'); })
        .catch((err: unknown) => app.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'recording blob sweep failed'));
    }, every);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  const find = async (sha256: string): Promise<RecordingBlobInfo | null> => {
    const [row] = await db.query<{ sha256: string; bytes: number; mime_type: string }>(
      'select sha256, bytes, mime_type from recording_blobs where sha256 = $1', [sha256],
    );
    return row ? { sha256: row.sha256, bytes: Number(row.bytes), mimeType: row.mime_type, stored: false } : null;
  };

  app.get(recordingRoutes.blob.path, async (request) => {
    await authenticate(request, db, keys);
    const { sha256 } = validate(RecordingBlobParams, request.params, 'recording');
    const info = await find(sha256);
    if (!info) throw notFound('recording', { sha256 });
    return info;
  });

  app.put(recordingRoutes.blob.path, async (request, reply) => {
    const user = await authenticate(request, db, keys);
    const { sha256 } = validate(RecordingBlobParams, request.params, 'recording');
    const { bytes } = validate(RecordingBlobQuery, request.query, 'recording');
    if (bytes > maxBytes) {
      return refuse(reply, 413, {
        code: 'invalid_input', message: `recording of ${bytes} bytes exceeds the ${maxBytes}-byte limit`,
        key: RECORDING_BLOB_ERRORS.tooLarge, params: { bytes, maxMb: Math.floor(maxBytes / 1024 / 1024) },
      }, true);
    }
    const mime = String(request.headers['content-type'] ?? '').trim();
    if (!RECORDING_MIME_RE.test(mime)) {
      return refuse(reply, 415, {
        code: 'invalid_input', message: `recording type ${mime || '(none)'} is not accepted: send audio/webm or audio/ogg (Opus)`,
        key: RECORDING_BLOB_ERRORS.mimeRefused, params: { mimeType: mime.slice(0, 64) },
      }, true);
    }
    const sizeMismatch = (received: number): ApiErrorData => ({
      code: 'invalid_input', message: `recording body is ${received} bytes, announced ${bytes}`,
      key: RECORDING_BLOB_ERRORS.sizeMismatch, params: { received, expected: bytes },
    });
    const declared = request.headers['content-length'];
    if (declared !== undefined && Number(declared) !== bytes) return refuse(reply, 400, sizeMismatch(Number(declared)), true);
    const body = request.body as Readable | undefined;
    if (!body) return refuse(reply, 400, sizeMismatch(0));

    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let received = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > bytes) return refuse(reply, 400, sizeMismatch(received), true);
        hash.update(chunk);
        chunks.push(chunk);
      }
    } catch {
      // The connection died mid-body: nothing was stored, and nobody is left to read an answer.
      throw new ApiError({ code: 'invalid_input', message: 'recording body cut short', key: RECORDING_BLOB_ERRORS.sizeMismatch, params: { received, expected: bytes } });
    }
    if (received !== bytes) return refuse(reply, 400, sizeMismatch(received));
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      return refuse(reply, 422, {
        code: 'blocked', message: `recording bytes hash to ${actual}, not ${sha256}`,
        key: RECORDING_BLOB_ERRORS.hashMismatch, params: { expected: sha256, actual },
      });
    }
    // Written in pieces from the received chunks (never joined into one buffer), which are released as they go.
    // Two uploads of one blob at once (a duplicated request, two desks): the primary key keeps one.
    const stored = await storeBlob(db, { sha256, bytes, mimeType: mime, uploadedBy: user.id, parts: chunks });
    const info: RecordingBlobInfo = { sha256, bytes, mimeType: mime, stored };
    return reply.status(info.stored ? 201 : 200).send(info);
  });
};
