/**
 * es/en texts for script validation and runner codes (i18next `{{param}}` style, flat keys). `path` is given
 * separately by each issue; the UI shows "<path>: <text>".
 */
export const scriptMessages = {
  es: {
    'script.invalid_json': 'El archivo no es JSON válido: {{reason}}.',
    'script.unknown_field': 'Campo desconocido «{{field}}».',
    'script.invalid_value': 'Valor no válido: {{reason}}.',
    'script.unknown_step_type': 'Tipo de paso desconocido.',
    'script.bad_id': 'Identificador no válido (minúsculas, números y _, empezando por letra).',
    'script.bad_disclosure_id': 'Identificador de divulgación no válido (prefijo de país, p. ej. co_identificacion).',
    'script.bad_jurisdiction': 'Jurisdicción no válida (p. ej. CO, US, US-NY).',
    'script.duplicate_id': 'El identificador «{{id}}» está repetido.',
    'script.dangling_branch': 'Lleva al paso «{{target}}», que no existe.',
    'script.unreachable_step': 'Ningún camino llega al paso «{{id}}».',
    'script.no_end_reachable': 'Ningún camino llega a un paso final.',
    'script.unknown_placeholder': 'Variable desconocida {{placeholder}}.',
    'script.sensitive_before_verification': 'El paso «{{step}}» usa {{placeholder}} antes de verificar al titular (o en el camino de un tercero).',
    'script.sensitive_in_neutral_disclosure': 'Una divulgación que no revela la deuda no puede usar {{placeholder}}.',
    'script.unknown_disclosure': 'La divulgación «{{id}}» no está definida.',
    'script.debt_disclosure_before_verification': 'La divulgación «{{id}}» revela la deuda y el paso «{{step}}» llega antes de verificar al titular.',
    'script.account_step_before_verification': 'El paso «{{id}}» ({{type}}) es alcanzable sin verificar al titular.',
    'script.reason_question_not_allowed': 'En {{jurisdiction}} no se puede preguntar el motivo del no pago: use el modo «listen».',
    'script.unknown_outcome': 'Tipificación desconocida «{{outcome}}».',
    'script.disclosure_never_read': 'La divulgación obligatoria «{{id}}» no se lee en ningún paso.',
    'script.offers_before_disclosure': 'Se puede llegar a «{{step}}» sin leer la divulgación obligatoria «{{id}}».',
    'script.accusatory_wording': 'Redacción acusatoria o amenazante («{{phrase}}»): use un tono asertivo y neutral.',
    'script.version_not_newer': 'La versión {{version}} no es posterior a la vigente ({{current}}): se mantiene la vigente.',
    'script.run.wrong_step_type': 'Esta acción no corresponde al paso actual.',
    'script.run.unknown_answer': 'Respuesta desconocida.',
    'script.run.disclosure_not_ticked': 'Marque como leída la divulgación «{{id}}» antes de continuar.',
    'script.run.unknown_disclosure': 'Esa divulgación no es de este paso.',
    'script.run.reason_required': 'Registre el motivo antes de continuar.',
    'script.run.promise_required': 'Registre la promesa antes de continuar.',
    'script.run.callback_required': 'Programe la rellamada antes de continuar.',
    'script.run.ended': 'La llamada ya terminó en el guion.',
    'script.run.verification_locked': 'La verificación falló: no se puede continuar con este interlocutor.',
    'script.run.jump_not_allowed': 'No se puede saltar a ese paso sin verificar al titular.',
    'script.run.nothing_to_undo': 'No hay paso anterior.',
  },
  en: {
    'script.invalid_json': 'The file is not valid JSON: {{reason}}.',
    'script.unknown_field': 'Unknown field "{{field}}".',
    'script.invalid_value': 'Invalid value: {{reason}}.',
    'script.unknown_step_type': 'Unknown step type.',
    'script.bad_id': 'Invalid id (lowercase letters, digits and _, starting with a letter).',
    'script.bad_disclosure_id': 'Invalid disclosure id (country prefix, e.g. us_mini_miranda).',
    'script.bad_jurisdiction': 'Invalid jurisdiction (e.g. CO, US, US-NY).',
    'script.duplicate_id': 'The id "{{id}}" is repeated.',
    'script.dangling_branch': 'Leads to step "{{target}}", which does not exist.',
    'script.unreachable_step': 'No path reaches step "{{id}}".',
    'script.no_end_reachable': 'No path reaches an end step.',
    'script.unknown_placeholder': 'Unknown placeholder {{placeholder}}.',
    'script.sensitive_before_verification': 'Step "{{step}}" uses {{placeholder}} before right-party verification (or on a third-party path).',
    'script.sensitive_in_neutral_disclosure': 'A disclosure that does not reveal the debt cannot use {{placeholder}}.',
    'script.unknown_disclosure': 'Disclosure "{{id}}" is not defined.',
    'script.debt_disclosure_before_verification': 'Disclosure "{{id}}" reveals the debt and step "{{step}}" comes before right-party verification.',
    'script.account_step_before_verification': 'Step "{{id}}" ({{type}}) can be reached without right-party verification.',
    'script.reason_question_not_allowed': 'In {{jurisdiction}} the agent may not ask why the debtor has not paid: use mode "listen".',
    'script.unknown_outcome': 'Unknown disposition "{{outcome}}".',
    'script.disclosure_never_read': 'Mandatory disclosure "{{id}}" is not read in any step.',
    'script.offers_before_disclosure': 'Step "{{step}}" can be reached without reading mandatory disclosure "{{id}}".',
    'script.accusatory_wording': 'Accusing or threatening wording ("{{phrase}}"): keep it assertive and neutral.',
    'script.version_not_newer': 'Version {{version}} is not newer than the one in use ({{current}}): keeping it.',
    'script.run.wrong_step_type': 'This action does not belong to the current step.',
    'script.run.unknown_answer': 'Unknown answer.',
    'script.run.disclosure_not_ticked': 'Tick disclosure "{{id}}" as read before going on.',
    'script.run.unknown_disclosure': 'That disclosure is not part of this step.',
    'script.run.reason_required': 'Record the reason before going on.',
    'script.run.promise_required': 'Record the promise before going on.',
    'script.run.callback_required': 'Schedule the callback before going on.',
    'script.run.ended': 'The script has already ended.',
    'script.run.verification_locked': 'Verification failed: the call cannot go on with this person.',
    'script.run.jump_not_allowed': 'Cannot jump to that step without right-party verification.',
    'script.run.nothing_to_undo': 'There is no previous step.',
  },
} as const;

export type ScriptMessageKey = keyof (typeof scriptMessages)['en'];

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (k in params ? String(params[k]) : `{{${k}}}`));
}

export function scriptMessage(code: string, params: Record<string, string | number>, lang: 'es' | 'en'): string {
  const t = (scriptMessages[lang] as Record<string, string>)[code];
  return t ? fill(t, params) : code;
}

/** English one-liner for logs and the loader's error list. */
export function scriptIssueMessage(path: string, code: string, params: Record<string, string | number>): string {
  return `${path}: ${scriptMessage(code, params, 'en')}`;
}
