/**
 * es/en text for every reason code and rule error. Templates use i18next's {{param}} syntax; the renderer can
 * load `complianceMessages[lang]` under the `compliance` namespace, or call `formatReason` directly, which also
 * names weekdays and channels and formats the next allowed moment in the debtor's zone.
 */
import { DateTime } from 'luxon';
import type { Decision, Reason, ReasonCode } from './check';
import type { ComplianceRuleError } from './overrides';

export type Lang = 'es' | 'en';

export const reasonMessages: Record<Lang, Record<ReasonCode, string>> = {
  es: {
    outside_hours: 'Fuera del horario permitido en la zona del deudor ({{windows}} {{zone}}); allí son las {{localTime}}.',
    day_not_allowed: 'No se permite contactar los {{weekdayName}} en la zona del deudor ({{zone}}).',
    holiday: 'Hoy es festivo en la zona del deudor: {{name}} ({{date}}). No se permite contactar.',
    frequency_cap: 'Se alcanzó el límite de {{max}} contactos ({{channels}}) en {{windowDays}} días (regla {{ruleId}}).',
    channels_per_window: 'Ya se usó otro canal ({{channelsUsed}}) en los últimos {{windowDays}} días; solo se permite {{max}} canal por semana (regla {{ruleId}}).',
    min_gap: 'Debe haber al menos {{minDays}} días entre estos mensajes; el último fue el {{lastDate}} (regla {{ruleId}}).',
    after_conversation: 'Hubo una conversación el {{conversationDate}}: no se permiten llamadas durante {{days}} días (regla {{ruleId}}).',
    inconvenient_time: 'El deudor indicó que este horario no le conviene ({{windows}} {{zone}}).',
    stop_flag: 'Contacto bloqueado: {{flagName}}.',
    channel_refused_by_debtor: 'El deudor pidió no ser contactado por {{channelName}}.',
    channel_not_authorized: 'El deudor no autorizó el canal {{channelName}}.',
    number_do_not_call: 'El número {{phone}} está marcado como «no llamar».',
    no_rules_for_country: 'No hay reglas de cumplimiento para el país {{country}}; no se permite contactar.',
    override_invalid: 'La excepción no es válida: falta o no sirve el campo «{{field}}» (se requiere un supervisor y un motivo).',
    override_not_permitted: 'Este bloqueo no admite excepciones, ni siquiera de un supervisor.',
  },
  en: {
    outside_hours: "Outside the allowed hours in the debtor's zone ({{windows}} {{zone}}); it is {{localTime}} there.",
    day_not_allowed: "Contact is not allowed on {{weekdayName}} in the debtor's zone ({{zone}}).",
    holiday: "It is a public holiday in the debtor's zone: {{name}} ({{date}}). Contact is not allowed.",
    frequency_cap: 'The limit of {{max}} contacts ({{channels}}) in {{windowDays}} days has been reached (rule {{ruleId}}).',
    channels_per_window: 'Another channel ({{channelsUsed}}) was used in the last {{windowDays}} days; only {{max}} channel a week is allowed (rule {{ruleId}}).',
    min_gap: 'These messages must be at least {{minDays}} days apart; the last one was on {{lastDate}} (rule {{ruleId}}).',
    after_conversation: 'There was a conversation on {{conversationDate}}: no calls for {{days}} days (rule {{ruleId}}).',
    inconvenient_time: 'The debtor said this time is inconvenient ({{windows}} {{zone}}).',
    stop_flag: 'Contact blocked: {{flagName}}.',
    channel_refused_by_debtor: 'The debtor asked not to be contacted by {{channelName}}.',
    channel_not_authorized: 'The debtor has not authorized the {{channelName}} channel.',
    number_do_not_call: 'The number {{phone}} is marked do-not-call.',
    no_rules_for_country: 'There are no compliance rules for country {{country}}; contact is not allowed.',
    override_invalid: 'The override is not valid: the "{{field}}" field is missing or unusable (a lead and a reason are required).',
    override_not_permitted: 'This block cannot be overridden, not even by a lead.',
  },
};

export const nextAllowedMessages: Record<Lang, { at: string; never: string }> = {
  es: { at: 'Próximo momento permitido: {{when}}.', never: 'No hay un próximo momento permitido mientras el bloqueo siga vigente.' },
  en: { at: 'Next allowed moment: {{when}}.', never: 'There is no next allowed moment while the block stands.' },
};

export const flagNames: Record<Lang, Record<string, string>> = {
  es: {
    cease_communication: 'el deudor pidió cesar las comunicaciones',
    dispute_pending: 'disputa pendiente de verificación',
    attorney_represented: 'el deudor está representado por un abogado (contacte al abogado)',
    do_not_call: 'no llamar',
    deceased: 'deudor fallecido',
    bankruptcy: 'quiebra o procedimiento concursal',
    lawsuit_served: 'demanda de cobro notificada',
  },
  en: {
    cease_communication: 'the debtor asked to cease communication',
    dispute_pending: 'dispute pending verification',
    attorney_represented: 'the debtor is represented by an attorney (contact the attorney)',
    do_not_call: 'do not call',
    deceased: 'debtor deceased',
    bankruptcy: 'bankruptcy or insolvency proceeding',
    lawsuit_served: 'collection lawsuit served',
  },
};

