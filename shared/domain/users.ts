import { z } from 'zod';
import { Id, Role } from './codes';

export const User = z.object({
  id: Id,
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(128),
  role: Role,
  teamId: Id.nullable(),
});
export type User = z.infer<typeof User>;

/**
 * A colleague as the desk shows them: who did what on a debtor's card. No username, team or credentials: the
 * desk needs a name to print and a role to tell a lead from an agent, nothing more.
 */
export const StaffMember = z.object({
  id: Id,
  // Display only: an empty name is allowed (the desk then shows the id) rather than failing a whole sync page.
  displayName: z.string().max(128),
  role: Role,
});
export type StaffMember = z.infer<typeof StaffMember>;
