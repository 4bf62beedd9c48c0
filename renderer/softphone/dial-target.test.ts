import { describe, expect, it } from 'vitest';
import { DialTargetError, parseDialTarget } from './dial-target';

describe('parseDialTarget', () => {
  it.each([
    ['+57 300 123 4567', undefined, '+573001234567'],
    ['300 123 4567', 'CO', '+573001234567'],
    ['(212) 555-0188', 'US', '+12125550188'],
    ['0057 3001234567', undefined, '+573001234567'],
    ['sip:+573009876543@recaudo.test', undefined, '+573009876543'],
  ])('%s (%s) → E.164 %s', (input, country, e164) => {
    expect(parseDialTarget(input, country)).toEqual({ kind: 'e164', user: e164 });
  });

  it.each(['busy486', 'agent2', '1001', 'sip:third@recaudo.test'])('%s is an extension', (input) => {
    expect(parseDialTarget(input).kind).toBe('extension');
  });

  it('refuses empty and impossible numbers with an i18n key', () => {
    expect(() => parseDialTarget('  ')).toThrow(DialTargetError);
    try {
      parseDialTarget('+57 1');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DialTargetError);
      expect((e as DialTargetError).key).toBe('phone.error.invalidNumber');
      expect((e as DialTargetError).params).toEqual({ number: '+57 1' });
    }
    expect(() => parseDialTarget('12; DROP')).toThrow(/invalidNumber/);
  });
});
