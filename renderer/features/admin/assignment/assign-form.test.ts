import { describe, expect, it } from 'vitest';
import { toRequest, type AssignForm } from './assign-form';

const base: AssignForm = {
  scope: 'all', segments: '', fromAgents: [], target: 'agents', teamId: '', agents: ['u-a1'], extraAgents: '',
  balanceBy: 'balance', keepCurrent: true, reason: ' licencia ',
};

describe('toRequest', () => {
  it('balances all accounts over the chosen agents (plus typed ones, deduplicated)', () => {
    expect(toRequest('cred', { ...base, extraAgents: 'u-a2, u-a1,' }, true)).toEqual({
      ok: true,
      req: { creditorId: 'cred', to: { agentIds: ['u-a1', 'u-a2'] }, balanceBy: 'balance', keepCurrent: true, dryRun: true, reason: 'licencia' },
    });
  });
  it('reassigns a segment to a team, and the accounts of leaving agents', () => {
    const seg = toRequest('cred', { ...base, scope: 'segments', segments: 'tardia, media', target: 'team', teamId: 'team-1' }, false);
    expect(seg).toMatchObject({ ok: true, req: { segments: ['tardia', 'media'], to: { teamId: 'team-1' }, dryRun: false } });
    const from = toRequest('cred', { ...base, scope: 'from', fromAgents: ['u-a9'] }, true);
    expect(from).toMatchObject({ ok: true, req: { fromAgentIds: ['u-a9'] } });
  });
  it('names what is missing', () => {
    expect(toRequest('cred', { ...base, agents: [] }, true)).toEqual({ ok: false, key: 'admin.assignment.pickAgent', field: 'agents' });
    expect(toRequest('cred', { ...base, scope: 'segments' }, true)).toMatchObject({ ok: false, field: 'segments' });
    expect(toRequest('cred', { ...base, scope: 'from' }, true)).toMatchObject({ ok: false, field: 'fromAgents' });
    expect(toRequest('cred', { ...base, target: 'team' }, true)).toMatchObject({ ok: false, field: 'teamId' });
  });
});
