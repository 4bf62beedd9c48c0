/**
 * Call recordings in the user-data dir: `recordings/<debtor id or "unassigned">/<call id>.<ext>`, written to a temp
 * name and renamed so a crash never leaves half a file under the final name, then indexed in `call_recordings`
 * together with its `recording.add` outbox row, in ONE transaction: the sync uploads the bytes (by their SHA-256)
 * and pushes the mutation, never losing or doubling a recording. A file without its row (a crash between the rename
 * and the commit) is harmless garbage; a row is never written without its file. Ids are checked against a strict
 * pattern before they become path parts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Db } from '../store/open';
import { createOutbox } from '../outbox/outbox';
import { MAX_RECORDING_BYTES } from '../../../shared/api/methods/calls';
import { RecordingAdd } from '../../../shared/sync/mutations';

const SAFE_PART = /^[A-Za-z0-9_-]{1,64}$/;

export class RecordingRefusedError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number>, message: string) {
    super(message);
    this.name = 'RecordingRefusedError';
  }
}

export interface RecordingInput {
  callId: string;
  contactId?: string | undefined;
  startedAt: number;
  endedAt: number;
  mimeType: string;
  data: Buffer;
}

export interface SavedRecording {
  file: string;
  bytes: number;
  sha256: string;
  /** The same recording was saved before (a retried save): nothing new was written or queued. */
  duplicate: boolean;
}

/** Where recordings live: beside the store file (the desk's user-data dir). */
export function recordingsDirOf(db: Db): string {
  return join(dirname(db.name), 'recordings');
}

const sha256Of = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export function createRecordings(db: Db, dir = recordingsDirOf(db), now: () => Date = () => new Date()) {
  const outbox = createOutbox(db);
  const insert = db.prepare(`INSERT INTO call_recordings (call_id, debtor_id, agent_id, file, bytes, mime_type, started_at, ended_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const existing = db.prepare('SELECT file, bytes FROM call_recordings WHERE call_id = ?');
  return {
    save(r: RecordingInput, agentId: string): SavedRecording {
      for (const [field, v] of [['callId', r.callId], ['contactId', r.contactId ?? 'unassigned']] as const) {
        if (!SAFE_PART.test(v)) throw new RecordingRefusedError('calls.error.recordingId', { field }, `unsafe ${field} for a file name`);
      }
      if (r.data.byteLength === 0) throw new RecordingRefusedError('calls.error.recordingEmpty', {}, 'empty recording');
      if (r.data.byteLength > MAX_RECORDING_BYTES) {
        throw new RecordingRefusedError('calls.error.recordingTooLarge', { maxMb: MAX_RECORDING_BYTES / 1024 / 1024 }, 'recording too large');
      }
      if (r.endedAt < r.startedAt) throw new RecordingRefusedError('calls.error.recordingTimes', {}, 'recording ends before it starts');
      const sha256 = sha256Of(r.data);
      const mutation = RecordingAdd.safeParse({
        id: randomUUID(), callId: r.callId, debtorId: r.contactId ?? null, agentId, sha256, bytes: r.data.byteLength,
        mimeType: r.mimeType, startedAt: new Date(r.startedAt).toISOString(), endedAt: new Date(r.endedAt).toISOString(),
      });
      if (!mutation.success) {
        const issue = mutation.error.issues[0];
        throw new RecordingRefusedError(issue?.path[0] === 'mimeType' ? 'calls.error.recordingType' : 'calls.error.recordingInvalid',
          { field: issue?.path.join('.') ?? '' }, `recording: ${issue?.message ?? 'invalid'}`);
      }

      // One recording per call. The same bytes again (a retried save) are a no-op; other bytes would overwrite a
      // file whose hash is already queued for upload, so they are refused and the first recording is kept.
      const prior = existing.get(r.callId) as { file: string; bytes: number } | undefined;
      if (prior) {
        let same = false;
        try { same = prior.bytes === r.data.byteLength && sha256Of(readFileSync(join(dirname(dir), prior.file))) === sha256; } catch { same = false; }
        if (same) return { file: prior.file, bytes: prior.bytes, sha256, duplicate: true };
        throw new RecordingRefusedError('calls.error.recordingExists', { callId: r.callId }, `call ${r.callId} already has a recording`);
      }

      const ext = r.mimeType.startsWith('audio/ogg') ? 'ogg' : 'webm';
      const folder = join(dir, r.contactId ?? 'unassigned');
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const file = join(folder, `${r.callId}.${ext}`);
      const tmp = `${file}.part`;
      writeFileSync(tmp, r.data, { mode: 0o600 });
      renameSync(tmp, file);
      const rel = relative(dirname(dir), file);
      const v = mutation.data;
      db.transaction(() => {
        insert.run(r.callId, v.debtorId, agentId, rel, v.bytes, v.mimeType, v.startedAt, v.endedAt);
        outbox.enqueue('recording.add', v, now().toISOString());
      })();
      return { file: rel, bytes: v.bytes, sha256, duplicate: false };
    },
  };
}
