/**
 * When may a downloaded update be installed? Pure, so every rule is tested without electron-updater.
 * Rules: never while a call rings, is up, or is in wrap-up; not before the renderer has told us what the
 * agent is doing; not in the first moments after a call ends (the next one is often about to arrive);
 * always when the app is quitting anyway.
 */
export type WorkState = 'unknown' | 'idle' | 'ringing' | 'in_call' | 'wrap_up';

export interface UpdatePolicyInput {
  updateReady: boolean;
  quitting: boolean;
  work: WorkState;
  /** When `work` last changed (ms since epoch). */
  workSince: number;
  now: number;
  /** How long the agent must have been idle for it to count as an idle moment. */
  quietMs: number;
}

export type UpdateDecision =
  | { action: 'none' }
  | { action: 'install'; when: 'quit' | 'idle' }
  | { action: 'defer'; reason: DeferReason; retryInMs: number | null };

export type DeferReason = 'unknown_state' | 'ringing' | 'in_call' | 'wrap_up' | 'settling';

export const DEFAULT_QUIET_MS = 2 * 60_000;

export function decideUpdate(input: UpdatePolicyInput): UpdateDecision {
  if (!input.updateReady) return { action: 'none' };
  if (input.quitting) return { action: 'install', when: 'quit' };
  switch (input.work) {
    case 'unknown':
      return { action: 'defer', reason: 'unknown_state', retryInMs: null };
    case 'ringing':
    case 'in_call':
    case 'wrap_up':
      return { action: 'defer', reason: input.work, retryInMs: null };
    case 'idle': {
      const idleFor = input.now - input.workSince;
      if (idleFor < input.quietMs) return { action: 'defer', reason: 'settling', retryInMs: input.quietMs - idleFor };
      return { action: 'install', when: 'idle' };
    }
    default: {
      const never: never = input.work;
      throw new Error(`unhandled work state ${String(never)}`);
    }
  }
}

/** i18n key for a deferral, shown in the renderer's update badge. */
export function deferKey(reason: DeferReason): string {
  switch (reason) {
    case 'unknown_state':
      return 'updates.deferred.waitingForState';
    case 'ringing':
      return 'updates.deferred.ringing';
    case 'in_call':
      return 'updates.deferred.inCall';
    case 'wrap_up':
      return 'updates.deferred.wrapUp';
    case 'settling':
      return 'updates.deferred.settling';
    default: {
      const never: never = reason;
      throw new Error(`unhandled reason ${String(never)}`);
    }
  }
}
