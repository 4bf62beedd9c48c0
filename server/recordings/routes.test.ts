import { describe, expect, it } from 'vitest';
import { parseRange } from './routes';

describe('byte ranges of a recording', () => {
  it.each([
    ['bytes=0-99', 1000, [0, 99]],
    ['bytes=100-', 1000, [100, 999]],
    ['bytes=-100', 1000, [900, 999]],
    ['bytes=-5000', 1000, [0, 999]],
    ['bytes=990-5000', 1000, [990, 999]],
    [' bytes=0-0 ', 1000, [0, 0]],
  ] as const)('%s of %i bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it.each([
    ['bytes=1000-', 1000],
    ['bytes=50-10', 1000],
    ['bytes=-0', 1000],
    ['bytes=-', 1000],
    ['bytes=0-1,5-6', 1000],
    ['items=0-1', 1000],
  ] as const)('%s of %i bytes is unsatisfiable', (header, size) => {
    expect(parseRange(header, size)).toBeNull();
  });
});
