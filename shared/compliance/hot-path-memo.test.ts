/**
 * The engine's hot-path memos answer exactly what they stand for: holiday names per (country, region, day) as
 * the calendar gives them, and a zone's formatted local time however calls for several zones and instants
 * interleave (a queue build asks for the same few in turn).
 */
import { describe, expect, it } from 'vitest';
import { publicHolidayOnEpochDay } from '../calendar/holidays';
import { holidayNameOn } from './check';
import { formatLocal, localMs } from './local-time';

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

describe('formatLocal', () => {
  it('gives the wall time of each zone and instant, whatever was asked before', () => {
    const zones = ['America/New_York', 'America/Bogota', 'America/Santiago', 'Pacific/Easter', 'America/Punta_Arenas'];
    const instants = [Date.UTC(2026, 2, 8, 6, 59), Date.UTC(2026, 2, 8, 7, 0), Date.UTC(2026, 3, 5, 3, 30), Date.UTC(2026, 10, 25, 15, 0, 42)];
    for (let i = 0; i < 200; i++) {
      const zone = zones[(i * 7) % zones.length]!;
      const ms = instants[(i * 3) % instants.length]! + (i % 5 === 0 ? 60_000 : 0);
      const iso = new Date(localMs(zone, ms)).toISOString();
      expect(formatLocal(zone, ms)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 16)}`);
    }
    expect(formatLocal('America/New_York', Date.UTC(2026, 2, 8, 6, 59))).toBe('2026-03-08 01:59');
    expect(formatLocal('America/New_York', Date.UTC(2026, 2, 8, 7, 0))).toBe('2026-03-08 03:00');
  });
});
