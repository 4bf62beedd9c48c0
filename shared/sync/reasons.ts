/**
 * Why the server refused a mutation: an i18n key + params, so the agent reads it in their language, with the
 * es/en wording here (the renderer adds these to its i18next resources; tests check both exist).
 */
import { z } from 'zod';

export const REFUSAL_KEYS = [
  'sync.refused.invalidPayload',
  'sync.refused.unknownKind',
  'sync.refused.notAssigned',
  'sync.refused.wrongAgent',
  'sync.refused.unknownEntity',
  'sync.refused.currencyMismatch',
  'sync.refused.policyChanged',
  'sync.refused.accountClosed',
  'sync.refused.idReused',
  'sync.refused.recordingNotUploaded',
  'sync.refused.recordingConflict',
  'sync.refused.callNotYours',
  'sync.refused.recordingFileMissing',
  'sync.refused.recordingFileCorrupt',
] as const;
export const RefusalKey = z.enum(REFUSAL_KEYS);
export type RefusalKey = z.infer<typeof RefusalKey>;

export const Refusal = z.object({
  key: RefusalKey,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).default({}),
  /** English, for logs. */
  message: z.string(),
});
export type Refusal = z.infer<typeof Refusal>;

export const refusalMessages: Record<'es' | 'en', Record<RefusalKey, string>> = {
  es: {
    'sync.refused.invalidPayload': 'El servidor rechazó el registro ({{kind}}): dato inválido en «{{field}}» ({{reason}}).',
    'sync.refused.unknownKind': 'El servidor no reconoce este tipo de registro ({{kind}}); actualice Recaudo.',
    'sync.refused.notAssigned': 'La cuenta {{entity}} ya no está asignada a usted; el registro no se aplicó.',
    'sync.refused.wrongAgent': 'Este registro pertenece a otro agente ({{agentId}}).',
    'sync.refused.unknownEntity': 'No existe en el servidor: {{entity}}.',
    'sync.refused.currencyMismatch': 'La moneda de la promesa ({{currency}}) no es la de la cuenta ({{expected}}).',
    'sync.refused.policyChanged': 'La política cambió (versión {{version}} → {{current}}); vuelva a calcular la oferta.',
    'sync.refused.accountClosed': 'La cuenta {{entity}} está {{status}}; no admite promesas.',
    'sync.refused.idReused': 'El identificador {{id}} ya se usó para otro registro.',
    'sync.refused.recordingNotUploaded': 'El audio de la grabación de la llamada {{callId}} no llegó al servidor.',
    'sync.refused.recordingConflict': 'La llamada {{callId}} ya tiene otra grabación en el servidor.',
    'sync.refused.callNotYours': 'La llamada {{callId}} pertenece a otro agente.',
    'sync.refused.recordingFileMissing': 'La grabación de la llamada {{callId}} ya no está en este equipo ({{file}}); no se pudo enviar.',
    'sync.refused.recordingFileCorrupt': 'La grabación de la llamada {{callId}} cambió o está dañada en este equipo ({{file}}); no se envió.',
  },
  en: {
    'sync.refused.invalidPayload': 'The server refused the record ({{kind}}): invalid “{{field}}” ({{reason}}).',
    'sync.refused.unknownKind': 'The server does not know this kind of record ({{kind}}); update Recaudo.',
    'sync.refused.notAssigned': 'Account {{entity}} is no longer assigned to you; the record was not applied.',
    'sync.refused.wrongAgent': 'This record belongs to another agent ({{agentId}}).',
    'sync.refused.unknownEntity': 'Not found on the server: {{entity}}.',
    'sync.refused.currencyMismatch': 'The promise currency ({{currency}}) is not the account currency ({{expected}}).',
    'sync.refused.policyChanged': 'The policy changed (version {{version}} → {{current}}); recompute the offer.',
    'sync.refused.accountClosed': 'Account {{entity}} is {{status}}; it takes no promises.',
    'sync.refused.idReused': 'The id {{id}} was already used for another record.',
    'sync.refused.recordingNotUploaded': 'The audio of the recording of call {{callId}} never reached the server.',
    'sync.refused.recordingConflict': 'Call {{callId}} already has another recording on the server.',
    'sync.refused.callNotYours': 'Call {{callId}} belongs to another agent.',
    'sync.refused.recordingFileMissing': 'The recording of call {{callId}} is no longer on this computer ({{file}}); it could not be sent.',
    'sync.refused.recordingFileCorrupt': 'The recording of call {{callId}} changed or is damaged on this computer ({{file}}); it was not sent.',
  },
};

/** Renders a refusal in a language without i18next (desk logs, tests, the main process). */
export function refusalText(r: Pick<Refusal, 'key' | 'params'>, lang: 'es' | 'en'): string {
  return refusalMessages[lang][r.key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(r.params[name] ?? ''));
}
