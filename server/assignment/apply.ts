/**
 * Loads the accounts in scope, plans (./plan) and writes the moves: the account's assigned agent, the open
 * assignment row closed and a new one opened (history: who had it, who moved it, why). One transaction per page
 * of moves; the accounts trigger logs the old agent's `unassign` in change_log, so the agents' pull drops the
 * account from the old desk and brings it to the new one.
 */
import type { Database } from '../db/port';
import { planAssignment, type AssignableAccount, type AssignmentPlan, type PlanRule } from './plan';

export interface AssignmentScope {
  segments?: string[] | undefined;
  accountIds?: string[] | undefined;
  fromAgentIds?: string[] | undefined;
  onlyUnassigned: boolean;
}

export async function loadAssignable(db: Database, creditorId: string, scope: AssignmentScope): Promise<AssignableAccount[]> {
  const where = [`a.creditor_id = $1`, `a.status = 'active'`];
  const params: unknown[] = [creditorId];
  if (scope.segments) where.push(`a.segment = any($${params.push(scope.segments)}::text[])`);
  if (scope.accountIds) where.push(`a.id = any($${params.push(scope.accountIds)}::text[])`);
  if (scope.fromAgentIds) where.push(`a.assigned_agent_id = any($${params.push(scope.fromAgentIds)}::text[])`);
  if (scope.onlyUnassigned) where.push(`a.assigned_agent_id is null`);
  const rows = await db.query<{ id: string; balance_minor: number; assigned_agent_id: string | null; segment: string; product: string; region: string | null; days_past_due: number }>(
    `select a.id, a.balance_minor, a.assigned_agent_id, a.segment, a.product, d.region, a.days_past_due
       from accounts a join debtors d on d.id = a.debtor_id where ${where.join(' and ')} order by a.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    balanceMinor: r.balance_minor,
    agentId: r.assigned_agent_id,
    segment: r.segment,
    product: r.product,
    region: r.region,
    daysPastDue: r.days_past_due,
  }));
}

export async function writeMoves(db: Database, plan: AssignmentPlan, by: string | null, reason: string, pageSize = 5000): Promise<void> {
  for (let i = 0; i < plan.moves.length; i += pageSize) {
    const page = plan.moves.slice(i, i + pageSize);
    const ids = page.map((m) => m.accountId);
    const to = page.map((m) => m.to);
    await db.transaction(async (tx) => {
      await tx.query(
        `update accounts a set assigned_agent_id = t.ag from unnest($1::text[], $2::text[]) as t(id, ag)
          where a.id = t.id and a.assigned_agent_id is distinct from t.ag`,
        [ids, to],
      );
      await tx.query(`update assignments set unassigned_at = now() where account_id = any($1::text[]) and unassigned_at is null`, [ids]);
      await tx.query(
        `insert into assignments (account_id, agent_id, assigned_by, reason)
         select t.id, t.ag, $3, $4 from unnest($1::text[], $2::text[]) as t(id, ag)`,
        [ids, to, by, reason],
      );
    });
  }
}

export async function assign(
  db: Database,
  creditorId: string,
  scope: AssignmentScope,
  rules: PlanRule[],
  opts: { keepCurrent: boolean; dryRun: boolean; by: string | null; reason: string },
): Promise<AssignmentPlan> {
  const accounts = await loadAssignable(db, creditorId, scope);
  const plan = planAssignment(accounts, rules, { keepCurrent: opts.keepCurrent });
  if (!opts.dryRun) await writeMoves(db, plan, opts.by, opts.reason);
  return plan;
}
