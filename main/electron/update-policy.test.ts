import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_MS, decideUpdate, deferKey, type UpdatePolicyInput, type WorkState } from './update-policy';

const base: UpdatePolicyInput = { updateReady: true, quitting: false, work: 'idle', workSince: 0, now: 10 * 60_000, quietMs: DEFAULT_QUIET_MS };

describe('decideUpdate', () => {
  it.each<[string, Partial<UpdatePolicyInput>, ReturnType<typeof decideUpdate>]>([
    ['nothing downloaded', { updateReady: false }, { action: 'none' }],
    ['idle for long enough', {}, { action: 'install', when: 'idle' }],
    ['call ringing', { work: 'ringing' }, { action: 'defer', reason: 'ringing', retryInMs: null }],
    ['call in progress', { work: 'in_call' }, { action: 'defer', reason: 'in_call', retryInMs: null }],
    ['wrap-up', { work: 'wrap_up' }, { action: 'defer', reason: 'wrap_up', retryInMs: null }],
    ['renderer has not reported yet', { work: 'unknown' }, { action: 'defer', reason: 'unknown_state', retryInMs: null }],
    ['call just ended', { workSince: 10 * 60_000 - 30_000 }, { action: 'defer', reason: 'settling', retryInMs: DEFAULT_QUIET_MS - 30_000 }],
    ['quitting, even mid-call', { quitting: true, work: 'in_call' }, { action: 'install', when: 'quit' }],
  ])('%s', (_name, patch, expected) => {
    expect(decideUpdate({ ...base, ...patch })).toEqual(expected);
  });

  it('never installs at an idle moment while the agent is busy (property)', () => {
    const busy: WorkState[] = ['ringing', 'in_call', 'wrap_up', 'unknown'];
    fc.assert(
      fc.property(fc.constantFrom(...busy), fc.nat(), fc.nat(), fc.nat(), (work, since, delta, quietMs) => {
        const d = decideUpdate({ ...base, work, workSince: since, now: since + delta, quietMs });
        return d.action === 'defer';
      }),
    );
  });

  it('installs at idle exactly when the quiet period has passed (property)', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e7), fc.nat(1e7), (since, delta, quietMs) => {
        const d = decideUpdate({ ...base, workSince: since, now: since + delta, quietMs });
        return delta >= quietMs ? d.action === 'install' : d.action === 'defer' && d.retryInMs === quietMs - delta;
      }),
    );
  });

  it('has an i18n key for every deferral', () => {
    expect(['unknown_state', 'ringing', 'in_call', 'wrap_up', 'settling'].map((r) => deferKey(r as never))).toEqual([
      'updates.deferred.waitingForState', 'updates.deferred.ringing', 'updates.deferred.inCall', 'updates.deferred.wrapUp', 'updates.deferred.settling',
    ]);
  });
});
