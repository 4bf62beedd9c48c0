import { describe, expect, it } from 'vitest';
import { headSliceLength } from './preview-slice';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('headSliceLength', () => {
  it('cuts a partial head after its last line break', () => {
    expect(headSliceLength(bytes('a;b\n1;2\n3;'), false)).toBe(8);
  });
  it('keeps a whole file as it is, and a head without line breaks', () => {
    expect(headSliceLength(bytes('a;b\n1;2'), true)).toBe(7);
    expect(headSliceLength(bytes('a;b;c'), false)).toBe(5);
  });
});
