import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { zoneParts } from './zone-parts';

const ZONES = ['America/Bogota', 'America/Santiago', 'America/New_York', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];

describe('zoneParts', () => {
  it('gives the wall-clock fields Luxon gives for any instant and zone (DST changes and :45 offsets included)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...ZONES), (ms, zone) => {
      const dt = DateTime.fromMillis(ms).setZone(zone);
      expect(zoneParts(zone, ms)).toEqual({ year: dt.toFormat('yyyy'), month: dt.toFormat('MM'), day: dt.toFormat('dd'), hour: dt.toFormat('HH'), minute: dt.toFormat('mm') });
    }), { numRuns: 2000 });
  });

  it('gives null for a zone it does not know or an instant that is not one', () => {
    expect(zoneParts('Mars/Olympus', 0)).toBeNull();
    expect(zoneParts('America/Bogota', Number.NaN)).toBeNull();
  });
});
