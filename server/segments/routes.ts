/**
 * Segmentation routes (admin and lead), a Fastify plugin: `app.register(segmentRoutes, { ctx, auth })`.
 *   GET  …/creditors/:creditorId/segment-rules          → { version, ruleSet } in force (version 0: none yet)
 *   PUT  …/creditors/:creditorId/segment-rules          → validates, saves a new version, re-segments
 *   POST …/creditors/:creditorId/segment-rules/preview  → counts per segment a rule set would give (no write)
 *   POST …/creditors/:creditorId/segment-rules/apply    → re-segments with the version in force (after a
 *                                                         day's ageing, days past due move accounts along)
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import { requireRole } from '../import/routes';
import type { Authenticated } from '../routes/protect';
import { ApplyQuery, CreditorParams, segmentRoutePaths } from './api';
import { resegment } from './apply';
import { SegmentRuleSet } from './rules';
import { currentRuleSet, saveRuleSet } from './store';

export interface SegmentRoutesOptions {
  ctx: ServerContext;
  auth: Authenticated;
}

const today = () => new Date().toISOString().slice(0, 10);

export const segmentRoutes: FastifyPluginAsync<SegmentRoutesOptions> = async (app, { ctx, auth }) => {
  const lead = async (request: Parameters<Authenticated>[0]) => {
    const user = await auth(request);
    requireRole(user, ['admin', 'lead']);
    const { creditorId } = validate(CreditorParams, request.params, 'segments');
    const [c] = await ctx.db.query('select id from creditors where id = $1', [creditorId]);
    if (!c) throw notFound('creditor', { id: creditorId });
    return { user, creditorId };
  };

  app.get(segmentRoutePaths.rules, async (request) => {
    const { creditorId } = await lead(request);
    return currentRuleSet(ctx.db, creditorId);
  });

  app.put(segmentRoutePaths.rules, async (request) => {
    const { user, creditorId } = await lead(request);
    const ruleSet = validate(SegmentRuleSet, request.body, 'ruleSet');
    const q = validate(ApplyQuery, request.query, 'segments');
    const version = await saveRuleSet(ctx.db, creditorId, ruleSet, user.id);
    const applied = await resegment(ctx.db, creditorId, ruleSet, { asOf: q.asOf ?? today() });
    request.log.info({ event: 'segments_saved', creditorId, version, changed: applied.changed }, 'segment rules saved');
    return { version, ...applied };
  });

  app.post(segmentRoutePaths.preview, async (request) => {
    const { creditorId } = await lead(request);
    const ruleSet = validate(SegmentRuleSet, request.body, 'ruleSet');
    const q = validate(ApplyQuery, request.query, 'segments');
    return resegment(ctx.db, creditorId, ruleSet, { asOf: q.asOf ?? today(), dryRun: true });
  });

  app.post(segmentRoutePaths.apply, async (request) => {
    const { creditorId } = await lead(request);
    const q = validate(ApplyQuery, request.query, 'segments');
    const current = await currentRuleSet(ctx.db, creditorId);
    return { version: current.version, ...(await resegment(ctx.db, creditorId, current.ruleSet, { asOf: q.asOf ?? today() })) };
  });
};
