/**
 * Call recordings on the sync wire. The audio never rides a mutation: the desk uploads the bytes first,
 * content-addressed by their SHA-256 (`PUT /api/v1/sync/recordings/<sha256>?bytes=N`, idempotent), then pushes a
 * `recording.add` mutation naming that hash; the server links blob ↔ call ↔ agent ↔ debtor when it applies it.
 */
import { z } from 'zod';
import { MAX_RECORDING_BYTES } from '../api/methods/calls';

export { MAX_RECORDING_BYTES };

/** Lower-case hex SHA-256 of the recording's bytes: its name on the server. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256: 64 lower-case hex digits');

/** What the desk's recorder produces (Opus in WebM or Ogg) and the server accepts, the same rule as calls.saveRecording. */
export const RECORDING_MIME_RE = /^audio\/(webm|ogg)(;\s*codecs="?opus"?)?$/;
export const RecordingMime = z.string().max(64).regex(RECORDING_MIME_RE, 'audio/webm or audio/ogg (Opus)');

export const RecordingBytes = z.number().int().min(1).max(MAX_RECORDING_BYTES);

export const recordingRoutes = {
  /** PUT the bytes (body = the audio, Content-Type = its mime, `?bytes=` its size); GET = does the server hold it. */
  blob: { path: '/api/v1/sync/recordings/:sha256' },
  /** A lead/admin (or the agent who made it) listens: streams the audio of a call's recording. */
  read: { method: 'GET', path: '/api/v1/recordings/:callId' },
} as const;

export const recordingBlobPath = (sha256: string): string => `/api/v1/sync/recordings/${sha256}`;
export const recordingReadPath = (callId: string): string => `/api/v1/recordings/${encodeURIComponent(callId)}`;

export const RecordingBlobParams = z.object({ sha256: Sha256Hex }).strict();
export const RecordingBlobQuery = z.object({ bytes: z.coerce.number().int().min(1) }).strict();

/** The server holds this blob (answer to the PUT and to the GET check). `stored`: written by this request. */
export const RecordingBlobInfo = z.object({
  sha256: Sha256Hex,
  bytes: RecordingBytes,
  mimeType: z.string(),
  stored: z.boolean(),
});
export type RecordingBlobInfo = z.infer<typeof RecordingBlobInfo>;

/** The i18n keys of the blob route's errors (es/en wording with the other `errors.*` keys). */
export const RECORDING_BLOB_ERRORS = {
  hashMismatch: 'errors.sync.recordingHashMismatch',
  sizeMismatch: 'errors.sync.recordingSizeMismatch',
  tooLarge: 'errors.sync.recordingTooLarge',
  mimeRefused: 'errors.sync.recordingMimeRefused',
} as const;
