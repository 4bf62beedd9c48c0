/** The assignment form → the contract's request. Pure: tested beside. */
import type { AssignRequest } from '../../../../shared/api/methods/admin';

export type Scope = 'all' | 'unassigned' | 'segments' | 'from';
export type Target = 'team' | 'agents';

export interface AssignForm {
  scope: Scope;
  segments: string;
  fromAgents: string[];
  target: Target;
  teamId: string;
  agents: string[];
  extraAgents: string;
  balanceBy: 'count' | 'balance';
  keepCurrent: boolean;
  reason: string;
}

/** "a, b ,,c" → ["a","b","c"] */
export const splitList = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** The form → the contract's request, or the i18n key of what is missing. */
export function toRequest(creditorId: string, f: AssignForm, dryRun: boolean): { ok: true; req: AssignRequest } | { ok: false; key: string; field: string } {
  const req: AssignRequest = { creditorId, to: { teamId: f.teamId.trim() }, balanceBy: f.balanceBy, keepCurrent: f.keepCurrent, dryRun, reason: f.reason.trim() };
  if (f.target === 'agents') {
    const ids = [...new Set([...f.agents, ...splitList(f.extraAgents)])];
    if (ids.length === 0) return { ok: false, key: 'admin.assignment.pickAgent', field: 'agents' };
    req.to = { agentIds: ids };
  } else if (!f.teamId.trim()) {
    return { ok: false, key: 'admin.assignment.teamField', field: 'teamId' };
  }
  if (f.scope === 'unassigned') req.onlyUnassigned = true;
  if (f.scope === 'segments') {
    const segs = splitList(f.segments);
    if (segs.length === 0) return { ok: false, key: 'admin.assignment.pickSegment', field: 'segments' };
    req.segments = segs;
  }
  if (f.scope === 'from') {
    if (f.fromAgents.length === 0) return { ok: false, key: 'admin.assignment.pickFrom', field: 'fromAgents' };
    req.fromAgentIds = f.fromAgents;
  }
  return { ok: true, req };
}
