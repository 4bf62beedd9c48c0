import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { dateInZone } from './zone-date';

const luxon = (zone: string, iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate() as string | null;

const ZONES = [
  'UTC', 'America/Bogota', 'America/Santiago', 'America/Mexico_City', 'America/Lima', 'America/New_York',
  'America/Los_Angeles', 'America/Caracas', 'America/Punta_Arenas', 'America/Sao_Paulo', 'America/St_Johns',
  'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Europe/Madrid',
];

describe('dateInZone', () => {
  it('gives exactly Luxon\'s date for any instant and zone, offsets and DST changes included', () => {
    const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.constantFrom('Z', '+00:00', '-05:00', '+05:30'), (ms, zone, suffix) => {
        const shift = suffix === 'Z' ? 0 : (suffix.startsWith('-') ? -1 : 1) * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4))) * 60_000;
        const iso = new Date(ms + shift).toISOString().slice(0, 23) + suffix;
        expect(dateInZone(zone, iso)).toBe(luxon(zone, iso));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with Luxon on the instants around local midnight and DST changes', () => {
    const cases: Array<[string, string]> = [
      ['America/Santiago', '2026-04-05T02:59:59Z'], ['America/Santiago', '2026-04-05T03:00:00Z'],
      ['America/Santiago', '2026-09-06T03:59:59.999Z'], ['America/Santiago', '2026-09-06T04:00:00Z'],
      ['America/New_York', '2026-03-08T06:59:59Z'], ['America/New_York', '2026-03-08T07:00:00Z'],
      ['Asia/Kathmandu', '2026-12-06T18:14:59Z'], ['Asia/Kathmandu', '2026-12-06T18:15:00Z'],
      ['America/Bogota', '2026-12-07T04:59:59.999Z'], ['America/Bogota', '2026-12-07T05:00:00Z'],
    ];
    for (const [zone, iso] of cases) expect(dateInZone(zone, iso)).toBe(luxon(zone, iso));
  });

  it('leaves what it cannot read fast to Luxon: no offset, a date only, an unknown zone, bad text', () => {
    for (const [zone, iso] of [
      ['America/Bogota', '2026-12-07T03:00:00'], ['America/Bogota', '2026-12-07'], ['Mars/Olympus', '2026-12-07T03:00:00Z'],
      ['America/Bogota', 'not a date'], ['America/Bogota', '2026-13-45T00:00:00Z'],
      ['America/Bogota', '2026-02-30T10:00:00Z'], ['America/Bogota', '2026-12-07T10:00:00+25:00'], // Date.parse would roll these over
    ] as const) expect(dateInZone(zone, iso)).toBe(luxon(zone, iso));
  });
});
