/** Colombia: Ley 2300 de 2023 ("ley dejen de fregar"), in force 10-Oct-2023. */
import type { RuleSet } from '../rules-schema';
import type { ComplianceSettings } from '../settings';
import { ALL, emptyRuleSet, standardFlags } from './common';

export function coRules(settings: ComplianceSettings): RuleSet {
  const r = emptyRuleSet('co', 'CO', 'Colombia — Ley 2300 de 2023');
  const weekday = [{ from: '07:00', to: '19:00' }];
  r.hours.push({
    id: 'co.ley2300.hours',
    channels: ALL,
    week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [{ from: '08:00', to: '15:00' }], sun: [] },
    source: 'Ley 2300/2023 art. 3: lunes a viernes 7:00–19:00, sábados 8:00–15:00; no domingos',
  });
  r.holidays.push({ id: 'co.ley2300.festivos', channels: ALL, source: 'Ley 2300/2023 art. 3: no en domingos ni festivos' });
  const countOnly = settings.co.countUnansweredAttempts ? 'attempts' : 'conversations';
  r.caps.push({
    id: 'co.ley2300.daily',
    channels: ALL,
    counts: ALL,
    scope: 'debtor',
    windowDays: 1,
    max: 1,
    countOnly,
    excludePriorConsent: false,
    source: 'Ley 2300/2023 art. 3: no más de un contacto al día',
  });
  r.distinctChannels.push({
    id: 'co.ley2300.one_channel_week',
    channels: ALL,
    scope: 'debtor',
    windowDays: 7,
    max: 1,
    countOnly,
    source: 'Ley 2300/2023 art. 3: no usar varios canales en la misma semana',
  });
  if (settings.co.weeklyContactMax !== null) {
    r.caps.push({
      id: 'co.weekly_max',
      channels: ALL,
      counts: ALL,
      scope: 'debtor',
      windowDays: 7,
      max: settings.co.weeklyContactMax,
      countOnly,
      excludePriorConsent: false,
      source: 'Setting (uncertain): El Tiempo reported a maximum of 2 contacts a week; the law sets no count',
    });
  }
  r.requireAuthorizedChannels = true;
  r.flags = standardFlags('Ley 2300/2023; Ley 1266/2008; company policy');
  r.disclosures.push({
    id: 'identify_agent_and_creditor',
    when: 'every_communication',
    channels: ALL,
    source: 'Company policy (no disclosure found in Ley 2300)',
  });
  return r;
}
