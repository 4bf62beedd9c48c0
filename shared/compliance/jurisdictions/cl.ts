/** Chile: Ley 19.496 art. 37 as amended by Ley 21.320 (DO 20-Apr-2021). */
import type { RuleSet } from '../rules-schema';
import type { ComplianceSettings } from '../settings';
import { ALL, emptyRuleSet, standardFlags } from './common';

export function clRules(settings: ComplianceSettings): RuleSet {
  const r = emptyRuleSet('cl', 'CL', 'Chile — Ley 19.496 art. 37 (Ley 21.320)');
  r.hours.push({
    id: 'cl.horas_habiles',
    channels: settings.cl.hoursChannels,
    week: settings.cl.week,
    source: 'Ley 19.496 art. 37 / art. 59 CPC: días y horas hábiles (lunes a sábado 8:00–20:00) — setting',
  });
  r.holidays.push({
    id: 'cl.feriados',
    channels: settings.cl.hoursChannels,
    source: 'Ley 19.496 art. 37: nunca en feriados',
  });
  const callCount = settings.cl.countUnansweredCalls ? 'attempts' : 'connected';
  r.caps.push(
    {
      id: 'cl.calls_visits_week',
      channels: ['call', 'visit'],
      counts: ['call', 'visit'],
      scope: 'debtor',
      windowDays: 7,
      max: 1,
      countOnly: callCount,
      excludePriorConsent: false,
      source: 'Ley 19.496 art. 37 (Ley 21.320): más de un llamado o visita semanal infringe la ley',
    },
    {
      id: 'cl.other_media_week',
      channels: ['sms', 'email', 'whatsapp'],
      counts: ['sms', 'email', 'whatsapp'],
      scope: 'debtor',
      windowDays: 7,
      max: 2,
      countOnly: 'attempts',
      excludePriorConsent: false,
      source: 'Ley 19.496 art. 37 (Ley 21.320): cartas, SMS, correos, mensajería: máximo 2 por semana',
    },
  );
  if (settings.cl.weeklyEffectiveContactMax !== null) {
    r.caps.push({
      id: 'cl.effective_week',
      channels: ALL,
      counts: ALL,
      scope: 'debtor',
      windowDays: 7,
      max: settings.cl.weeklyEffectiveContactMax,
      countOnly: 'conversations',
      excludePriorConsent: false,
      source: 'SERNAC: máximo 3 contactos efectivos por semana — setting',
    });
  }
  r.minGap.push({
    id: 'cl.other_media_gap',
    channels: ['sms', 'email', 'whatsapp'],
    scope: 'debtor',
    minDays: 2,
    countOnly: 'attempts',
    source: 'Ley 19.496 art. 37 (Ley 21.320): con al menos 2 días de separación',
  });
  r.flags = standardFlags('Ley 19.496 art. 37: cesar al notificarse demanda o iniciarse procedimiento concursal', [
    'lawsuit_served',
  ]);
  r.disclosures.push({
    id: 'identify_agent_and_creditor',
    when: 'every_communication',
    channels: ALL,
    source: 'Company policy; no judicial-looking communications (art. 37)',
  });
  return r;
}
