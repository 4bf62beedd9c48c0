import { z } from 'zod';
import { method } from '../define';
import { IsoDateTime } from '../../domain/codes';

/**
 * A mutation the server refused (account reassigned, policy changed, bad data…): kept on the desk and shown to
 * the agent with the reason, never dropped silently. `reason.key` is an i18n key (shared/sync/reasons).
 */
export const RefusedMutationView = z.object({
  seq: z.number().int(),
  uuid: z.string(),
  kind: z.string(),
  createdAt: IsoDateTime,
  reason: z.object({
    key: z.string().nullable(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    message: z.string(),
  }),
});
export type RefusedMutationView = z.infer<typeof RefusedMutationView>;

export const syncMethods = {
  refused: method(z.object({}).strict(), z.array(RefusedMutationView)),
};
