import { describe, expect, it } from 'vitest';
import { looksLikePhone } from './phone-like';

describe('looksLikePhone', () => {
  it.each(['+57 311 904 9511', '(311) 904-9511', '311.904.9511', '3119049511', '+1 212 555 0100'])('%s is a phone', (q) => {
    expect(looksLikePhone(q)).toBe(true);
  });
  it.each(['Ibáñez', 'CC 2418440041', '4566123412348799', '12345', 'jose 311'])('%s is not', (q) => {
    expect(looksLikePhone(q)).toBe(false);
  });
});
