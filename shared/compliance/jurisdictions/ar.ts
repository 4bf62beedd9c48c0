/** Argentina: Ley 24.240 art. 8 bis (national); CABA Ley 6171 (mod. 6271). */
import type { RuleSet } from '../rules-schema';
import type { ComplianceSettings } from '../settings';
import { ALL, emptyRuleSet, standardFlags } from './common';

export function arRules(settings: ComplianceSettings): RuleSet {
  const r = emptyRuleSet('ar', 'AR', 'Argentina — Ley 24.240 art. 8 bis');
  if (settings.ar.nationalWeek) {
    r.hours.push({
      id: 'ar.hours',
      channels: ALL,
      week: settings.ar.nationalWeek,
      source: 'Setting (uncertain): no national numeric rule; CABA hours applied as the company default (art. 8 bis trato digno)',
    });
  }
  if (settings.ar.noContactOnHolidays) {
    r.holidays.push({ id: 'ar.feriados', channels: ALL, source: 'Setting (uncertain): no contact on public holidays' });
  }
  r.flags = standardFlags('Ley 24.240 art. 8 bis; company policy');
  r.disclosures.push({ id: 'identify_agent_and_creditor', when: 'every_communication', channels: ALL, source: 'Company policy' });
  return r;
}

/** Ciudad Autónoma de Buenos Aires, on top of the national set. */
export function arCabaRules(settings: ComplianceSettings): RuleSet {
  const r = {
    ...arRules(settings),
    id: 'ar-c',
    region: 'C',
    title: 'CABA — Ley 6171 (mod. Ley 6271)',
    hours: [
      {
        id: 'ar-c.ley6171.hours',
        channels: ALL,
        week: settings.ar.cabaWeek,
        source: 'CABA Ley 6171 (per one repo note, uncertain): lunes a viernes 8–20, sábados 8–12 — setting',
      },
    ],
    holidays: [],
    flags: [],
    disclosures: [
      {
        id: 'ar-c.referral_notice',
        when: 'first_communication' as const,
        channels: ALL,
        source: 'CABA Ley 6171: informar la derivación (nombre, domicilio y teléfonos del gestor)',
      },
    ],
  };
  return r;
}
