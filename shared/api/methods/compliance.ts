import { z } from 'zod';
import { method } from '../define';
import { E164, Id, IsoDateTime } from '../../domain/codes';
import { ContactChannel } from '../../domain/portfolio';

/** A reason as the engine gives it (shared/compliance/check ReasonCode + params); words come from its messages. */
export const ComplianceReason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ComplianceReason = z.infer<typeof ComplianceReason>;

const DialTarget = z
  .object({
    debtorId: Id,
    /** The account the call is about; omitted = the debtor in general (every account's caps apply). */
    accountId: Id.optional(),
    phoneE164: E164,
    channel: ContactChannel.default('call'),
  })
  .strict();

/** The check's answer for one contact attempt, already written to the audit log (`auditSeq`). */
export const DialDecision = z.object({
  allowed: z.boolean(),
  reasons: z.array(ComplianceReason),
  /** First instant every rule allows (UTC); null when blocked until a flag is lifted, or when allowed. */
  nextAllowedAt: IsoDateTime.nullable(),
  /** The debtor's zone to show times in (their stored zone) and every candidate zone the check required. */
  debtorZone: z.string(),
  zones: z.array(z.string()),
  /** Whether a lead could authorize an exception (hours, holidays, caps; never flags or refusals). */
  overridable: z.boolean(),
  override: z
    .object({ by: z.string(), role: z.string(), reason: z.string(), overridden: z.array(ComplianceReason) })
    .nullable(),
  checkedAt: IsoDateTime,
  auditSeq: z.number().int(),
});
export type DialDecision = z.infer<typeof DialDecision>;

export const AuditVerdict = z.union([
  z.object({ ok: z.literal(true), count: z.number().int(), head: z.string() }),
  z.object({
    ok: z.literal(false),
    firstBrokenSeq: z.number().int(),
    reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'missing_rows', 'malformed_row', 'head_mismatch']),
    count: z.number().int(),
  }),
]);
export type AuditVerdict = z.infer<typeof AuditVerdict>;

/** A past attempt on this desk, judged against the flags as known now (good faith = flag not yet received). */
export const AttemptReview = z.object({
  seq: z.number().int(),
  at: IsoDateTime,
  actor: z.string(),
  action: z.enum(['contact_attempt', 'contact_override']),
  phoneE164: z.string().nullable(),
  status: z.enum(['compliant', 'good_faith', 'violation']),
  flags: z.array(z.string()),
});
export type AttemptReview = z.infer<typeof AttemptReview>;

export const complianceMethods = {
  /** Runs the check before a contact attempt and records the decision in the audit log (allowed or blocked). */
  checkDial: method(DialTarget, DialDecision),
  /** A lead authorizes an exception, with a reason; recorded. An agent gets `forbidden`. */
  override: method(DialTarget.extend({ reason: z.string().trim().min(5).max(500) }).strict(), DialDecision),
  /** Walks the audit chain; names the first broken link (lead/admin). */
  verifyAudit: method(z.object({ expectedHead: z.string().regex(/^[0-9a-f]{64}$/).optional() }).strict(), AuditVerdict),
  /** This desk's recent attempts on a debtor, judged against the debtor's flags as known now (lead/admin). */
  attempts: method(z.object({ debtorId: Id }).strict(), z.array(AttemptReview)),
};
