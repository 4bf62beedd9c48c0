import { describe, expect, it } from 'vitest';
import { phoneMatchesSearch, phoneSearchVariants } from './search-variants';

describe('phoneSearchVariants', () => {
  it.each([
    // typed, desk country, a stored E.164 that must be found
    ['300 123 4567', 'CO', '+573001234567'],
    ['+57 (300) 123-4567', 'CO', '+573001234567'],
    ['573001234567', 'CO', '+573001234567'],
    ['3001234567', 'PE', '+573001234567'],
    ['9 8765 4321', 'CL', '+56987654321'],
    ['+56 9 8765 4321', 'CO', '+56987654321'],
    ['55 1234 5678', 'MX', '+525512345678'],
    ['044 55 1234 5678', 'MX', '+525512345678'],
    ['5215512345678', 'CO', '+525512345678'],
    ['987654321', 'PE', '+51987654321'],
    ['(212) 555-0123', 'US', '+12125550123'],
    ['2125550123', 'CO', '+12125550123'],
    ['11 2345-6789', 'AR', '+5491123456789'],
    ['011 15 2345 6789', 'AR', '+541123456789'],
    ['4567', 'CO', '+573001234567'],
  ])('%s typed at a %s desk finds %s', (typed, country, stored) => {
    const v = phoneSearchVariants(typed, country);
    expect(phoneMatchesSearch(stored, v)).toBe(true);
  });

  it('puts the home-country reading first and does not match unrelated numbers', () => {
    const v = phoneSearchVariants('300 123 4567', 'CO');
    expect(v.e164[0]).toBe('+573001234567');
    expect(phoneMatchesSearch('+573001234568', v)).toBe(false);
    expect(new Set(v.e164).size).toBe(v.e164.length);
  });

  it('gives no suffix for too few digits', () => {
    expect(phoneSearchVariants('45', 'CO')).toEqual({ e164: [], suffixDigits: '' });
  });
});
