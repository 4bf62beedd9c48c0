import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalize-phone';
import { phoneMessages } from './messages';

describe('normalizePhone', () => {
  it.each([
    // raw, default country, e164, type, country
    ['300 123 4567', 'CO', '+573001234567', 'mobile', 'CO'],
    ['(300) 123-4567', 'CO', '+573001234567', 'mobile', 'CO'],
    ['573001234567', 'CO', '+573001234567', 'mobile', 'CO'],
    ['+57 300 123 4567', 'MX', '+573001234567', 'mobile', 'CO'],
    ['601 234 5678', 'CO', '+576012345678', 'landline', 'CO'],
    ['9 8765 4321', 'CL', '+56987654321', 'other', 'CL'],
    ['22 123 4567', 'CL', '+56221234567', 'other', 'CL'],
    ['55 1234 5678', 'MX', '+525512345678', 'other', 'MX'],
    ['044 55 1234 5678', 'MX', '+525512345678', 'other', 'MX'],
    ['+52 1 55 1234 5678', 'MX', '+525512345678', 'other', 'MX'],
    ['01 664 123 4567', 'MX', '+526641234567', 'other', 'MX'],
    ['987 654 321', 'PE', '+51987654321', 'mobile', 'PE'],
    ['(01) 412-3456', 'PE', '+5114123456', 'landline', 'PE'],
    ['(212) 555-0123', 'US', '+12125550123', 'other', 'US'],
    ['1-212-555-0123', 'US', '+12125550123', 'other', 'US'],
    ['212.555.0123 ext 45', 'US', '+12125550123', 'other', 'US'],
    ['001 212 555 0123', 'CO', '+12125550123', 'other', 'US'],
    ['011 15 2345-6789', 'AR', '+5491123456789', 'mobile', 'AR'],
    ['+54 9 11 2345 6789', 'AR', '+5491123456789', 'mobile', 'AR'],
    ['11 2345-6789', 'AR', '+541123456789', 'landline', 'AR'],
    ['0351 423-4567', 'AR', '+543514234567', 'landline', 'AR'],
  ])('%s (%s) → %s', (raw, dc, e164, type, country) => {
    const r = normalizePhone(raw, dc);
    expect(r).toMatchObject({ ok: true, e164, type, country });
  });

  it('tells a US toll-free number from a geographic one and flags possible mobiles', () => {
    const tollFree = normalizePhone('+1 800 555 0199', 'US');
    expect(tollFree).toMatchObject({ ok: true, type: 'other', lineType: 'toll_free', mayBeMobile: false });
    const geo = normalizePhone('212 555 0123', 'US');
    expect(geo).toMatchObject({ ok: true, lineType: 'fixed_line_or_mobile', mayBeMobile: true });
  });

  it.each([
    ['', 'CO', 'empty'],
    ['   ', 'CO', 'empty'],
    ['abc', 'CO', 'not_a_number'],
    ['12', 'CO', 'too_short'],
    ['30012345678901', 'CO', 'too_long'],
    ['300 123 4567', 'Colombia', 'invalid_country'],
    ['555 0000 000', 'US', 'invalid'],
  ])('%j (%s) is refused: %s', (raw, dc, reason) => {
    const r = normalizePhone(raw, dc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.params).toEqual({ raw, defaultCountry: dc });
    }
  });

  it('has an es and en message for every reason', () => {
    for (const lang of ['es', 'en'] as const) {
      for (const reason of ['empty', 'not_a_number', 'invalid_country', 'too_short', 'too_long', 'invalid'] as const) {
        expect(phoneMessages[lang][reason].length).toBeGreaterThan(5);
      }
    }
  });
});
