/**
 * Compliance: may we contact this debtor now? Pure, offline, fast (~µs per check).
 *
 * ## Build the rules once
 * ```ts
 * const rules = createRulebook({
 *   settings,                       // uncertain figures (./settings), defaults when omitted
 *   creditorOverrides: { acme: { US: { caps: [{ ...7in7, max: 5 }] } } }, // tighten only; loosening throws
 * });                               // ComplianceRuleError { code, key, params } (messages: formatRuleError)
 * ```
 *
 * ## Before every contact attempt (manual dial, queue dial, progressive, callback, SMS)
 * ```ts
 * const decision = checkContactAttempt({
 *   rules,
 *   debtor: { id, country, region, timeZone, phones, flags,            // flags: codes or {flag, effectiveAt, receivedAt}
 *             doNotCallNumbers, refusedChannels, authorizedChannels, inconvenientTimes },
 *   account: { id, creditorId },
 *   attempt: { channel: 'call', at: nowIso, phoneE164, override? },   // override: { by: leadId, role: 'lead', reason }
 *   history: contactEventsFromContacts(contacts),                    // every contact with this debtor (all accounts)
 *   now: nowIso,
 * });
 * // → { allowed: true }                                   dial
 * // → { allowed: true, override: { by, role, reason, overridden } }   dial, and audit the override
 * // → { allowed: false, reasons: [{ code, params }], nextAllowedAt }  show formatDecision(decision, 'es', zone)
 * ```
 * Every decision (allowed, blocked, overridden) should be appended to the audit log
 * (main/services/audit/audit-log.ts: appendAudit).
 *
 * ## Work queue
 * `deferralFor({ rules, debtor, account, history, now })` → `{ deferred: false } | { deferred: true, until, reasons }`.
 * Precompute `debtor.zones = debtorZoneCandidates(...)` once per debtor when checking thousands.
 *
 * ## Other pieces
 * - `debtorZoneCandidates({ country, region, timeZone, phones, dialledE164 })`: where the debtor may be; the
 *   check requires every candidate to allow the attempt (most restrictive).
 * - `requiredDisclosures(...)`: disclosure ids the script must include on this contact.
 * - `classifyPastAttempt(at, flags)`: 'compliant' | 'good_faith' (flag in force but not yet synced) | 'violation'.
 * - `applyCreditorOverrides(base, overrides)`: a creditor's rule set, refusing any loosening.
 * - `./audit-chain`: the hash chain of the audit log (pure).
 */
export * from './rules-schema';
export * from './settings';
export * from './overrides';
export * from './rulebook';
export * from './check';
export * from './messages';
export * from './disclosures';
export * from './good-faith';
export * from './history';
export * from './input-schema';
export { buildBaseRules, type BaseRules } from './jurisdictions';
export { debtorZoneCandidates, type ZoneCandidate, type DebtorPlaceInput } from './zones/debtor-zones';
export { placeOfPhone } from './zones/phone-zones';
