import { ApiError } from '../../shared/api/errors';
import type { RecaudoHandlers } from '../../shared/api/contract';
import type { Settings } from '../../shared/api/methods/app';
import type { SyncStatus } from '../../shared/api/events';
import type { RefusedMutationView } from '../../shared/api/methods/sync';
import type { DebtorHit } from '../../shared/api/methods/portfolio';
import type { z } from 'zod';
import type { AppInfo } from '../../shared/api/methods/app';
import type { Db } from './store/open';
import type { DeskEvents } from './events';
import type { Session } from './session/session';
import type { SettingsRepo } from './settings/settings-repo';
import type { ServerClient } from './server-client';
import { ServerUnavailableError, SessionExpiredError } from './server-client';
import { toApiError } from './errors';
import { createCardQuery } from './portfolio/card';
import { createSearch } from './portfolio/search';
import { createPhoneLookup } from './portfolio/lookup';
import { createHitSummaries } from './portfolio/hits';
import { refreshSlice, sliceOwner } from './portfolio/refresh';
import { createNotesRepo } from './notes/notes-repo';
import { createQueueService, type Deferral } from './queue/queue-service';
import { disabledUpdates } from './updates/disabled-updates';
import { createComplianceHandlers, createComplianceService, type ComplianceService } from './compliance';
import { createNegotiationHandlers } from './negotiation';
import type { AgendaThread } from './negotiation/agenda-thread';
import { createAdminHandlers } from './admin/admin-handlers';
import { createCallsHandlers, createPhoneSettingsHandlers } from './calls/handlers';

export interface DeskServices {
  db: Db;
  session: Session;
  server: () => ServerClient;
  settings: SettingsRepo;
  events: DeskEvents;
  now: () => Date;
  info: z.input<typeof AppInfo>;
  deferral?: Deferral;
  /** The desk's compliance service (one per desk; built here when the desk does not pass one). */
  compliance?: ComplianceService;
  /** The sync state now (online/syncing/offline, pending count). */
  syncStatus: () => SyncStatus;
  /** Mutations the server refused, kept with their reason. */
  syncRefused: () => RefusedMutationView[];
  /** Called when the server's reachability changes (the desk's online/offline state). */
  setOnline: (online: boolean) => void;
  /** A mutation was added to the outbox (the desk re-announces its sync status). */
  outboxChanged?: () => void;
  /** Called after a settings update that changes the server URL. */
  onSettingsChanged?: (s: Settings) => void;
  /** HTTP to the central server for the admin screens (the desk's own client: net.fetch under Electron). */
  fetch?: typeof fetch;
  /** The follow-up agenda's own thread, when the shell started one. */
  agendaThread?: AgendaThread;
}

