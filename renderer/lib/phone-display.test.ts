import { describe, expect, it } from 'vitest';
import { formatIntl } from './phone-display';

describe('phone display', () => {
  it('shows E.164 in the international format, the same every time it is asked', () => {
    expect(formatIntl('+573119049511')).toBe('+57 311 9049511');
    expect(formatIntl('+573119049511')).toBe('+57 311 9049511');
    expect(formatIntl('+12125550123')).toBe('+1 212 555 0123');
  });

  it('shows what it cannot parse as given', () => {
    expect(formatIntl('not a number')).toBe('not a number');
    expect(formatIntl('not a number')).toBe('not a number');
  });
});

describe('a card\'s numbers written by the desk', () => {
  it('are shown as the desk wrote them, and are the same text the renderer would write', async () => {
    const { primePhoneDisplay } = await import('./phone-display');
    const { phoneInternational } = await import('../../shared/phones/display');
    // A number never shown before, primed with a text that differs from libphonenumber's: the primed text wins
    // (nothing is parsed), which is what makes a screen-pop's card paint without parsing.
    primePhoneDisplay({ '+573009990001': 'primed' });
    expect(formatIntl('+573009990001')).toBe('primed');
    // What the desk primes is what formatIntl would have written itself.
    for (const n of ['+573119049511', '+12125550123', '+525512345678', 'junk']) expect(phoneInternational(n)).toBe(formatIntl(n));
  });

  it('does not replace a text already shown', async () => {
    const { primePhoneDisplay } = await import('./phone-display');
    expect(formatIntl('+573119049512')).toBe('+57 311 9049512');
    primePhoneDisplay({ '+573119049512': 'other' });
    expect(formatIntl('+573119049512')).toBe('+57 311 9049512');
    primePhoneDisplay(undefined);
  });
});
