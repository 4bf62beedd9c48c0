import type { UserRecord } from '../users/repository';

/**
 * Which accounts a user may see, as a SQL condition on `accounts a` with its parameters starting at
 * `$first`: an agent their own, a lead their team's agents', an admin all of them.
 */
export function accountScope(user: UserRecord, first: number): { sql: string; params: unknown[] } {
  switch (user.role) {
    case 'agent':
      return { sql: `a.assigned_agent_id = $${first}`, params: [user.id] };
    case 'lead':
      return {
        sql: `a.assigned_agent_id in (select u.id from users u where u.team_id = $${first})`,
        params: [user.teamId ?? ''],
      };
    case 'admin':
      return { sql: 'true', params: [] };
    default: {
      const never: never = user.role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}
