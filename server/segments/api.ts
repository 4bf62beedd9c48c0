/** HTTP contract of segmentation (admin and lead): the creditor's rule set, a dry run, applying it. */
import { z } from 'zod';

export const segmentRoutePaths = {
  rules: '/api/v1/admin/creditors/:creditorId/segment-rules',
  preview: '/api/v1/admin/creditors/:creditorId/segment-rules/preview',
  apply: '/api/v1/admin/creditors/:creditorId/segment-rules/apply',
} as const;

export const CreditorParams = z.object({ creditorId: z.string().min(1).max(64) }).strict();
export const ApplyQuery = z.object({ asOf: z.iso.date().optional() }).strict();
