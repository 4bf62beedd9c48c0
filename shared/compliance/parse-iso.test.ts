import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoMs } from './check';

describe('parseIsoMs', () => {
  it('agrees with Date.parse on UTC instants, with and without milliseconds', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), fc.boolean(), (d, withMs) => {
        const iso = withMs ? d.toISOString() : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
        expect(parseIsoMs(iso)).toBe(Date.parse(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it('falls back to Date.parse for offsets and rejects garbage', () => {
    expect(parseIsoMs('2026-07-14T10:00:00-05:00')).toBe(Date.parse('2026-07-15T15:00:00Z') - 86_400_000);
    expect(parseIsoMs('2026-02-30T10:00:00Z')).toBe(Date.parse('2026-02-30T10:00:00Z'));
    expect(Number.isNaN(parseIsoMs('yesterday'))).toBe(true);
  });
});
