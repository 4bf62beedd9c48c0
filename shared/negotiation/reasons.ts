import { z } from 'zod';

/** Why the debtor has not paid, as the agent records it (kept for the KPIs). Labels in messages.ts `reason.<code>`. */
export const NonPaymentReasonSchema = z.enum([
  'lost_job',
  'reduced_income',
  'illness',
  'forgot',
  'dispute',
  'billing_error',
  'cant_pay_now',
  'other',
]);
export type NonPaymentReason = z.infer<typeof NonPaymentReasonSchema>;

export interface ReasonInfo {
  /** The free text is mandatory (for `other`). */
  textRequired: boolean;
  /**
   * The debtor disputes the debt or its amount: the contact must go the dispute way (record it, stop collecting
   * the disputed part where the law says so; see shared/compliance) rather than to offers.
   */
  opensDispute: boolean;
}

export const REASONS: Record<NonPaymentReason, ReasonInfo> = {
  lost_job: { textRequired: false, opensDispute: false },
  reduced_income: { textRequired: false, opensDispute: false },
  illness: { textRequired: false, opensDispute: false },
  forgot: { textRequired: false, opensDispute: false },
  dispute: { textRequired: false, opensDispute: true },
  billing_error: { textRequired: false, opensDispute: true },
  cant_pay_now: { textRequired: false, opensDispute: false },
  other: { textRequired: true, opensDispute: false },
};

export const REASON_CODES = NonPaymentReasonSchema.options;

/**
 * Colombia's Ley 2300 (art. 7) bars asking the debtor why they did not pay; there the agent records a reason
 * only when the debtor volunteers it, and scripts must not ask. Elsewhere asking is ordinary practice.
 */
export function mayAskReason(country: string): boolean {
  return country !== 'CO';
}

export const ReasonEntrySchema = z
  .object({
    code: NonPaymentReasonSchema,
    text: z.string().trim().max(500, { message: 'reason.text_too_long' }).default(''),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (REASONS[r.code].textRequired && r.text.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'reason.text_required' });
    }
  });
export type ReasonEntry = z.output<typeof ReasonEntrySchema>;
