import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { nextAllowedLine, reasonSentence, type T } from './words';

const tFor = (lang: 'es' | 'en'): T => i18n.getFixedT(lang) as unknown as T;

describe('compliance words through i18next', () => {
  it('words every engine reason with its names filled in, in Spanish and English', () => {
    const flag = { code: 'stop_flag', params: { flag: 'cease_communication' } };
    expect(reasonSentence(tFor('es'), flag)).toBe('Contacto bloqueado: el deudor pidió cesar las comunicaciones.');
    expect(reasonSentence(tFor('en'), flag)).toBe('Contact blocked: the debtor asked to cease communication.');
    const day = { code: 'day_not_allowed', params: { weekday: 7, zone: 'America/Lima' } };
    expect(reasonSentence(tFor('es'), day)).toBe('No se permite contactar los domingos en la zona del deudor (America/Lima).');
    const cap = { code: 'frequency_cap', params: { max: 7, channels: 'call', windowDays: 7, ruleId: 'us.regf.7in7' } };
    expect(reasonSentence(tFor('en'), cap)).toBe('The limit of 7 contacts (phone call) in 7 days has been reached (rule us.regf.7in7).');
    expect(reasonSentence(tFor('es'), { code: 'a_new_code', params: {} })).toBe('A new code');
    // The debtor's wall clock in words, not the audit's neutral "yyyy-MM-dd HH:mm".
    const late = { code: 'outside_hours', params: { zone: 'America/Lima', windows: '07:00–20:00', localTime: '2026-11-25 23:30' } };
    expect(reasonSentence(tFor('es'), late, 'es')).toContain('allí son las 23:30 del miércoles 25 de noviembre.');
    expect(reasonSentence(tFor('en'), late, 'en')).toContain('it is 11:30 PM on Wednesday, November 25 there.');
  });

  it('says the next allowed moment in the debtor zone and the agent clock', () => {
    const checked = new Date('2026-03-12T01:05:00Z'); // 21:05 Wed in New York, 20:05 in Bogotá
    const next = '2026-03-12T12:00:00.000Z'; // 08:00 Thu in New York, 07:00 in Bogotá
    expect(nextAllowedLine(tFor('es'), 'es', next, 'America/New_York', 'America/Bogota', checked))
      .toBe('Próximo momento permitido: mañana 08:00 (America/New_York) — 07:00 su hora');
    expect(nextAllowedLine(tFor('en'), 'en', next, 'America/New_York', 'America/Bogota', checked))
      .toBe('Next allowed moment: tomorrow 08:00 (America/New_York) — 07:00 your time');
    // Same offset: no second clock.
    expect(nextAllowedLine(tFor('es'), 'es', next, 'America/New_York', 'America/Toronto', checked))
      .toBe('Próximo momento permitido: mañana 08:00 (America/New_York)');
    // 08:00 tomorrow in Manila is still today in Bogotá: the agent side names its own day.
    expect(nextAllowedLine(tFor('es'), 'es', '2026-03-12T00:00:00.000Z', 'Asia/Manila', 'America/Bogota', new Date('2026-03-11T15:00:00Z')))
      .toBe('Próximo momento permitido: mañana 08:00 (Asia/Manila) — hoy 19:00 su hora');
    expect(nextAllowedLine(tFor('es'), 'es', '2026-03-19T12:00:00.000Z', 'America/New_York', 'America/New_York', checked))
      .toBe('Próximo momento permitido: jueves 19 de mar 08:00 (America/New_York)');
    expect(nextAllowedLine(tFor('en'), 'en', null, 'America/New_York', 'America/Bogota', checked))
      .toBe('There is no next allowed moment while the block stands.');
  });
});
