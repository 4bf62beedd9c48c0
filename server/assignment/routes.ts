/**
 * Assignment routes (admin and lead), a Fastify plugin: `app.register(assignmentRoutes, { ctx, auth })`.
 *   POST …/admin/assignments          → plan (dryRun) or apply: balanced by count or balance, by rule, reassign
 *   GET  …/admin/assignments/summary  → per agent: accounts and balance; unassigned accounts
 * A lead may only assign to agents of their own team.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../shared/api/errors';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';
import { requireRole } from '../import/routes';
import type { Authenticated } from '../routes/protect';
import { AssignmentRequest, assignmentRoutePaths, SummaryQuery } from './api';
import { assign } from './apply';
import type { PlanRule } from './plan';

export interface AssignmentRoutesOptions {
  ctx: ServerContext;
  auth: Authenticated;
}

const badTarget = (message: string, key: string, path: string, params: Record<string, unknown>) =>
  new ApiError({ code: 'invalid_input', message, key, params, issues: [{ path, code: 'invalid_target', message }] });

export const assignmentRoutes: FastifyPluginAsync<AssignmentRoutesOptions> = async (app, { ctx, auth }) => {
  app.post(assignmentRoutePaths.assign, async (request) => {
    const user = await auth(request);
    requireRole(user, ['admin', 'lead']);
    const body = validate(AssignmentRequest, request.body, 'assignment');
    const [c] = await ctx.db.query('select id from creditors where id = $1', [body.creditorId]);
    if (!c) throw notFound('creditor', { id: body.creditorId });

    const rules: PlanRule[] = [];
    for (const [i, r] of body.rules.entries()) {
      let agents: { id: string; team_id: string | null }[];
      if ('teamId' in r.to) {
        agents = await ctx.db.query(`select id, team_id from users where team_id = $1 and role = 'agent' and active order by id`, [r.to.teamId]);
        if (agents.length === 0) {
          throw badTarget(`team ${r.to.teamId} has no active agents`, 'assignment.error.emptyTeam', `rules.${i}.to.teamId`, { teamId: r.to.teamId });
        }
      } else {
        agents = await ctx.db.query(`select id, team_id from users where id = any($1::text[]) and role in ('agent', 'lead') and active`, [r.to.agentIds]);
        const missing = r.to.agentIds.filter((id) => !agents.some((a) => a.id === id));
        if (missing.length > 0) {
          throw badTarget(`not an active agent: ${missing.join(', ')}`, 'assignment.error.unknownAgent', `rules.${i}.to.agentIds`, { agentIds: missing.join(', ') });
        }
      }
      if (user.role === 'lead' && agents.some((a) => a.team_id !== user.teamId)) {
        throw new ApiError({ code: 'forbidden', message: 'a lead assigns only to agents of their own team', key: 'assignment.error.otherTeam', params: { rule: i } });
      }
      rules.push({ when: r.when, agentIds: agents.map((a) => a.id), balanceBy: r.balanceBy });
    }
    const plan = await assign(ctx.db, body.creditorId, body.scope, rules, {
      keepCurrent: body.keepCurrent,
      dryRun: body.dryRun,
      by: user.id,
      reason: body.reason,
    });
    request.log.info({ event: 'assignment', creditorId: body.creditorId, moved: plan.moves.length, dryRun: body.dryRun }, 'assignment');
    return {
      dryRun: body.dryRun,
      moved: plan.moves.length,
      kept: plan.kept,
      unmatched: plan.unmatched,
      byAgent: plan.byAgent,
      // A preview shows the first moves; the whole list of a large plan is not worth the bytes.
      moves: plan.moves.slice(0, 1000),
    };
  });

  app.get(assignmentRoutePaths.summary, async (request) => {
    const user = await auth(request);
    requireRole(user, ['admin', 'lead']);
    const q = validate(SummaryQuery, request.query, 'summary');
    const rows = await ctx.db.query<{ agent: string | null; n: number; balance: number }>(
      `select assigned_agent_id as agent, count(*)::int as n, coalesce(sum(balance_minor), 0)::int8 as balance
         from accounts where creditor_id = $1 and status = 'active' group by assigned_agent_id order by 1 nulls first`,
      [q.creditorId],
    );
    // Who can take work (a new hire holds nothing yet): active agents — a lead's own team — plus anyone who
    // still holds accounts (someone who left shows up with their load, to be reassigned).
    const people = await ctx.db.query<{ id: string; display_name: string; team_id: string | null; active: boolean }>(
      `select id, display_name, team_id, active from users
        where (role = 'agent' and active and ($2::text is null or team_id = $2)) or id = any($1::text[])`,
      [rows.flatMap((r) => (r.agent ? [r.agent] : [])), user.role === 'lead' ? user.teamId ?? '' : null],
    );
    const load = new Map(rows.map((r) => [r.agent, r]));
    return {
      unassigned: load.get(null)?.n ?? 0,
      agents: people
        .map((p) => ({
          agentId: p.id, displayName: p.display_name, teamId: p.team_id, active: p.active,
          accounts: load.get(p.id)?.n ?? 0, balanceMinor: load.get(p.id)?.balance ?? 0,
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'es') || a.agentId.localeCompare(b.agentId)),
    };
  });
};
