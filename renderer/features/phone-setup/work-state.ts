/**
 * What the agent is doing, for the updater (never restart mid-call or mid-wrap-up) and for progressive dialing.
 * Pure: from the phone snapshot and the guided call's phase.
 */
import type { WorkState } from '../../../shared/api/methods/updates';
import type { PhoneSnapshot } from '../../softphone/types';
import type { CallPhase } from '../call/store';

export function workStateOf(snapshot: PhoneSnapshot | null, phase: CallPhase): WorkState {
  const calls = (snapshot?.calls ?? []).filter((c) => c.status !== 'ended');
  if (calls.some((c) => c.status === 'active')) return 'in_call';
  if (calls.length > 0) return 'ringing';
  if (phase === 'wrapup' || phase === 'running' || phase === 'loading') return 'wrap_up';
  return 'idle';
}
