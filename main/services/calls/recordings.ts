/**
 * Call recordings in the user-data dir: `recordings/<debtor id or "unassigned">/<call id>.<ext>`, written to a temp
 * name and renamed so a crash never leaves half a file under the final name, and indexed in `call_recordings` for
 * the sync to upload. Ids are checked against a strict pattern before they become path parts.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Db } from '../store/open';
import { MAX_RECORDING_BYTES } from '../../../shared/api/methods/calls';

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

/** Where recordings live: beside the store file (the desk's user-data dir). */
export function recordingsDirOf(db: Db): string {
  return join(dirname(db.name), 'recordings');
}

export function createRecordings(db: Db, dir = recordingsDirOf(db)) {
  const insert = db.prepare(`INSERT INTO call_recordings (call_id, debtor_id, agent_id, file, bytes, mime_type, started_at, ended_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(call_id) DO UPDATE SET file = excluded.file, bytes = excluded.bytes,
    debtor_id = excluded.debtor_id, ended_at = excluded.ended_at`);
  return {
    save(r: RecordingInput, agentId: string): { file: string; bytes: number } {
      for (const [field, v] of [['callId', r.callId], ['contactId', r.contactId ?? 'unassigned']] as const) {
        if (!SAFE_PART.test(v)) throw new RecordingRefusedError('calls.error.recordingId', { field }, `unsafe ${field} for a file name`);
      }
      if (r.data.byteLength === 0) throw new RecordingRefusedError('calls.error.recordingEmpty', {}, 'empty recording');
      if (r.data.byteLength > MAX_RECORDING_BYTES) {
        throw new RecordingRefusedError('calls.error.recordingTooLarge', { maxMb: MAX_RECORDING_BYTES / 1024 / 1024 }, 'recording too large');
      }
      if (r.endedAt < r.startedAt) throw new RecordingRefusedError('calls.error.recordingTimes', {}, 'recording ends before it starts');
      const ext = r.mimeType.startsWith('audio/ogg') ? 'ogg' : 'webm';
      const folder = join(dir, r.contactId ?? 'unassigned');
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const file = join(folder, `${r.callId}.${ext}`);
      const tmp = `${file}.part`;
      writeFileSync(tmp, r.data, { mode: 0o600 });
      renameSync(tmp, file);
      const rel = relative(dirname(dir), file);
      insert.run(r.callId, r.contactId ?? null, agentId, rel, r.data.byteLength, r.mimeType,
        new Date(r.startedAt).toISOString(), new Date(r.endedAt).toISOString());
      return { file: rel, bytes: r.data.byteLength };
    },
  };
}
