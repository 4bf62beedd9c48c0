/**
 * Blob before mutation: before a batch holding `recording.add` mutations is pushed, each one's bytes go to the
 * server content-addressed by their SHA-256 (a streamed PUT; idempotent, so a retry or a duplicate is harmless).
 * The server links the blob only when it applies the mutation, and refuses the mutation if the blob is not there.
 *
 * The local file is checked against the mutation's hash and size first. Missing or changed → a local reason
 * (`recordingFileMissing` / `recordingFileCorrupt`): the mutation is still pushed, so its wire seq is consumed and
 * the rest of the batch goes on; the server refuses it (no blob) and the desk keeps it, refused, with the local
 * reason — clearer to the agent than "never reached the server". Network trouble throws (the engine's backoff
 * retries the whole run); a file that cannot be read right now (locked) cuts the batch just before it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { ApiErrorData } from '../../../shared/api/errors';
import { RecordingAdd, type MutationPayload } from '../../../shared/sync/mutations';
import { refusalText, type Refusal, type RefusalKey } from '../../../shared/sync/reasons';
import { RecordingBlobInfo, recordingBlobPath } from '../../../shared/sync/recordings';
import { ServerRefusedError, ServerUnavailableError, SessionExpiredError } from '../http/errors';
import type { Db } from '../store/open';

export interface RecordingUploaderOptions {
  db: Db;
  baseUrl: () => string;
  fetch?: typeof fetch;
  /** Base timeout; an upload adds time for its size. */
  timeoutMs: number;
  /** Where `call_recordings.file` paths start (the store's dir). */
  dataDir?: string;
}

/** One recording in the batch being prepared: its position and its payload as stored in the outbox. */
export interface PendingRecording {
  index: number;
  payload: unknown;
}

export interface PreparedRecordings {
  /** Local reasons by batch position, for mutations whose file is gone or changed (stored if the server refuses). */
  localRefusals: Map<number, Refusal>;
  /** Push only the mutations before this position (a file that cannot be read now); null = all. */
  cutAt: number | null;
  uploaded: number;
}

/** Lowest rate an upload is given time for (bytes per ms ≈ 32 kB/s), on top of the base timeout. */
const MIN_BYTES_PER_MS = 32;

function localRefusal(key: RefusalKey, params: Record<string, string>): Refusal {
  return { key, params, message: refusalText({ key, params }, 'en') };
}

/** SHA-256 and size of a file, streamed (≤ 32 MB, read once more for the upload: the OS cache serves it). */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export function createRecordingUploader(opts: RecordingUploaderOptions) {
  const { db } = opts;
  const doFetch = opts.fetch ?? fetch;
  const dataDir = opts.dataDir ?? dirname(db.name);
  const fileOf = db.prepare('SELECT file FROM call_recordings WHERE call_id = ?').pluck();
  const markUploaded = db.prepare('UPDATE call_recordings SET uploaded_at = ? WHERE call_id = ? AND uploaded_at IS NULL');
  // Blobs the server said it holds, this session: a retried push does not ask again.
  const held = new Set<string>();

  async function send(token: string, method: 'GET' | 'PUT', rec: MutationPayload<'recording.add'>, path?: string): Promise<RecordingBlobInfo | null> {
    const base = opts.baseUrl().replace(/\/+$/, '');
    const url = new URL(base + recordingBlobPath(rec.sha256));
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    let init: RequestInit & { duplex?: 'half' } = { method, headers };
    if (method === 'PUT') {
      url.searchParams.set('bytes', String(rec.bytes));
      headers['content-type'] = rec.mimeType;
      // No Content-Length: fetch implementations (Electron's net.fetch) refuse to set it; the size rides `?bytes=`
      // and the body goes chunked.
      init = {
        ...init,
        body: Readable.toWeb(createReadStream(path!)) as ReadableStream<Uint8Array>,
        duplex: 'half',
        signal: AbortSignal.timeout(Math.ceil(opts.timeoutMs + rec.bytes / MIN_BYTES_PER_MS)),
      };
    } else {
      init.signal = AbortSignal.timeout(opts.timeoutMs);
    }
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, init);
      text = await res.text();
    } catch (err) {
      throw new ServerUnavailableError(base, err);
    }
    let json: unknown = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (res.status === 401) {
      const parsed = ApiErrorData.safeParse(json);
      throw new SessionExpiredError(parsed.success ? parsed.data : null);
    }
    if (res.status >= 500) throw new ServerUnavailableError(base, new Error(`HTTP ${res.status}`));
    if (method === 'GET' && res.status === 404) {
      const parsed = ApiErrorData.safeParse(json);
      // An older server without the route answers "unknown route": it cannot take recordings; nothing to upload.
      if (parsed.success && parsed.data.key === 'errors.unknownRoute') throw new ServerRefusedError(404, parsed.data);
      return null;
    }
    if (!res.ok) {
      const parsed = ApiErrorData.safeParse(json);
      throw new ServerRefusedError(res.status, parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${res.status}` });
    }
    const info = RecordingBlobInfo.safeParse(json);
    // A 2xx cut short or garbled: try again later.
    if (!info.success || info.data.sha256 !== rec.sha256) throw new ServerUnavailableError(base, new Error('bad recording answer'));
    return info.data;
  }

  return {
    /** Uploads what the batch's recordings need; see PreparedRecordings. */
    async prepare(token: string, recordings: readonly PendingRecording[]): Promise<PreparedRecordings> {
      const localRefusals = new Map<number, Refusal>();
      let uploaded = 0;
      for (const { index, payload } of recordings) {
        const parsed = RecordingAdd.safeParse(payload);
        if (!parsed.success) continue; // the server refuses it with the field named
        const rec = parsed.data;
        if (held.has(rec.sha256)) continue;
        const rel = fileOf.get(rec.callId) as string | undefined;
        if (!rel) {
          localRefusals.set(index, localRefusal('sync.refused.recordingFileMissing', { callId: rec.callId, file: '-' }));
          continue;
        }
        const path = resolve(dataDir, rel);
        let local: { sha256: string; bytes: number };
        try {
          local = await hashFile(path);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            localRefusals.set(index, localRefusal('sync.refused.recordingFileMissing', { callId: rec.callId, file: rel }));
            continue;
          }
          // Locked or unreadable for now (antivirus, permissions): what comes before it goes; it waits for a retry.
          return { localRefusals, cutAt: index, uploaded };
        }
        if (local.sha256 !== rec.sha256 || local.bytes !== rec.bytes) {
          localRefusals.set(index, localRefusal('sync.refused.recordingFileCorrupt', { callId: rec.callId, file: rel }));
          continue;
        }
        try {
          if (!(await send(token, 'GET', rec))) {
            await send(token, 'PUT', rec, path);
            uploaded++;
          }
          held.add(rec.sha256);
        } catch (err) {
          // The server will not take these bytes (size, type, a hash that changed on the way): the mutation goes
          // anyway and is refused with the server's reason; anything else (network, 5xx) is retried with backoff.
          if (err instanceof ServerRefusedError && err.status !== 422) continue;
          if (err instanceof ServerRefusedError) throw new ServerUnavailableError(opts.baseUrl(), err);
          throw err;
        }
      }
      return { localRefusals, cutAt: null, uploaded };
    },
    /** The server applied these recordings: they are uploaded. */
    acknowledged(callIds: readonly string[], at: string): void {
      for (const id of callIds) markUploaded.run(at, id);
    },
  };
}
export type RecordingUploader = ReturnType<typeof createRecordingUploader>;
