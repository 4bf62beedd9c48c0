import { describe, expect, it } from 'vitest';
import type { ReasonCode } from './check';
import { formatDecision, formatReason, reasonMessages } from './messages';
import { run } from './test-support/cases';

const CODES: ReasonCode[] = [
  'outside_hours', 'day_not_allowed', 'holiday', 'frequency_cap', 'channels_per_window', 'min_gap', 'after_conversation',
  'inconvenient_time', 'stop_flag', 'channel_refused_by_debtor', 'channel_not_authorized', 'number_do_not_call',
  'no_rules_for_country', 'override_invalid', 'override_not_permitted',
];

describe('compliance messages', () => {
  it('has es and en text for every reason code', () => {
    for (const lang of ['es', 'en'] as const) {
      expect(Object.keys(reasonMessages[lang]).sort()).toEqual([...CODES].sort());
    }
  });

  it('says why and when, in Spanish and English, in the debtor zone', () => {
    const d = run({ name: '', debtor: { country: 'US', region: 'NY' }, at: '2026-07-15T01:30:00Z', allowed: false });
    const es = formatDecision(d, 'es', 'America/New_York');
    expect(es[0]).toBe('Fuera del horario permitido en la zona del deudor (08:00–21:00 America/New_York); allí son las 21:30 del martes 14 de julio.');
    expect(es[1]).toBe('Próximo momento permitido: miércoles 15 de julio de 2026, 08:00 (America/New_York).');
    const en = formatDecision(d, 'en', 'America/New_York');
    expect(en[0]).toBe("Outside the allowed hours in the debtor's zone (08:00–21:00 America/New_York); it is 9:30 PM on Tuesday, July 14 there.");
    expect(en[1]).toBe('Next allowed moment: Wednesday, July 15, 2026, 08:00 (America/New_York).');
  });

  it('names flags, weekdays and channels', () => {
    expect(formatReason({ code: 'stop_flag', params: { flag: 'attorney_represented' } }, 'es')).toContain('abogado');
    expect(formatReason({ code: 'day_not_allowed', params: { weekday: 7, zone: 'America/Bogota' } }, 'es')).toContain('domingos');
    expect(formatReason({ code: 'channel_refused_by_debtor', params: { channel: 'email' } }, 'en')).toContain('by email');
  });
});

describe('bad check input', () => {
  it('throws a specific error with an i18n key', async () => {
    const { ComplianceInputError } = await import('./check');
    expect(() => run({ name: '', debtor: { country: 'US' }, at: 'tomorrow at nine', allowed: false })).toThrow(ComplianceInputError);
    expect(() => run({ name: '', debtor: { country: 'US' }, at: '2026-07-15T15:00:00Z', channel: 'fax' as never, allowed: false })).toThrow(/compliance.error.unknown_channel/);
  });

  it('validates a check request at the process boundary', async () => {
    const { CheckRequestSchema } = await import('./input-schema');
    const ok = CheckRequestSchema.safeParse({
      debtor: { id: 'd1', country: 'US', region: 'NY', flags: ['do_not_call', { flag: 'cease_communication', receivedAt: '2026-07-14T16:00:00Z' }] },
      account: { id: 'a1' },
      attempt: { channel: 'call', at: '2026-07-15T15:00:00Z', phoneE164: '+12125550123' },
      history: [{ at: '2026-07-14T15:00:00Z', channel: 'sms', accountId: null }],
    });
    expect(ok.success).toBe(true);
    const bad = CheckRequestSchema.safeParse({ debtor: { id: 'd1', country: 'US', flags: ['sleepy'] }, account: { id: 'a1' }, attempt: { channel: 'call', at: 'x' }, history: [] });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['debtor.flags.0', 'attempt.at']));
  });
});
