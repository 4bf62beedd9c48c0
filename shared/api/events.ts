import { z } from 'zod';
import { IsoDateTime } from '../domain/codes';
import { User } from '../domain/users';
import { UpdateStatus } from './methods/updates';

export const SyncStatus = z.object({
  state: z.enum(['online', 'syncing', 'offline']),
  pending: z.number().int().min(0),
  since: IsoDateTime.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Main → renderer pushes. */
export const events = {
  'session.changed': z.object({ user: User.nullable() }),
  'sync.status': SyncStatus,
  'portfolio.updated': z.object({ accounts: z.number().int() }),
  'updates.status': UpdateStatus,
};
export type Events = typeof events;
