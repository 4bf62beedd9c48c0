import { describe, expect, it } from 'vitest';
import { classifyPastAttempt } from './good-faith';
import { run } from './test-support/cases';

/**
 * A cease letter is recorded on the server at 14:00Z; the agent's desk is offline and only pulls it at 16:00Z.
 * The attempt at 15:00Z was checked against what the desk knew: allowed, and in good faith. From the pull on,
 * the flag blocks.
 */
describe('a cease flag arriving by sync while the agent is offline', () => {
  const flag = { flag: 'cease_communication' as const, effectiveAt: '2026-07-14T14:00:00Z', receivedAt: '2026-07-14T16:00:00Z' };
  const debtor = { country: 'US', region: 'NY', flags: [flag] };

  it('the attempt before the pull is allowed (the desk did not know)', () => {
    expect(run({ name: '', debtor, at: '2026-07-14T15:00:00Z', now: '2026-07-14T15:00:00Z', allowed: true }).allowed).toBe(true);
  });

  it('from the pull on, the flag blocks for good', () => {
    const d = run({ name: '', debtor, at: '2026-07-14T16:05:00Z', now: '2026-07-14T16:05:00Z', allowed: false });
    expect(d).toEqual({ allowed: false, reasons: [{ code: 'stop_flag', params: { flag: 'cease_communication' } }], nextAllowedAt: null });
  });

  it('the earlier attempt is recorded as made in good faith; a later one would be a violation', () => {
    expect(classifyPastAttempt('2026-07-14T15:00:00Z', [flag])).toEqual({ status: 'good_faith', flags: ['cease_communication'] });
    expect(classifyPastAttempt('2026-07-14T16:30:00Z', [flag])).toEqual({ status: 'violation', flags: ['cease_communication'] });
    expect(classifyPastAttempt('2026-07-14T13:00:00Z', [flag])).toEqual({ status: 'compliant' });
  });
});
