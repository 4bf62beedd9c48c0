/**
 * The sync engine bound to a desk's session: the token and agent come from whoever is logged in, a 401 ends the
 * session, and a login (or a new server URL) restarts the live channel. What openDesk needs in a few lines.
 */
import type { DeskEvents } from '../events';
import type { Outbox } from '../outbox/outbox';
import type { Session } from '../session/session';
import type { Db } from '../store/open';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './engine';

export interface DeskSyncOptions {
  db: Db;
  outbox: Outbox;
  events: DeskEvents;
  session: Pick<Session, 'token' | 'user' | 'expire'>;
  /** The current server URL (it follows the serverUrl setting). */
  baseUrl: () => string;
  now: () => Date;
  log?: SyncEngineOptions['log'];
  fetch?: typeof fetch;
}

export function createDeskSync(opts: DeskSyncOptions): SyncEngine & { sessionChanged(): void } {
  const engine = createSyncEngine({
    db: opts.db,
    outbox: opts.outbox,
    events: opts.events,
    now: opts.now,
    baseUrl: opts.baseUrl,
    token: () => opts.session.token(),
    agentId: () => opts.session.user()?.id ?? null,
    onSessionExpired: () => opts.session.expire(),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  let started = false;
  return Object.assign(engine, {
    /** Call on every session change (login, offline login, logout, expiry). */
    sessionChanged(): void {
      if (opts.session.token()) {
        if (started) engine.reconnect(); // a new token: a new live socket
        else engine.start();
        started = true;
      } else {
        void engine.syncNow(); // reports offline with the pending count
      }
    },
  });
}
