/**
 * What a desk pushes: one mutation per agent action, each with a per-client sequence number (`seq`, contiguous
 * from 1 for a client id) and a UUID. Every payload names the agent who made it (`agentId`): a desk shared by
 * two agents keeps one client id per agent, and the server binds each client id to one authenticated agent.
 */
import { z } from 'zod';
import { E164, Id, IsoDate, IsoDateTime, AmountMinor, CurrencyCode, TimeZone } from '../domain/codes';
import { Callback, Contact, Note, PhoneStatus, PromiseToPay } from '../domain/portfolio';
import { RecordingBytes, RecordingMime, Sha256Hex } from './recordings';

export const MUTATION_KINDS = [
  'note.add',
  'contact.add',
  'promise.add',
  'callback.add',
  'phone.mark',
  'audit.append',
  'call.event',
  'recording.add',
] as const;
export const MutationKind = z.enum(MUTATION_KINDS);
export type MutationKind = z.infer<typeof MutationKind>;

export const NoteAdd = Note.strict();
export const ContactAdd = Contact.strict();
/** A promise as the agent made it: always `pending`; the server owns its later status (kept/broken). */
export const PromiseAdd = PromiseToPay.extend({
  status: z.literal('pending'),
  amountMinor: AmountMinor.refine((n) => n > 0, 'a promise is a positive amount'),
  currency: CurrencyCode,
  dueDate: IsoDate,
  /** The policy version the offer was computed under; a newer version on the server refuses the promise. */
  policyId: Id.nullable().optional(),
  policyVersion: z.number().int().min(1).nullable().optional(),
}).strict();
export const CallbackAdd = Callback.extend({ status: z.literal('pending'), timeZone: TimeZone }).strict();
export const PhoneMark = z.object({
  /** A fresh id for this marking (the phone's own id is `phoneId`). */
  id: Id,
  phoneId: Id,
  debtorId: Id,
  e164: E164,
  agentId: Id,
  status: PhoneStatus,
  at: IsoDateTime,
}).strict();
export const AuditAppend = z.object({
  id: Id,
  agentId: Id,
  at: IsoDateTime,
  action: z.string().min(1).max(64),
  subject: z.string().max(128).nullable(),
  detail: z.record(z.string(), z.unknown()),
}).strict();
/** Softphone call events (dialed, answered, held, ended…), kept for KPIs and compliance frequency caps. */
export const CallEvent = z.object({
  id: Id,
  agentId: Id,
  callId: Id,
  debtorId: Id.nullable(),
  phoneE164: E164.nullable(),
  event: z.enum(['dialed', 'ringing', 'answered', 'held', 'resumed', 'transferred', 'ended', 'failed']),
  at: IsoDateTime,
  detail: z.record(z.string(), z.unknown()).default({}),
}).strict();

/**
 * A call recording the desk saved (shared/sync/recordings): which call, whose, and the SHA-256 + size of the bytes
 * uploaded before this mutation is pushed. No audio here; the server links the blob when it applies it.
 */
export const RecordingAdd = z.object({
  /** This recording's id (a UUID). */
  id: Id,
  callId: Id,
  /** The debtor the call was about; null for a call from an unknown number. */
  debtorId: Id.nullable(),
  agentId: Id,
  sha256: Sha256Hex,
  bytes: RecordingBytes,
  mimeType: RecordingMime,
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
}).strict().refine((r) => r.endedAt >= r.startedAt, { path: ['endedAt'], message: 'a recording ends after it starts' });

export const payloadSchemas = {
  'note.add': NoteAdd,
  'contact.add': ContactAdd,
  'promise.add': PromiseAdd,
  'callback.add': CallbackAdd,
  'phone.mark': PhoneMark,
  'audit.append': AuditAppend,
  'call.event': CallEvent,
  'recording.add': RecordingAdd,
} as const satisfies Record<MutationKind, z.ZodType>;

export type MutationPayload<K extends MutationKind> = z.output<(typeof payloadSchemas)[K]>;

/**
 * One mutation on the wire. The payload is checked per kind on the server one mutation at a time (a bad one is
 * refused with a reason and the rest of the batch goes on); the envelope is checked for the whole batch.
 */
export const WireMutation = z.object({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  id: z.uuid(),
  kind: z.string().min(1).max(32),
  payload: z.unknown(),
  createdAt: IsoDateTime,
}).strict();
export type WireMutation = z.infer<typeof WireMutation>;

/** Parses a payload by its kind: the one place both sides agree what each mutation carries. */
export function parsePayload(kind: string, payload: unknown):
  | { ok: true; kind: MutationKind; value: MutationPayload<MutationKind> }
  | { ok: false; unknownKind: boolean; error?: z.ZodError } {
  const k = MutationKind.safeParse(kind);
  if (!k.success) return { ok: false, unknownKind: true };
  const parsed = payloadSchemas[k.data].safeParse(payload);
  if (!parsed.success) return { ok: false, unknownKind: false, error: parsed.error };
  return { ok: true, kind: k.data, value: parsed.data as MutationPayload<MutationKind> };
}

/** Who made a mutation, read before the kind's schema runs (the desk routes a row to its agent's client id). */
export function authorOf(payload: unknown): string | null {
  const a = (payload as { agentId?: unknown } | null)?.agentId;
  return typeof a === 'string' && a.length > 0 ? a : null;
}
