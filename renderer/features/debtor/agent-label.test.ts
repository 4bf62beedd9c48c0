import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../shared/domain/users';
import { i18n } from '../../i18n';
import { agentNamer } from './agent-label';

const staff: StaffMember[] = [
  { id: 'u-agent1', displayName: 'Laura Benítez', role: 'agent' },
  { id: 'u-lead1', displayName: 'Marta Gil', role: 'lead' },
  { id: 'u-blank', displayName: '   ', role: 'agent' },
];

afterEach(() => void i18n.changeLanguage('es'));

describe('agentNamer', () => {
  it("says usted (es) / you (en) for the signed-in user's own rows, even when the directory knows their name", async () => {
    await i18n.changeLanguage('es');
    expect(agentNamer(staff, 'u-agent1', i18n.t('timeline.you'))('u-agent1')).toBe('usted');
    await i18n.changeLanguage('en');
    expect(agentNamer(staff, 'u-agent1', i18n.t('timeline.you'))('u-agent1')).toBe('you');
  });

  it("names a colleague by their display name, and a lead's rows by the lead's name", () => {
    const name = agentNamer(staff, 'u-agent1', 'usted');
    expect(name('u-lead1')).toBe('Marta Gil');
    expect(agentNamer(staff, 'u-lead1', 'usted')('u-agent1')).toBe('Laura Benítez');
  });

  it('falls back to the id for an unknown user, a blank name, no directory or no session — never blank', () => {
    expect(agentNamer(staff, 'u-agent1', 'usted')('legacy-77')).toBe('legacy-77');
    expect(agentNamer(staff, 'u-agent1', 'usted')('u-blank')).toBe('u-blank');
    expect(agentNamer(undefined, 'u-agent1', 'usted')('u-lead1')).toBe('u-lead1');
    expect(agentNamer(staff, null, 'usted')('u-agent1')).toBe('Laura Benítez');
  });
});
