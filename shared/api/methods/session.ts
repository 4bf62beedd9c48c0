import { z } from 'zod';
import { method } from '../define';
import { User } from '../../domain/users';

export const SessionInfo = z.object({
  user: User,
  serverUrl: z.string(),
  /** False when the desk works from its local store because the server cannot be reached. */
  online: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const sessionMethods = {
  login: method(
    z.object({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
    }).strict(),
    SessionInfo,
  ),
  current: method(z.object({}).strict(), SessionInfo.nullable()),
  logout: method(z.object({}).strict(), z.object({ ok: z.literal(true) })),
};
