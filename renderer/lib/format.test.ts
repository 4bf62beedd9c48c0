import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarDate, dateTimeIn, timeIn } from './format';

// The formats as Luxon wrote them before the cached formatters (the desk's dates must not change).
const luxonDateTime = (iso: string, zone: string, locale: string) => {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(locale);
  return dt.isValid ? dt.toFormat(locale.startsWith('en') ? 'MM/dd/yyyy HH:mm' : 'dd/MM/yyyy HH:mm') : iso;
};
const luxonDate = (d: string, locale: string) => {
  const dt = DateTime.fromISO(d).setLocale(locale);
  return dt.isValid ? dt.toFormat(locale.startsWith('en') ? 'MM/dd/yyyy' : 'dd/MM/yyyy') : d;
};
const ZONES = ['America/Bogota', 'America/Santiago', 'America/Mexico_City', 'America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo', 'UTC', 'Not/AZone'];
const LOCALES = ['es-CO', 'en-US'];

describe('date formats', () => {
  it('dateTimeIn: the same text as Luxon for any instant, zone and UI locale (DST changes, midnight, bad zone)', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...ZONES), fc.constantFrom(...LOCALES),
      (ms, zone, locale) => {
        const iso = new Date(ms).toISOString();
        expect(dateTimeIn(iso, zone, locale)).toBe(luxonDateTime(iso, zone, locale));
      },
    ), { numRuns: 2000 });
    expect(dateTimeIn('2026-03-08T07:30:00Z', 'America/New_York', 'en-US')).toBe('03/08/2026 03:30');
    expect(dateTimeIn('2026-11-20T05:00:00.000Z', 'America/Bogota', 'es-CO')).toBe('20/11/2026 00:00');
    expect(dateTimeIn('not a date', 'America/Bogota', 'es-CO')).toBe('not a date');
  });

  it('calendarDate: the same text as Luxon, an impossible or malformed date as given', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.constantFrom(...LOCALES), (d, locale) => {
      const iso = d.toISOString().slice(0, 10);
      expect(calendarDate(iso, locale)).toBe(luxonDate(iso, locale));
    }));
    for (const bad of ['2026-02-30', '2026-13-01', '20/11/2026', '']) expect(calendarDate(bad, 'es-CO')).toBe(luxonDate(bad, 'es-CO'));
    expect(calendarDate('2026-11-20T10:00:00Z', 'es-CO')).toBe(luxonDate('2026-11-20T10:00:00Z', 'es-CO'));
  });

  it('timeIn: the same "HH:mm" as Luxon for any instant and zone; a bad zone shows "—"', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
      const dt = DateTime.fromMillis(ms).setZone(zone);
      expect(timeIn(zone, 'es-CO', ms)).toBe(dt.isValid ? dt.toFormat('HH:mm') : '—');
      expect(timeIn(zone, 'es-CO', DateTime.fromMillis(ms))).toBe(timeIn(zone, 'es-CO', ms));
    }), { numRuns: 2000 });
  });

});
