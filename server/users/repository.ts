import type { User } from '../../shared/domain/users';
import type { Role } from '../../shared/domain/codes';
import type { Queryable } from '../db/port';

export interface UserRecord extends User {
  passwordHash: string;
  active: boolean;
}

interface UserRow extends Record<string, unknown> {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  team_id: string | null;
  password_hash: string;
  active: boolean;
}

const COLUMNS = 'id, username, display_name, role, team_id, password_hash, active';

function fromRow(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    teamId: r.team_id,
    passwordHash: r.password_hash,
    active: r.active,
  };
}

export function publicUser(u: UserRecord): User {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, teamId: u.teamId };
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRow>(`select ${COLUMNS} from users where lower(username) = lower($1)`, [username]);
  return row ? fromRow(row) : undefined;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRow>(`select ${COLUMNS} from users where id = $1`, [id]);
  return row ? fromRow(row) : undefined;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int8 as n from users');
  return Number(row?.n ?? 0);
}
