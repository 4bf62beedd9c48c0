/**
 * The history a check counts: the store's contacts plus the attempts this desk allowed (audit log) that have no
 * contact record yet. A dialled call counts toward Reg F's 7-in-7 the moment it is placed, not when the agent
 * saves its disposition; once the disposition is saved the contact stands for it, so it is not counted twice.
 */
import type { Channel } from '../../../shared/compliance/rules-schema';
import type { ContactEvent } from '../../../shared/compliance/check';

/** An allowed attempt recorded in the audit log (contact_attempt / contact_override). */
export interface AttemptRecord {
  seq: number;
  at: string;
  atMs: number;
  actor: string;
  action: 'contact_attempt' | 'contact_override';
  debtorId: string;
  accountId: string | null;
  channel: Channel;
  phoneE164: string | null;
}

/** A contact as the store holds it, reduced to what matching and the check need. */
export interface ContactFact extends ContactEvent {
  atMs: number;
  phoneE164: string | null;
}

/** A contact started this long before its attempt's audit row (clock skew) or after it (ringing) stands for it. */
const BEFORE_MS = 2 * 60_000;
const AFTER_MS = 15 * 60_000;

/** Contacts + the attempts no contact accounts for, as check events. Each contact absorbs at most one attempt. */
export function mergeAttempts(contacts: readonly ContactFact[], attempts: readonly AttemptRecord[]): ContactEvent[] {
  if (attempts.length === 0) return contacts.slice();
  const used = new Uint8Array(contacts.length);
  const out: ContactEvent[] = contacts.slice();
  for (const a of attempts) {
    let matched = false;
    for (let i = 0; i < contacts.length; i++) {
      const c = contacts[i]!;
      if (used[i] || c.channel !== a.channel || (c.direction ?? 'outbound') !== 'outbound') continue;
      const dt = c.atMs - a.atMs;
      if (dt < -BEFORE_MS || dt > AFTER_MS) continue;
      if (c.phoneE164 && a.phoneE164 && c.phoneE164 !== a.phoneE164) continue;
      used[i] = 1;
      matched = true;
      break;
    }
    if (!matched) out.push({ atMs: a.atMs, channel: a.channel, accountId: a.accountId, direction: 'outbound' });
  }
  return out;
}