/** Every method of the renderer ↔ main contract, over the desk's services. */
export function createHandlers(s: DeskServices): RecaudoHandlers {
  const card = createCardQuery(s.db);
  const search = createSearch(s.db);
  const lookup = createPhoneLookup(s.db);
  const hits = createHitSummaries(s.db);
  const phoneHits = (phone: string): DebtorHit[] => hits(lookup(phone).map((debtorId) => ({ debtorId, matchedOn: 'phone' as const })));
  const notes = createNotesRepo(s.db);
  const compliance = s.compliance ?? createComplianceService({ db: s.db, now: s.now });
  const queue = createQueueService(s.db, s.deferral ? { deferral: s.deferral } : {});

  /** Portfolio reads need a logged-in user whose slice this store holds. */
  function requireSliceUser() {
    const user = s.session.requireUser();
    const owner = sliceOwner(s.db);
    if (owner !== null && owner !== user.id) {
      throw new ApiError({
        code: 'forbidden', message: 'this desk holds another agent\'s portfolio; connect to the server to load yours',
        key: 'errors.portfolio.otherAgentSlice', params: {},
      });
    }
    return user;
  }

  let refreshing: Promise<{ accounts: number; debtors: number; at: string }> | null = null;

  const guard = <A extends unknown[], R>(fn: (...a: A) => Promise<R> | R) => async (...a: A): Promise<R> => {
    try {
      return await fn(...a);
    } catch (err) {
      throw toApiError(err);
    }
  };

  return {
    app: {
      info: guard(async () => s.info),
      getSettings: guard(async () => s.settings.get()),
      syncStatus: guard(async () => s.syncStatus()),
      updateSettings: guard(async (patch) => {
        const next = s.settings.update(patch);
        s.onSettingsChanged?.(next);
        return next;
      }),
    },
    updates: disabledUpdates(s.info.version),
    sync: {
      refused: guard(async () => s.syncRefused()),
    },
    session: {
      login: guard(async ({ username, password }) => {
        const info = await s.session.login(username, password);
        s.setOnline(info.online);
        return info;
      }),
      current: guard(async () => s.session.current()),
      logout: guard(async () => {
        s.session.logout();
        return { ok: true as const };
      }),
    },
    portfolio: {
      refresh: guard(async () => {
        const user = s.session.requireUser();
        const token = s.session.token();
        if (token === null) {
          throw new ApiError({
            code: 'unavailable', message: 'logged in offline: log in again when the server is reachable to refresh',
            key: 'errors.portfolio.offlineRefresh',
          });
        }
        // One refresh at a time: a second call while one runs gets the running one's result.
        refreshing ??= (async () => {
          try {
            const r = await refreshSlice(s.db, s.server(), token, user.id);
            s.setOnline(true);
            s.events.emit('portfolio.updated', { accounts: r.accounts });
            return { accounts: r.accounts, debtors: r.debtors, at: s.now().toISOString() };
          } catch (err) {
            if (err instanceof ServerUnavailableError) s.setOnline(false);
            if (err instanceof SessionExpiredError) s.session.expire();
            throw err;
          } finally {
            refreshing = null;
          }
        })();
        return refreshing;
      }),
      queue: guard(async (input) => {
        requireSliceUser();
        return queue.list(input, s.now());
      }),
      queuePage: guard(async ({ segment, limit }) => {
        requireSliceUser();
        return queue.page({ limit, ...(segment !== undefined ? { segment } : {}) }, s.now());
      }),
      card: guard(async ({ debtorId }) => {
        const user = requireSliceUser();
        const c = card(debtorId);
        if (!c) {
          throw new ApiError({ code: 'not_found', message: `no debtor ${debtorId} in the local store`, key: 'errors.portfolio.debtorNotFound', params: { debtorId } });
        }
        compliance.debtorViewed(user, c.debtor); // every view of a debtor's record is audited
        return c;
      }),
      popByPhone: guard(async ({ phone }) => {
        const user = requireSliceUser();
        const found = phoneHits(phone);
        const only = found.length === 1 ? card(found[0]!.debtorId) : null;
        if (only) compliance.debtorViewed(user, only.debtor); // shown on the desk: audited like `card`
        return { hits: found, card: only ?? null };
      }),
      search: guard(async ({ query }): Promise<DebtorHit[]> => {
        requireSliceUser();
        return search(query);
      }),
      lookupByPhone: guard(async ({ phone }): Promise<DebtorHit[]> => {
        requireSliceUser();
        return phoneHits(phone);
      }),
    },
    negotiation: createNegotiationHandlers({
      db: s.db, now: s.now, user: requireSliceUser, guard,
      ...(s.outboxChanged ? { outboxChanged: s.outboxChanged } : {}),
      ...(s.agendaThread ? { agendaThread: s.agendaThread } : {}),
    }),
    compliance: createComplianceHandlers({ service: compliance, user: requireSliceUser, guard }),
    calls: createCallsHandlers({ db: s.db, session: s.session, guard, ...(s.outboxChanged ? { outboxChanged: s.outboxChanged } : {}) }),
    phone: createPhoneSettingsHandlers({ db: s.db, session: s.session, guard }),
    admin: createAdminHandlers({ db: s.db, session: s.session, server: s.server, setOnline: s.setOnline, guard, ...(s.fetch ? { fetch: s.fetch } : {}) }),
    notes: {
      add: guard(async ({ debtorId, text }) => {
        const user = requireSliceUser();
        const note = notes.add({ debtorId, agentId: user.id, text, at: s.now() });
        s.outboxChanged?.();
        return note;
      }),
    },
  };
}