export const channelNames: Record<Lang, Record<string, string>> = {
  es: { call: 'llamada', sms: 'SMS', email: 'correo electrónico', whatsapp: 'WhatsApp', visit: 'visita' },
  en: { call: 'phone call', sms: 'SMS', email: 'email', whatsapp: 'WhatsApp', visit: 'visit' },
};

const weekdayNames: Record<Lang, string[]> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados', 'domingos'],
  en: ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'],
};

export const ruleErrorMessages: Record<Lang, Record<string, string>> = {
  es: {
    override_invalid: 'Las reglas del acreedor no son válidas en «{{field}}»: {{detail}}.',
    override_loosens_rule: 'El acreedor solo puede endurecer las reglas: «{{field}}» de la regla {{ruleId}} las afloja ({{detail}}).',
  },
  en: {
    override_invalid: 'The creditor rules are not valid at "{{field}}": {{detail}}.',
    override_loosens_rule: 'A creditor may only tighten the rules: "{{field}}" of rule {{ruleId}} loosens them ({{detail}}).',
  },
};

function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (params[k] === undefined ? `{{${k}}}` : String(params[k])));
}

function channelLabel(lang: Lang, list: string | number | undefined): string {
  return String(list ?? '')
    .split(', ')
    .filter(Boolean)
    .map((c) => channelNames[lang][c] ?? c)
    .join(', ');
}

/**
 * The debtor's wall clock as said aloud: "23:30 del miércoles 25 de noviembre" / "11:30 PM on Wednesday,
 * November 25". The reason keeps the neutral "yyyy-MM-dd HH:mm" (it is audited); the words are for the agent.
 */
export function localTimeWords(local: string, lang: Lang): string {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: 'UTC' });
  if (!dt.isValid) return local;
  return lang === 'es'
    ? dt.setLocale('es').toFormat("HH:mm 'del' cccc d 'de' LLLL")
    : dt.setLocale('en-US').toFormat("h:mm a 'on' cccc, LLLL d");
}

/** One reason as a sentence in the agent's language. */
export function formatReason(reason: Reason, lang: Lang): string {
  const p: Record<string, string | number> = { ...reason.params };
  if (typeof p.weekday === 'number') p.weekdayName = weekdayNames[lang][p.weekday - 1] ?? String(p.weekday);
  if (p.flag !== undefined) p.flagName = flagNames[lang][String(p.flag)] ?? String(p.flag);
  if (p.channel !== undefined) p.channelName = channelNames[lang][String(p.channel)] ?? String(p.channel);
  if (p.channels !== undefined) p.channels = channelLabel(lang, p.channels);
  if (p.channelsUsed !== undefined) p.channelsUsed = channelLabel(lang, p.channelsUsed);
  if (typeof p.localTime === 'string') p.localTime = localTimeWords(p.localTime, lang);
  return interpolate(reasonMessages[lang][reason.code], p);
}

/** "lunes 9 de marzo de 2026, 08:00 (America/New_York)" — the instant in the debtor's zone. */
export function formatInstant(iso: string, zone: string, lang: Lang): string {
  const dt = DateTime.fromISO(iso, { zone }).setLocale(lang === 'es' ? 'es' : 'en-US');
  return `${dt.toFormat(lang === 'es' ? "cccc d 'de' LLLL 'de' yyyy, HH:mm" : 'cccc, LLLL d, yyyy, HH:mm')} (${zone})`;
}

/** The whole refusal for the UI: every reason, then when the next allowed moment is (in the debtor's zone). */
export function formatDecision(decision: Decision, lang: Lang, debtorZone: string): string[] {
  if (decision.allowed) return [];
  const lines = decision.reasons.map((r) => formatReason(r, lang));
  lines.push(
    decision.nextAllowedAt
      ? interpolate(nextAllowedMessages[lang].at, { when: formatInstant(decision.nextAllowedAt, debtorZone, lang) })
      : nextAllowedMessages[lang].never,
  );
  return lines;
}

export function formatRuleError(err: ComplianceRuleError, lang: Lang): string {
  return interpolate(ruleErrorMessages[lang][err.code] ?? err.message, { ...err.params } as Record<string, string>);
}

/** For ComplianceInputError (`compliance.error.<code>`), params {{field}}, {{value}}. */
export const inputErrorMessages: Record<Lang, Record<'invalid_instant' | 'unknown_channel', string>> = {
  es: {
    invalid_instant: 'El campo {{field}} no es una fecha y hora válida: «{{value}}».',
    unknown_channel: 'Canal de contacto desconocido en {{field}}: «{{value}}».',
  },
  en: {
    invalid_instant: 'The field {{field}} is not a valid date and time: "{{value}}".',
    unknown_channel: 'Unknown contact channel in {{field}}: "{{value}}".',
  },
};
