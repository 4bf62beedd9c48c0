import { z } from 'zod';
import { method } from '../define';
import { Id } from '../../domain/codes';
import { Note } from '../../domain/portfolio';

export const notesMethods = {
  /** Saved to the local store (and its outbox) before it resolves. */
  add: method(z.object({ debtorId: Id, text: z.string().trim().min(1).max(4000) }).strict(), Note),
};
