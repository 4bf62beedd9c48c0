import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  addBusinessDays,
  businessDayAfter,
  holidaysBetween,
  isBusinessDay,
  isPublicHoliday,
  nextBusinessDay,
  publicHoliday,
  publicHolidayOnEpochDay,
  epochDayOf,
} from './holidays';

describe('public holidays', () => {
  it.each([
    // date, country, region, holiday?
    ['2026-07-20', 'CO', undefined, true], // Independencia
    ['2026-01-12', 'CO', undefined, true], // Reyes moved to Monday (Ley Emiliani)
    ['2026-01-06', 'CO', undefined, false], // …so the 6th itself is a working day
    ['2026-07-13', 'CO', undefined, true], // Virgen de Chiquinquirá, from 2026 (Ley 2578)
    ['2026-09-18', 'CL', undefined, true],
    ['2026-06-07', 'CL', undefined, false], // Arica's own day…
    ['2026-06-07', 'CL', 'AP', true], // …only in Arica y Parinacota
    ['2026-09-16', 'MX', undefined, true],
    ['2026-04-02', 'MX', undefined, false], // Holy Thursday is a bank holiday only
    ['2026-12-09', 'PE', undefined, true], // Ayacucho (needs date-holidays ≥ 3.35)
    ['2026-08-06', 'PE', undefined, true],
    ['2026-05-25', 'AR', undefined, true],
    ['2026-07-04', 'US', undefined, true],
    ['2026-07-03', 'US', undefined, true], // observed (substitute) day
    ['2026-04-20', 'US', 'MA', true], // Patriots' Day
    ['2026-04-20', 'US', undefined, false],
    ['2026-04-21', 'CO', undefined, false],
  ])('%s in %s/%s → %s', (date, country, region, expected) => {
    expect(isPublicHoliday(date, country, region)).toBe(expected);
    expect(publicHolidayOnEpochDay(epochDayOf(date), country, region) !== undefined).toBe(expected);
  });

  it('marks regional holidays with their region', () => {
    expect(publicHoliday('2026-06-07', 'CL', 'AP')).toMatchObject({ region: 'AP', country: 'CL' });
    expect(publicHoliday('2026-09-18', 'CL', 'AP')?.region).toBeUndefined();
  });

  it('lists holidays between two dates across a year boundary, in order', () => {
    const list = holidaysBetween('2025-12-20', '2026-01-15', 'CO').map((h) => h.date);
    expect(list).toEqual(['2025-12-25', '2026-01-01', '2026-01-12']);
  });

  it('moves a due date off weekends and holidays', () => {
    expect(nextBusinessDay('2026-07-17', 'CO')).toBe('2026-07-17'); // a Friday stays
    expect(nextBusinessDay('2026-07-18', 'CO')).toBe('2026-07-21'); // Sat → Sun → Mon 20 (holiday) → Tue 21
    expect(nextBusinessDay('2026-12-25', 'PE')).toBe('2026-12-28');
    expect(businessDayAfter('2026-07-17', 'CO')).toBe('2026-07-21');
    expect(addBusinessDays('2026-07-16', 2, 'CO')).toBe('2026-07-21');
    expect(isBusinessDay('2026-07-18', 'CO', undefined, { weekend: [7] })).toBe(true);
  });

  it('refuses bad input with a specific code', () => {
    expect(() => isPublicHoliday('2026-02-30', 'CO')).toThrow(CalendarError);
    expect(() => isPublicHoliday('20/07/2026', 'CO')).toThrow(/invalid_date/);
    expect(() => isPublicHoliday('2026-07-20', 'Colombia')).toThrow(/invalid_country/);
    expect(() => holidaysBetween('2026-02-01', '2026-01-01', 'CO')).toThrow(/invalid_range/);
  });
});
