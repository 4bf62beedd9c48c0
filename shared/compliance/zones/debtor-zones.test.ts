import { describe, expect, it } from 'vitest';
import { debtorZoneCandidates } from './debtor-zones';

const zonesOf = (input: Parameters<typeof debtorZoneCandidates>[0]) => debtorZoneCandidates(input).map((c) => c.zone).sort();

describe('debtorZoneCandidates', () => {
  it.each([
    [{ country: 'US', region: 'NY' }, ['America/New_York']],
    [{ country: 'US', region: 'TX' }, ['America/Chicago', 'America/Denver']],
    [{ country: 'US', phones: ['+13125550123'] }, ['America/Chicago']],
    [{ country: 'US', region: 'NY', dialledE164: '+13105550123' }, ['America/Los_Angeles', 'America/New_York']],
    [{ country: 'MX', region: 'CDMX' }, ['America/Mexico_City']],
    [{ country: 'MX', region: 'Q.Roo' }, ['America/Cancun']],
    [{ country: 'MX', phones: ['+529981234567'] }, ['America/Cancun']],
    [{ country: 'CL', region: 'MA' }, ['America/Punta_Arenas']],
    [{ country: 'CL', phones: ['+56987654321'] }, ['America/Punta_Arenas', 'America/Santiago', 'Pacific/Easter']],
    [{ country: 'CL', phones: ['+56612123456'] }, ['America/Punta_Arenas']],
    [{ country: 'CO' }, ['America/Bogota']],
    [{ country: 'PE', region: 'LIM' }, ['America/Lima']],
    [{ country: 'AR', region: 'CABA' }, ['America/Argentina/Buenos_Aires']],
  ])('%j → %j', (input, zones) => {
    expect(zonesOf(input)).toEqual(zones);
  });

  it('keeps the address region for the rules when the phone adds a zone', () => {
    const c = debtorZoneCandidates({ country: 'US', region: 'MA', dialledE164: '+13105550123' });
    expect(c.every((x) => x.region === 'MA')).toBe(true);
  });

  it('with nothing known, every zone of the country and no region (all regional rules apply)', () => {
    const c = debtorZoneCandidates({ country: 'US' });
    expect(c.length).toBeGreaterThan(6);
    expect(c.every((x) => x.region === undefined)).toBe(true);
  });
});
