/**
 * Compliance texts for i18next (es default, en): the engine's own messages (shared/compliance/messages: every
 * reason, rule error and input error) nested under `compliance.*`, the names the reason templates need (flags,
 * channels, weekdays), the dial panel's words, and the desk's compliance errors under `errors.compliance.*`.
 * Deep-merged into the renderer's resources by renderer/i18n.
 */
import {
  channelNames, flagNames, inputErrorMessages, nextAllowedMessages, reasonMessages, ruleErrorMessages, type Lang,
} from '../../../shared/compliance/messages';

type Tree = { [key: string]: string | Tree };

const weekdays: Record<Lang, Record<string, string>> = {
  es: { 1: 'lunes', 2: 'martes', 3: 'miércoles', 4: 'jueves', 5: 'viernes', 6: 'sábados', 7: 'domingos' },
  en: { 1: 'Mondays', 2: 'Tuesdays', 3: 'Wednesdays', 4: 'Thursdays', 5: 'Fridays', 6: 'Saturdays', 7: 'Sundays' },
};

const ui: Record<Lang, Tree> = {
  es: {
    dial: {
      button: 'Llamar',
      buttonLabel: 'Llamar al {{number}}',
      checking: 'Verificando cumplimiento…',
      blockedTitle: 'No se puede llamar al {{number}} ahora',
      blockedIntro: 'Recaudo no permite este contacto:',
      nextAt: 'Próximo momento permitido: {{when}} ({{zone}}) — {{agentWhen}} su hora',
      nextAtSameZone: 'Próximo momento permitido: {{when}} ({{zone}})',
      nextNever: 'No hay un próximo momento permitido mientras el bloqueo siga vigente.',
      today: 'hoy {{time}}',
      tomorrow: 'mañana {{time}}',
      dayAt: '{{day}} {{time}}',
      dismiss: 'Entendido',
      recorded: 'Intento registrado en la auditoría.',
      notConnected: 'Softphone no conectado: la llamada al {{number}} está permitida y quedó registrada, pero este puesto no tiene teléfono. Márquela desde otro teléfono o avise a soporte.',
      calling: 'Llamando al {{number}}…',
      overrideAction: 'Autorizar excepción',
      overrideReason: 'Motivo de la excepción (obligatorio)',
      overrideReasonHint: 'Quedará en la auditoría con su nombre. Mínimo 5 caracteres.',
      overrideReasonShort: 'Escriba el motivo (mínimo 5 caracteres).',
      overrideSubmit: 'Autorizar y llamar',
      overrideCancel: 'Cancelar',
      overrideNotPermitted: 'Este bloqueo no admite excepciones, ni siquiera de un supervisor.',
      overridden: 'Excepción autorizada por {{by}}: {{reason}}',
      leadOnly: 'Solo un supervisor puede autorizar una excepción.',
    },
  },
  en: {
    dial: {
      button: 'Call',
      buttonLabel: 'Call {{number}}',
      checking: 'Checking compliance…',
      blockedTitle: 'You cannot call {{number}} now',
      blockedIntro: 'Recaudo does not allow this contact:',
      nextAt: 'Next allowed moment: {{when}} ({{zone}}) — {{agentWhen}} your time',
      nextAtSameZone: 'Next allowed moment: {{when}} ({{zone}})',
      nextNever: 'There is no next allowed moment while the block stands.',
      today: 'today {{time}}',
      tomorrow: 'tomorrow {{time}}',
      dayAt: '{{day}} {{time}}',
      dismiss: 'Got it',
      recorded: 'Attempt recorded in the audit log.',
      notConnected: 'Softphone not connected: the call to {{number}} is allowed and was recorded, but this seat has no phone. Dial it from another phone or tell support.',
      calling: 'Calling {{number}}…',
      overrideAction: 'Authorize exception',
      overrideReason: 'Reason for the exception (required)',
      overrideReasonHint: 'It is recorded in the audit log with your name. At least 5 characters.',
      overrideReasonShort: 'Write the reason (at least 5 characters).',
      overrideSubmit: 'Authorize and call',
      overrideCancel: 'Cancel',
      overrideNotPermitted: 'This block cannot be overridden, not even by a lead.',
      overridden: 'Exception authorized by {{by}}: {{reason}}',
      leadOnly: 'Only a lead can authorize an exception.',
    },
  },
};

const errors: Record<Lang, Tree> = {
  es: {
    compliance: {
      overrideForbidden: 'Solo un supervisor puede autorizar una excepción de cumplimiento.',
      reviewForbidden: 'Solo un supervisor o administrador puede revisar la auditoría.',
      accountNotFound: 'La cuenta {{accountId}} no es del deudor {{debtorId}}.',
    },
    nextFor: {
      compliance: {
        overrideForbidden: 'Pida a su supervisor que autorice la llamada desde su sesión.',
        reviewForbidden: 'Pida a su supervisor que haga la revisión.',
        accountNotFound: 'Vuelva a abrir la ficha del deudor y marque desde ella.',
      },
    },
  },
  en: {
    compliance: {
      overrideForbidden: 'Only a lead can authorize a compliance exception.',
      reviewForbidden: 'Only a lead or an admin can review the audit log.',
      accountNotFound: 'Account {{accountId}} does not belong to debtor {{debtorId}}.',
    },
    nextFor: {
      compliance: {
        overrideForbidden: 'Ask your lead to authorize the call from their session.',
        reviewForbidden: 'Ask your lead to do the review.',
        accountNotFound: "Reopen the debtor's card and dial from it.",
      },
    },
  },
};

export function complianceResources(lang: Lang): Tree {
  return {
    compliance: {
      reason: { ...reasonMessages[lang] },
      next: { ...nextAllowedMessages[lang] },
      flag: { ...flagNames[lang] },
      channel: { ...channelNames[lang] },
      weekday: { ...weekdays[lang] },
      ruleError: { ...ruleErrorMessages[lang] },
      error: { ...inputErrorMessages[lang] },
      ...ui[lang],
    },
    errors: errors[lang],
  };
}
