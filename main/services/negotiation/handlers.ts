import type { RecaudoHandlers } from '../../../shared/api/contract';
import type { User } from '../../../shared/domain/users';
import type { Db } from '../store/open';
import { createAgenda } from './agenda';
import type { AgendaThread } from './agenda-thread';
import { createContactService } from './contacts';
import { createAccountReader } from './context';
import { createPromiseService } from './promises';
import { createScriptSource } from './scripts';

export type NegotiationHandlers = RecaudoHandlers['negotiation'];

export interface NegotiationDeps {
  db: Db;
  now: () => Date;
  /** The logged-in agent whose slice this store holds (throws like the other portfolio methods otherwise). */
  user: () => User;
  /** A mutation went into the outbox. */
  outboxChanged?: () => void;
  companyName?: string;
  /** The agenda's own thread (agenda-thread.ts), when the shell started one; without it the agenda runs here. */
  agendaThread?: AgendaThread;
  /** Wraps each handler (the desk's error mapping). */
  guard: <A extends unknown[], R>(fn: (...a: A) => Promise<R> | R) => (...a: A) => Promise<R>;
}

export function createNegotiationHandlers(d: NegotiationDeps): NegotiationHandlers {
  const accounts = createAccountReader(d.db);
  const scripts = createScriptSource(d.db, { companyName: d.companyName ?? 'Recaudo' });
  const promises = createPromiseService(d.db, accounts);
  const recordContact = createContactService(d.db);
  const agenda = createAgenda(d.db);
  const defaultZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return {
    scriptFor: d.guard(async ({ debtorId, accountId }) => {
      const user = d.user();
      return scripts(accounts.read(accountId, debtorId), user.displayName);
    }),
    offers: d.guard(async ({ accountId }) => {
      d.user();
      return promises.offers(accountId, d.now());
    }),
    savePromise: d.guard(async (input) => {
      const user = d.user();
      const r = promises.savePromise(input, user.id, d.now());
      if (r.ok && r.saved) d.outboxChanged?.();
      return r;
    }),
    recordContact: d.guard(async (input) => {
      const user = d.user();
      const r = recordContact(input, user.id, d.now());
      if (r.ok) d.outboxChanged?.();
      return r;
    }),
    agenda: d.guard(async ({ range, zone, limit }) => {
      const user = d.user();
      const now = d.now();
      if (d.agendaThread) {
        try {
          return await d.agendaThread.agenda(user.id, range, zone ?? defaultZone, now, limit);
        } catch {
          // The thread is gone or failed on this one (it logged why): the same agenda, computed here.
        }
      }
      return agenda(user.id, range, zone ?? defaultZone, now, limit);
    }),
  };
}
