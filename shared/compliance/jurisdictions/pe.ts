/** Peru: Código de Protección y Defensa del Consumidor (Ley 29571) arts. 61–62. */
import type { RuleSet } from '../rules-schema';
import type { ComplianceSettings } from '../settings';
import { ALL, emptyRuleSet, standardFlags } from './common';

export function peRules(settings: ComplianceSettings): RuleSet {
  const r = emptyRuleSet('pe', 'PE', 'Perú — Ley 29571 arts. 61–62');
  const channels = settings.pe.hoursApplyToAllChannels ? ALL : (['call', 'visit'] as const).slice();
  const day = [{ from: '07:00', to: '20:00' }];
  r.hours.push({
    id: 'pe.ley29571.hours',
    channels,
    week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
    source: 'Ley 29571 art. 62.b: no visitas ni llamadas entre 20:00 y 07:00, ni sábados, domingos o feriados',
  });
  r.holidays.push({ id: 'pe.ley29571.feriados', channels, source: 'Ley 29571 art. 62.b' });
  if (settings.pe.dailyContactMax !== null) {
    r.caps.push({
      id: 'pe.daily_max',
      channels: ALL,
      counts: ALL,
      scope: 'debtor',
      windowDays: 1,
      max: settings.pe.dailyContactMax,
      countOnly: 'attempts',
      excludePriorConsent: false,
      source: 'Setting: no numeric cap found',
    });
  }
  r.flags = standardFlags('Ley 29571 arts. 61–62; company policy');
  r.disclosures.push({ id: 'identify_agent_and_creditor', when: 'every_communication', channels: ALL, source: 'Company policy' });
  return r;
}
