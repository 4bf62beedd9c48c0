/** HTTP contract of assignment (admin and lead). */
import { z } from 'zod';
import { DPD_BUCKETS } from '../segments/rules';

export const assignmentRoutePaths = {
  assign: '/api/v1/admin/assignments',
  summary: '/api/v1/admin/assignments/summary',
} as const;

const names = z.array(z.string().min(1).max(64)).min(1).max(500);

export const AssignmentTarget = z.union([
  z.object({ teamId: z.string().min(1).max(64) }).strict(),
  z.object({ agentIds: z.array(z.string().min(1).max(64)).min(1).max(1000) }).strict(),
]);

export const AssignmentRuleInput = z
  .object({
    when: z
      .object({ segments: names.optional(), products: names.optional(), regions: names.optional(), dpdBuckets: z.array(z.enum(DPD_BUCKETS)).min(1).optional() })
      .strict()
      .default({}),
    to: AssignmentTarget,
    balanceBy: z.enum(['count', 'balance']).default('count'),
  })
  .strict();

export const AssignmentRequest = z
  .object({
    creditorId: z.string().min(1).max(64),
    /** Which accounts are (re)assigned; everything of the creditor's active accounts by default. */
    scope: z
      .object({
        segments: names.optional(),
        accountIds: z.array(z.string().min(1).max(64)).min(1).max(50_000).optional(),
        /** Reassignment: the accounts of these agents (leaving, on leave, overloaded…). */
        fromAgentIds: names.optional(),
        onlyUnassigned: z.boolean().default(false),
      })
      .strict()
      .default({ onlyUnassigned: false }),
    rules: z.array(AssignmentRuleInput).min(1).max(50),
    keepCurrent: z.boolean().default(true),
    dryRun: z.boolean().default(false),
    reason: z.string().max(200).default(''),
  })
  .strict();
export type AssignmentRequest = z.input<typeof AssignmentRequest>;

export const SummaryQuery = z.object({ creditorId: z.string().min(1).max(64) }).strict();
