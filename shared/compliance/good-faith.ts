/**
 * A flag can reach this desk late: the debtor sends a cease letter, the server records it, and an agent who is
 * offline dials before the next pull. The attempt was checked against what the desk knew, so it was made in good
 * faith; once the flag arrives it blocks. This classifies a past attempt for the audit trail and reports.
 */
import type { FlagInput } from './check';

export type PastAttemptStatus =
  | { status: 'compliant' }
  | { status: 'good_faith'; flags: string[] }
  | { status: 'violation'; flags: string[] };

/** `attemptAt`: when the attempt was made (UTC ISO); `flags`: the debtor's flags as known now, with their dates. */
export function classifyPastAttempt(attemptAt: string, flags: readonly FlagInput[]): PastAttemptStatus {
  const at = Date.parse(attemptAt);
  const goodFaith: string[] = [];
  const violation: string[] = [];
  for (const f of flags) {
    if (typeof f === 'string') continue; // no dates: cannot place it in time
    const effective = f.effectiveAt ? Date.parse(f.effectiveAt) : NaN;
    const received = f.receivedAt ? Date.parse(f.receivedAt) : NaN;
    if (Number.isNaN(effective) || effective > at) continue;
    if (!Number.isNaN(received) && received > at) goodFaith.push(f.flag);
    else violation.push(f.flag);
  }
  if (violation.length > 0) return { status: 'violation', flags: violation };
  if (goodFaith.length > 0) return { status: 'good_faith', flags: goodFaith };
  return { status: 'compliant' };
}
