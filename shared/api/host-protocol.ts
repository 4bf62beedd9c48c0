/**
 * The browser host's wire protocol: the renderer ↔ host WebSocket that carries the same contract as Electron's
 * IPC. Validated on both ends.
 */
import { z } from 'zod';
import { ApiErrorData } from './errors';

export const HostClientMessage = z.discriminatedUnion('type', [
  /** First message: the one-time launch token from the URL, or the resume secret of an earlier connection. */
  z.object({ type: z.literal('auth'), token: z.string().min(16).max(128).optional(), resume: z.string().min(16).max(128).optional() }),
  z.object({ type: z.literal('call'), id: z.number().int().nonnegative(), channel: z.string().max(100), input: z.unknown() }),
]);
export type HostClientMessage = z.infer<typeof HostClientMessage>;

export const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorData }),
]);

export const HostServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('authed'), resume: z.string() }),
  z.object({ type: z.literal('auth_failed'), reason: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int(), envelope: EnvelopeSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type HostServerMessage = z.infer<typeof HostServerMessage>;

/** Where the launch token travels: the URL fragment (never sent to a server, stripped by the page at once). */
export const LAUNCH_TOKEN_PARAM = 'launch';
export const BRIDGE_PATH = '/bridge';
