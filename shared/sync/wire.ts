/**
 * The sync HTTP contract: push (outbox → server queue), pull (server changes → desk store) and the live channel
 * that tells a desk to pull. Both sides parse with these schemas.
 */
import { z } from 'zod';
import { Id, IsoDateTime } from '../domain/codes';
import { PortfolioSlice } from '../domain/portfolio';
import { StaffMember } from '../domain/users';
import { Refusal } from './reasons';
import { WireMutation } from './mutations';

export const SYNC_PREFIX = '/api/v1/sync';
export const syncRoutes = {
  push: { method: 'POST', path: `${SYNC_PREFIX}/push` },
  pull: { method: 'GET', path: `${SYNC_PREFIX}/pull` },
  live: { method: 'GET', path: `${SYNC_PREFIX}/live` },
} as const;

/** Largest batch a desk sends (and the server accepts): ~1000 mutations stay well under the 1 MiB body limit. */
export const MAX_BATCH = 1000;

export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'client id: 8–64 letters, digits, _ or -');

export const PushRequest = z.object({
  clientId: ClientId,
  mutations: z.array(WireMutation).min(1).max(MAX_BATCH),
}).strict().superRefine((req, ctx) => {
  // Ascending, no repeats: the server applies in seq order and stops at the first gap.
  for (let i = 1; i < req.mutations.length; i++) {
    if (req.mutations[i]!.seq <= req.mutations[i - 1]!.seq) {
      ctx.addIssue({ code: 'custom', path: ['mutations', i, 'seq'], message: 'seq must increase within a batch' });
      return;
    }
  }
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * Per mutation: `applied` now; `duplicate` (already applied or refused earlier: `previous` repeats that
 * outcome, so a desk whose acknowledgement got lost still learns a refusal); `refused` now, with a reason;
 * `deferred` (a gap before it: not acknowledged, send again once the missing seq has gone through).
 */
export const PushResult = z.discriminatedUnion('outcome', [
  z.object({ seq: z.number().int(), id: z.uuid(), outcome: z.literal('applied') }),
  z.object({ seq: z.number().int(), id: z.uuid(), outcome: z.literal('refused'), reason: Refusal }),
  z.object({
    seq: z.number().int(),
    id: z.uuid(),
    outcome: z.literal('duplicate'),
    previous: z.enum(['applied', 'refused']),
    reason: Refusal.nullable(),
  }),
  z.object({ seq: z.number().int(), id: z.uuid(), outcome: z.literal('deferred'), missingSeq: z.number().int() }),
]);
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({
  clientId: ClientId,
  lastAppliedSeq: z.number().int().min(0),
  results: z.array(PushResult),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const ScriptRecord = z.object({
  id: Id,
  version: z.number().int().min(1),
  body: z.unknown(),
  updatedAt: IsoDateTime,
});
export type ScriptRecord = z.infer<typeof ScriptRecord>;

export const PullQuery = z.object({
  cursor: z.string().max(256).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
}).strict();
export type PullQuery = z.infer<typeof PullQuery>;

/**
 * One page of changes. Apply `removedAccounts` first (accounts reassigned away: they leave the store with
 * whatever hangs off them), then upsert `slice`, `scripts` and `staff`. `cursor` is opaque (a server change sequence, never
 * a clock); `more` says to ask again at once.
 */
export const PullPage = z.object({
  slice: PortfolioSlice,
  scripts: z.array(ScriptRecord),
  /**
   * The staff directory, so the desk prints names instead of user ids: every user of the organisation (active or
   * not — history keeps naming people who left) on the first page of a first pull, then the users renamed or
   * changed since the cursor. Hundreds of rows at most. Absent from an older server's pages: none then.
   */
  staff: z.array(StaffMember).optional(),
  removedAccounts: z.array(Id),
  cursor: z.string(),
  more: z.boolean(),
  /**
   * 'page' / 'last': a page of the first pull (the whole slice); after 'last' the desk drops what that copy did
   * not contain. 'none': a page of changes.
   */
  full: z.enum(['none', 'page', 'last']),
});
export type PullPage = z.infer<typeof PullPage>;

/** Server → desk over the live WebSocket. */
export const LiveMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), seq: z.number().int() }),
  z.object({ type: z.literal('changed'), seq: z.number().int() }),
]);
export type LiveMessage = z.infer<typeof LiveMessage>;
