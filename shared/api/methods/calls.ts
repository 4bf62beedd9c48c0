import { z } from 'zod';
import { method } from '../define';
import { Id, IsoDateTime } from '../../domain/codes';

/**
 * The softphone's call events, as the engine emits them (renderer/softphone/ports.ts `CallEvent`), written to the
 * local store as the contact's call timeline together with an outbox row (sync kind `call.event`).
 */
const base = {
  /** The engine's call id (also the id the timeline groups by). */
  callId: Id,
  sipCallId: z.string().max(256),
  /** The debtor the call is about, when known (dialed from the card/queue, or screen-popped). */
  contactId: Id.optional(),
  direction: z.enum(['outgoing', 'incoming']),
  /** What was dialed, or the caller id. */
  remote: z.string().max(128),
  /** Epoch ms. */
  at: z.number().int().min(0),
};

export const CallLogEvent = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('dial') }).strict(),
  z.object({ ...base, type: z.literal('incoming') }).strict(),
  z.object({ ...base, type: z.literal('ringing') }).strict(),
  z.object({ ...base, type: z.literal('answer') }).strict(),
  z.object({ ...base, type: z.literal('decline') }).strict(),
  z.object({ ...base, type: z.literal('hold') }).strict(),
  z.object({ ...base, type: z.literal('resume') }).strict(),
  z.object({ ...base, type: z.literal('mute'), muted: z.boolean() }).strict(),
  z.object({
    ...base, type: z.literal('transfer'), kind: z.enum(['blind', 'attended']), target: z.string().max(128),
    outcome: z.enum(['requested', 'accepted', 'failed']), statusCode: z.number().int().min(100).max(699).optional(),
  }).strict(),
  z.object({ ...base, type: z.literal('recording'), state: z.enum(['started', 'stopped', 'failed']) }).strict(),
  z.object({
    ...base, type: z.literal('hangup'), by: z.enum(['local', 'remote', 'system']),
    cause: z.string().min(1).max(40), statusCode: z.number().int().min(100).max(699).optional(),
    reasonPhrase: z.string().max(200).optional(), talkSec: z.number().min(0).max(86_400),
    mos: z.number().min(1).max(5).optional(),
  }).strict(),
]);
export type CallLogEvent = z.infer<typeof CallLogEvent>;

/** One stored event of a call, as the timeline reads it. */
export const CallEventRecord = z.object({
  id: Id,
  type: z.string(),
  at: IsoDateTime,
  detail: z.record(z.string(), z.unknown()),
});

/** One call of a debtor's timeline: its events folded into what the agent reads. */
export const CallRecord = z.object({
  callId: Id,
  debtorId: Id.nullable(),
  agentId: Id,
  direction: z.enum(['outgoing', 'incoming']),
  remote: z.string(),
  startedAt: IsoDateTime,
  answeredAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
  talkSec: z.number().nullable(),
  /** The engine's end cause (`busy`, `completed`…), SIP status and who hung up; null while the call is up. */
  cause: z.string().nullable(),
  statusCode: z.number().int().nullable(),
  reasonPhrase: z.string().nullable(),
  hungUpBy: z.enum(['local', 'remote', 'system']).nullable(),
  mos: z.number().nullable(),
  recorded: z.boolean(),
  events: z.array(CallEventRecord),
});
export type CallRecord = z.infer<typeof CallRecord>;

/** Largest recording accepted: ~2 h of 32 kbit/s Opus. */
export const MAX_RECORDING_BYTES = 32 * 1024 * 1024;

export const callsMethods = {
  /** Saved (with its outbox row, in one transaction) before it resolves. Replays of the same event are ignored. */
  logEvent: method(CallLogEvent, z.object({ id: Id, duplicate: z.boolean() })),
  /** A debtor's calls, newest first. */
  history: method(z.object({ debtorId: Id, limit: z.number().int().min(1).max(200).default(50) }).strict(), z.array(CallRecord)),
  /** A finished recording (≤ MAX_RECORDING_BYTES), saved in the user-data dir under the debtor's id (or `unassigned`). */
  saveRecording: method(
    z.object({
      callId: Id,
      sipCallId: z.string().max(256),
      contactId: Id.optional(),
      startedAt: z.number().int().min(0),
      endedAt: z.number().int().min(0),
      mimeType: z.string().regex(/^audio\/(webm|ogg)(;\s*codecs="?opus"?)?$/, 'calls.error.recordingType'),
      /** Base64: both IPC and the browser host's JSON bridge carry it unchanged. */
      dataBase64: z.string().min(4, 'calls.error.recordingEmpty')
        .max(Math.ceil(MAX_RECORDING_BYTES / 3) * 4, 'calls.error.recordingTooLarge')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'calls.error.recordingEncoding'),
    }).strict(),
    z.object({ file: z.string(), bytes: z.number().int() }),
  ),
};
