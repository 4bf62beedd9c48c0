/**
 * The engine's holiday memo answers exactly what it stands for: holiday names per (country, region, day) as the
 * calendar gives them, the first time and every time after.
 */
import { describe, expect, it } from 'vitest';
import { publicHolidayOnEpochDay } from '../calendar/holidays';
import { holidayNameOn } from './check';

const DAY_MS = 86_400_000;

describe('holidayNameOn', () => {
  it('names the same holidays as the calendar, day by day over two years, asked twice', () => {
    const from = Date.UTC(2025, 11, 1) / DAY_MS;
    let holidays = 0;
    for (const [country, region] of [['CO', undefined], ['US', 'NY'], ['US', 'MA'], ['CL', 'RM'], ['MX', undefined], ['AR', undefined]] as const) {
      for (let pass = 0; pass < 2; pass++) {
        for (let d = from; d < from + 730; d++) {
          const want = publicHolidayOnEpochDay(d, country, region)?.name ?? '';
          expect(holidayNameOn(d, country, region), `${country}-${region} day ${d}`).toBe(want);
          if (want !== '' && pass === 0) holidays++;
        }
      }
    }
    expect(holidays).toBeGreaterThan(60);
  });
});
