import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instantMs, isCalendarDay } from './instant';

const luxonMs = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const same = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : a === b);

describe('instantMs', () => {
  it('reads any ISO text the desk writes as Luxon does, and the forms it leaves to Luxon too', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: 0, max: 5 }), (ms, cut) => {
      const full = new Date(ms).toISOString(); // 2026-11-20T10:42:07.123Z
      const iso = [
        full, full.replace(/\.\d{3}Z$/, 'Z'), full.replace(/\d{2}Z$/, 'Z'), full.replace(/:\d{2}\.\d{3}Z$/, 'Z'),
        full.replace('Z', '+00:00'), full.replace('Z', '-05:30'),
      ][cut]!;
      expect(same(instantMs(iso), luxonMs(iso))).toBe(true);
    }), { numRuns: 2000 });
  });

  it('does not roll impossible fields over as Date.parse does', () => {
    for (const odd of [
      '2026-11-20T10:42:07.123456Z', '2026-11-20T10:42:07-05:00', '2026-11-20T10:42:07', '2026-11-20', '2026-02-30T10:00:00Z',
      '2024-02-29T10:00:00Z', '2026-11-20T25:00:00Z', '2026-11-20T10:60:00Z', '2026-11-20T10:00:00+24:00', 'nope', '',
    ]) {
      expect(same(instantMs(odd), luxonMs(odd))).toBe(true);
    }
  });

  it('knows the real days of the calendar', () => {
    expect([isCalendarDay(2024, 2, 29), isCalendarDay(2026, 2, 29), isCalendarDay(1900, 2, 29), isCalendarDay(2000, 2, 29)]).toEqual([true, false, false, true]);
    expect([isCalendarDay(2026, 13, 1), isCalendarDay(2026, 4, 31), isCalendarDay(2026, 12, 31), isCalendarDay(2026, 1, 0)]).toEqual([false, false, true, false]);
  });
});
