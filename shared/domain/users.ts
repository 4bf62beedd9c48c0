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
