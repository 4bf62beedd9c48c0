/** Mexico: CONDUSEF rules on despachos de cobranza (DOF 7-Oct-2014) + REDECO. */
import { WEEKDAYS, type RuleSet, type WeekWindows } from '../rules-schema';
import type { ComplianceSettings } from '../settings';
import { ALL, emptyRuleSet, standardFlags } from './common';

export function mxRules(settings: ComplianceSettings): RuleSet {
  const r = emptyRuleSet('mx', 'MX', 'México — Disposiciones CONDUSEF de despachos de cobranza (2014)');
  const week = {} as WeekWindows;
  WEEKDAYS.forEach((d, i) => {
    week[d] = settings.mx.allowedWeekdays.includes(i + 1) ? [{ from: '07:00', to: '22:00' }] : [];
  });
  r.hours.push({
    id: 'mx.condusef.hours',
    channels: ALL,
    week,
    source: 'CONDUSEF (DOF 7-oct-2014): de 7:00 a 22:00 en la zona horaria del deudor; días — setting',
  });
  if (settings.mx.noContactOnHolidays) {
    r.holidays.push({ id: 'mx.feriados', channels: ALL, source: 'Setting (uncertain): días hábiles per some press' });
  }
  if (settings.mx.dailyContactMax !== null) {
    r.caps.push({
      id: 'mx.daily_max',
      channels: ALL,
      counts: ALL,
      scope: 'debtor',
      windowDays: 1,
      max: settings.mx.dailyContactMax,
      countOnly: 'attempts',
      excludePriorConsent: false,
      source: 'Setting: no numeric cap found in the 2014 rules',
    });
  }
  r.flags = standardFlags('CONDUSEF 2014; REDECO; company policy');
  r.disclosures.push({
    id: 'mx.first_contact_identification',
    when: 'first_communication',
    channels: ALL,
    source: 'CONDUSEF 2014: despacho y gestor, domicilio, teléfono y responsables, acreedor, contrato, monto y fecha de cálculo',
  });
  r.disclosures.push({
    id: 'identify_agent_and_creditor',
    when: 'every_communication',
    channels: ALL,
    source: 'CONDUSEF 2014: identificarse; número registrado en REDECO, sin ocultar el identificador',
  });
  return r;
}
