import { join } from 'node:path';
import { contract, type RecaudoHandlers } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../../shared/api/dispatch';
import type { Settings } from '../../shared/api/methods/app';
import type { SyncStatus } from '../../shared/api/events';
import { createDeskEvents, type DeskEvents } from './events';
import { createHandlers, type DeskServices } from './handlers';
import { createComplianceService } from './compliance';
import type { ComplianceSettingsInput } from '../../shared/compliance/settings';
import { createOutbox } from './outbox/outbox';
import { createPhoneSettingsRepo } from './calls/phone-settings-repo';
import type { Deferral } from './queue/queue-service';
import { createServerClient, type ServerClient } from './server-client';
import { createSession } from './session/session';
import { createDeskSync } from './sync';
import { createSettingsRepo, type SettingsProblem } from './settings/settings-repo';
import type { KeyProvider } from './store/key-provider';
import { openStore, type Db } from './store/open';
import { startAgendaThread, type SpawnAgendaWorker } from './negotiation/agenda-thread';

export const STORE_FILE = 'recaudo.db';

export interface OpenDeskOptions {
  /** Per-OS user-data dir: the store lives here (one store per desk/profile). */
  userDataDir: string;
  keyProvider: KeyProvider;
  /** The central server's base URL (default for the serverUrl setting). */
  serverUrl: string;
  now?: () => Date;
  host?: { kind: 'electron' | 'browser'; autoUpdate: boolean };
  version?: string;
  /** Compliance hook for the queue; default: the desk's compliance service (shared/compliance rules). */
  deferral?: Deferral;
  /** The admin's reading of the uncertain compliance figures (shared/compliance/settings); defaults when omitted. */
  complianceSettings?: ComplianceSettingsInput;
  log?: (level: 'warn' | 'error', msg: string, detail?: unknown) => void;
  serverTimeoutMs?: number;
  /**
   * HTTP to the central server (login, portfolio, sync, admin). Electron passes `net.fetch` so the OS proxy
   * settings and certificate store apply, as they do for the rest of the company's software; default Node's fetch.
   */
  fetch?: typeof fetch;
  /**
   * Starts the follow-up agenda's own thread (negotiation/agenda-worker.ts): rebuilding the agenda after each
   * wrap-up then no longer holds the desk (and, under Electron, the main process). Without it the desk computes
   * the agenda itself.
   */
  agendaWorker?: SpawnAgendaWorker;
}

export interface Desk {
  dispatch: Dispatch;
  events: DeskEvents;
  handlers: RecaudoHandlers;
  /** The open database, for the sync engine and the audit log that share it. */
  db: Db;
  syncStatus(): SyncStatus;
  /** WebSocket origins of the PBXs saved in this desk's phone settings: the shells add them to the CSP. */
  pbxOrigins(): string[];
  close(): void;
}

/**
 * The ONE entry point both shells use: opens the encrypted store (running migrations), builds the services and
 * the contract's dispatcher. Everything the renderer can do goes through `dispatch(channel, input)`.
 */
export function openDesk(opts: OpenDeskOptions): Desk {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((level, msg, detail) => console[level](`[desk] ${msg}`, detail ?? ''));
  const key = opts.keyProvider.getKey();
  const file = join(opts.userDataDir, STORE_FILE);
  const { db } = openStore({ file, key });
  // The thread opens its own connection with a copy of the key, cloned when it starts: ours is zeroed right after.
  const agendaThread = opts.agendaWorker
    ? startAgendaThread(opts.agendaWorker, { file, key }, (msg, detail) => log('warn', msg, detail))
    : undefined;
  key.fill(0);

  const events = createDeskEvents((err) => log('error', 'event listener failed', err));
  const settings = createSettingsRepo(db, { language: 'es', serverUrl: opts.serverUrl }, (p: SettingsProblem) =>
    log('warn', p.message, p.params));

  let server: ServerClient = makeServer(settings.get().serverUrl);
  function makeServer(url: string) {
    return createServerClient({ baseUrl: url, ...(opts.serverTimeoutMs ? { timeoutMs: opts.serverTimeoutMs } : {}), ...(opts.fetch ? { fetch: opts.fetch } : {}) });
  }

  const outbox = createOutbox(db);
  // Push, pull, live and the sync.status the agent sees (main/services/sync); the session gives it token and agent.
  const sync = createDeskSync({
    db, outbox, events, now,
    session: { token: () => session.token(), user: () => session.user(), expire: () => session.expire() },
    baseUrl: () => server.baseUrl,
    log: (level, msg, detail) => log(level === 'error' ? 'error' : 'warn', msg, detail),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const status = (): SyncStatus => sync.status();
  const setOnline = (value: boolean) => {
    session.setOnline(value);
    sync.reportOnline(value);
  };

  const session = createSession({ db, server: { ...lazyServer() }, now, onChange: (user) => {
    events.emit('session.changed', { user });
    sync.sessionChanged();
  } });
  // The session keeps calling the current server client even after the URL setting changes.
  function lazyServer(): ServerClient {
    return {
      get baseUrl() { return server.baseUrl; },
      health: () => server.health(),
      login: (r) => server.login(r),
      me: (t) => server.me(t),
      portfolioPage: (t, c, l) => server.portfolioPage(t, c, l),
    };
  }

  // One compliance service per desk: the dial check, overrides, the queue's deferral and the audit trail.
  const compliance = createComplianceService({
    db, now, log, ...(opts.complianceSettings ? { settings: opts.complianceSettings } : {}),
  });

  const services: DeskServices = {
    db, session, server: () => server, settings, events, now,
    info: {
      version: opts.version ?? '0.0.0-dev',
      capabilities: {
        kind: opts.host?.kind ?? 'browser',
        osKeyProtection: opts.keyProvider.osProtected,
        autoUpdate: opts.host?.autoUpdate ?? false,
      },
    },
    setOnline,
    syncStatus: status,
    syncRefused: () => sync.refused(),
    outboxChanged: () => sync.nudge(),
    onSettingsChanged: (s: Settings) => {
      if (s.serverUrl !== server.baseUrl) {
        server = makeServer(s.serverUrl);
        sync.reconnect();
      }
    },
    compliance,
    deferral: opts.deferral ?? compliance.deferral,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(agendaThread ? { agendaThread } : {}),
  };
  const handlers = createHandlers(services);
  const dispatch = createDispatcher(contract, handlers, {
    onInternalError: (channel, err) => log('error', `${channel} failed`, err),
  });
  const phoneSettings = createPhoneSettingsRepo(db);
  let closed = false;
  return {
    dispatch, events, handlers, db,
    syncStatus: status,
    pbxOrigins: () => phoneSettings.pbxOrigins(),
    close() {
      if (closed) return;
      closed = true;
      void sync.stop();
      void agendaThread?.close();
      db.close();
    },
  };
}
