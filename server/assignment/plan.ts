/**
 * Who gets which account: pure planning, no I/O. Rules are tried in order, each account goes to the first rule
 * whose conditions it meets, and within a rule it is spread over the rule's agents, balanced by count (balance
 * as tie-break) or by balance owed (largest accounts first to the least loaded agent: the classic greedy that
 * stays within one account's balance of even). With `keepCurrent`, an account already with one of the rule's
 * agents stays there and counts toward that agent's load, so re-running a plan only places what is new.
 */
import { dpdBucket } from '../segments/evaluate';
import type { DpdBucket } from '../segments/rules';

export interface AssignableAccount {
  id: string;
  balanceMinor: number;
  agentId: string | null;
  segment: string;
  product: string;
  region: string | null;
  daysPastDue: number;
}

export interface PlanRule {
  when: { segments?: string[] | undefined; products?: string[] | undefined; regions?: string[] | undefined; dpdBuckets?: DpdBucket[] | undefined };
  agentIds: string[];
  balanceBy: 'count' | 'balance';
}

export interface Move {
  accountId: string;
  from: string | null;
  to: string;
}

export interface AgentLoad {
  count: number;
  balanceMinor: number;
}

export interface AssignmentPlan {
  moves: Move[];
  /** Accounts no rule matched: left as they are. */
  unmatched: number;
  /** Accounts a rule matched that stay with their agent. */
  kept: number;
  /** Each target agent's load after the plan (within the planned accounts). */
  byAgent: Record<string, AgentLoad>;
}

function matcher(when: PlanRule['when']): (a: AssignableAccount) => boolean {
  const seg = when.segments && new Set(when.segments);
  const prod = when.products && new Set(when.products.map((p) => p.toLowerCase()));
  const reg = when.regions && new Set(when.regions.map((r) => r.toUpperCase()));
  const dpd = when.dpdBuckets && new Set<string>(when.dpdBuckets);
  return (a) =>
    (!seg || seg.has(a.segment)) &&
    (!prod || prod.has(a.product.toLowerCase())) &&
    (!reg || (a.region !== null && reg.has(a.region.toUpperCase()))) &&
    (!dpd || dpd.has(dpdBucket(a.daysPastDue) ?? ''));
}

export function planAssignment(accounts: readonly AssignableAccount[], rules: readonly PlanRule[], opts: { keepCurrent: boolean }): AssignmentPlan {
  const tests = rules.map((r) => matcher(r.when));
  const groups: AssignableAccount[][] = rules.map(() => []);
  let unmatched = 0;
  for (const a of accounts) {
    const i = tests.findIndex((t) => t(a));
    if (i < 0) unmatched++;
    else groups[i]!.push(a);
  }
  const byAgent: Record<string, AgentLoad> = {};
  const moves: Move[] = [];
  let kept = 0;
  rules.forEach((rule, ri) => {
    const agents = [...new Set(rule.agentIds)].sort();
    const load = new Map<string, AgentLoad>();
    for (const id of agents) load.set(id, (byAgent[id] ??= { count: 0, balanceMinor: 0 }));
    const toPlace: AssignableAccount[] = [];
    for (const a of groups[ri]!) {
      const current = a.agentId !== null ? load.get(a.agentId) : undefined;
      if (opts.keepCurrent && current) {
        current.count++;
        current.balanceMinor += a.balanceMinor;
        kept++;
      } else toPlace.push(a);
    }
    // Largest first, id as a stable tie-break: the same input always gives the same plan.
    toPlace.sort((x, y) => y.balanceMinor - x.balanceMinor || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const primary = rule.balanceBy === 'balance' ? 'balanceMinor' : 'count';
    const secondary = rule.balanceBy === 'balance' ? 'count' : 'balanceMinor';
    for (const a of toPlace) {
      let best = agents[0]!;
      let bestLoad = load.get(best)!;
      for (let k = 1; k < agents.length; k++) {
        const l = load.get(agents[k]!)!;
        if (l[primary] < bestLoad[primary] || (l[primary] === bestLoad[primary] && l[secondary] < bestLoad[secondary])) {
          best = agents[k]!;
          bestLoad = l;
        }
      }
      bestLoad.count++;
      bestLoad.balanceMinor += a.balanceMinor;
      if (a.agentId !== best) moves.push({ accountId: a.id, from: a.agentId, to: best });
      else kept++;
    }
  });
  return { moves, unmatched, kept, byAgent };
}
