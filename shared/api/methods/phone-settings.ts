import { z } from 'zod';
import { method } from '../define';

/**
 * The agent's softphone account on this desk, kept in the encrypted store. Every zod message is an i18n key
 * (`phoneSetup.error.*`) so the settings form shows each refusal beside its field in the agent's language.
 */
const wsUrl = z.string().trim().min(1, 'phoneSetup.error.wsUrlRequired').max(500, 'phoneSetup.error.wsUrl')
  // ws:// or wss://, a host (name, IPv4 or [IPv6]), optional port and path; no credentials in the URL.
  .regex(/^wss?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(:\d{1,5})?(\/[^\s?#@]*)?$/, 'phoneSetup.error.wsUrl');

/** `agent1` or `agent1@pbx.example.com`: the user part a SIP URI may carry unescaped. */
const sipUser = z.string().trim().min(1, 'phoneSetup.error.sipUserRequired').max(128, 'phoneSetup.error.sipUser')
  .regex(/^[A-Za-z0-9_.!~*'()&=+$,;?/-]+(@[A-Za-z0-9.-]+(:\d{1,5})?)?$/, 'phoneSetup.error.sipUser');

const iceUrl = z.string().trim().regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'phoneSetup.error.iceUrl');
export const IceServer = z.object({
  urls: z.array(iceUrl).min(1, 'phoneSetup.error.iceUrl').max(8),
  username: z.string().max(256).optional(),
  credential: z.string().max(256).optional(),
}).strict();

export const DtmfMode = z.enum(['rfc4733', 'info']);

const fields = {
  wsUrl,
  sipUser,
  /** Digest user when it differs from the SIP user (some PBXs). */
  authorizationUser: z.string().trim().max(128, 'phoneSetup.error.authUser').optional(),
  displayName: z.string().trim().max(64, 'phoneSetup.error.displayName').regex(/^[^"\\\r\n]*$/, 'phoneSetup.error.displayName'),
  iceServers: z.array(IceServer).max(4, 'phoneSetup.error.iceServers'),
  dtmfMode: DtmfMode,
  autoRecord: z.boolean(),
};

/** What the form sends. `password` omitted = keep the saved one (the form never holds it after saving). */
export const PhoneSettingsInput = z.object({
  ...fields,
  password: z.string().min(1, 'phoneSetup.error.passwordRequired').max(256, 'phoneSetup.error.password').optional(),
}).strict();
export type PhoneSettingsInput = z.infer<typeof PhoneSettingsInput>;

/** What the renderer's form reads back: never the password, only whether one is saved. */
export const PhoneSettingsView = z.object({
  ...fields,
  hasPassword: z.boolean(),
});
export type PhoneSettingsView = z.infer<typeof PhoneSettingsView>;

/** The engine bootstrap's read: the saved account including the password (see docs in main/services/calls). */
export const PhoneCredentials = z.object({ ...fields, password: z.string().min(1) });
export type PhoneCredentials = z.infer<typeof PhoneCredentials>;

export const phoneSettingsMethods = {
  /** null when this desk has no phone configured. */
  get: method(z.object({}).strict(), PhoneSettingsView.nullable()),
  /** Validated field by field; the first save must carry a password. Emits nothing: the renderer restarts its engine. */
  save: method(PhoneSettingsInput, PhoneSettingsView),
  clear: method(z.object({}).strict(), z.object({ ok: z.literal(true) })),
  /**
   * The account with its password, for the softphone bootstrap only (after login). The renderer must hold the
   * password to answer the PBX's digest challenge, so it has to cross once per engine start; the form never
   * asks for it, and nothing in the renderer stores it outside the engine.
   */
  credentials: method(z.object({}).strict(), PhoneCredentials.nullable()),
};
