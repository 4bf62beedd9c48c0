/** Helpers for the table-driven compliance tests. */
import { checkContactAttempt, type CheckDebtor, type ContactEvent, type Decision, type OverrideRequest } from '../check';
import { createRulebook, type Rulebook } from '../rulebook';
import type { Channel } from '../rules-schema';

export const defaultRules = createRulebook();

export interface Case {
  name: string;
  debtor: Partial<CheckDebtor> & { country: string };
  at: string;
  channel?: Channel;
  phone?: string;
  history?: ContactEvent[];
  now?: string;
  override?: OverrideRequest;
  rules?: Rulebook;
  /** Expected: allowed, or the reason codes (in any order) and the next allowed instant. */
  allowed: boolean;
  codes?: string[];
  next?: string | null;
}

export function run(c: Case): Decision {
  return checkContactAttempt({
    rules: c.rules ?? defaultRules,
    debtor: { id: 'd1', flags: [], ...c.debtor },
    account: { id: 'acc1', creditorId: 'cred1' },
    attempt: { channel: c.channel ?? 'call', at: c.at, phoneE164: c.phone ?? null, ...(c.override ? { override: c.override } : {}) },
    history: c.history ?? [],
    now: c.now ?? c.at,
  });
}

export function calls(isoList: string[], extra: Partial<ContactEvent> = {}): ContactEvent[] {
  return isoList.map((at) => ({ at, channel: 'call', accountId: 'acc1', ...extra }));
}
