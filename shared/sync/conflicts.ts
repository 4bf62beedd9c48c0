/**
 * Who wins when the desk and the server disagree, per entity. docs/sync.md explains each rule; the server's
 * apply code and the desk's pull code follow this table, and a test keeps the table and the doc in step.
 */
export type ConflictRule =
  | 'server-wins'        // the server's row replaces the desk's on every pull
  | 'append-only'        // records are never edited: both sides only add; ids (UUIDs) never collide
  | 'server-validates'   // the desk proposes, the server accepts or refuses with a reason, then owns it
  | 'last-writer-wins';  // later marking (by the time it was made) wins

export const conflictRules = {
  account: { rule: 'server-wins', why: 'balances, payments and assignment are money and ownership: the server is authoritative' },
  payment: { rule: 'server-wins', why: 'payments are posted by the creditor file, never by a desk' },
  assignment: { rule: 'server-wins', why: 'an account reassigned away leaves the desk; work on it already queued is refused with a reason' },
  debtor: { rule: 'server-wins', why: 'identity and stop flags come from the creditor and compliance, not the desk' },
  policy: { rule: 'server-wins', why: 'a promise made under an older version is refused (policyChanged) so the agent recomputes' },
  script: { rule: 'server-wins', why: 'scripts are versioned by the server; the desk keeps every version it pulled' },
  note: { rule: 'append-only', why: 'notes are never edited; a replayed note is a duplicate by mutation id and by note id' },
  contact: { rule: 'append-only', why: 'each attempt is a fact; frequency caps count them all' },
  callEvent: { rule: 'append-only', why: 'facts in time order' },
  audit: { rule: 'append-only', why: 'the audit trail is never rewritten' },
  promise: { rule: 'server-validates', why: 'the server checks assignment, currency and policy version; it then owns the status (kept, broken)' },
  recording: { rule: 'server-validates', why: 'one recording per call: the server checks its bytes arrived (by hash), the call and debtor are the agent\'s, and the call has no other recording' },
  callback: { rule: 'server-validates', why: 'only on an account still assigned to the agent' },
  phone: { rule: 'last-writer-wins', why: 'a wrong-number mark applies if newer than the phone\'s last change; do_not_call is never downgraded by a desk' },
} as const satisfies Record<string, { rule: ConflictRule; why: string }>;
export type ConflictEntity = keyof typeof conflictRules;
