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
