/**
 * The desk's side of the admin screen (contract namespace `admin`). Every method needs a logged-in admin with
 * an online session; the JSON calls go to the server with the admin's token, the CSV never passes here (see
 * shared/api/methods/admin.ts for why).
 */
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type { RecaudoHandlers } from '../../../shared/api/contract';
import { DefectPage, ImportStatus, importRoutePaths } from '../../../shared/import/api';
import {
  AssignmentResult, AssignmentSummary, CreditorRef, ResegmentResult, SavedSegments, SegmentRulesView,
} from '../../../shared/api/methods/admin';
import type { User } from '../../../shared/domain/users';
import type { Db } from '../store/open';
import type { Session } from '../session/session';
import type { ServerClient } from '../server-client';
import { ServerRefusedError, ServerUnavailableError, SessionExpiredError } from '../server-client';
import { createAdminHttp, fillPath, type AdminHttp } from './admin-http';

/** The server's segmentation and assignment routes (server/segments/api.ts, server/assignment/api.ts). */
export const adminRoutePaths = {
  segmentRules: '/api/v1/admin/creditors/:creditorId/segment-rules',
  segmentPreview: '/api/v1/admin/creditors/:creditorId/segment-rules/preview',
  segmentApply: '/api/v1/admin/creditors/:creditorId/segment-rules/apply',
  assign: '/api/v1/admin/assignments',
  assignmentSummary: '/api/v1/admin/assignments/summary',
  creditors: '/api/v1/admin/creditors',
} as const;

export interface AdminDeps {
  db: Db;
  session: Session;
  server: () => ServerClient;
  setOnline: (online: boolean) => void;
  guard: <A extends unknown[], R>(fn: (...a: A) => Promise<R> | R) => (...a: A) => Promise<R>;
  fetch?: typeof fetch;
}

/** The `exp` claim of our own JWT, as ISO (null when it cannot be read: the server still decides). */
export function tokenExpiry(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : null;
  } catch {
    return null;
  }
}

export function createAdminHandlers(d: AdminDeps): RecaudoHandlers['admin'] {
  /** An online admin, or a clear refusal: agents and leads get `forbidden`, an offline session `unavailable`. */
  function requireAdmin(): { user: User; token: string } {
    const user = d.session.requireUser();
    if (user.role !== 'admin') {
      throw new ApiError({
        code: 'forbidden', message: `the administration screen is for admins; ${user.username} is ${user.role}`,
        key: 'errors.admin.forbidden', params: { role: user.role },
      });
    }
    const token = d.session.token();
    if (token === null) {
      throw new ApiError({
        code: 'unavailable', message: 'logged in offline: administration needs the central server; log in again when it is reachable',
        key: 'errors.admin.offline',
      });
    }
    return { user, token };
  }

  /** One admin call to the server; reachability and an expired token update the desk like any other call. */
  async function withServer<R>(fn: (http: AdminHttp) => Promise<R>): Promise<R> {
    const { token } = requireAdmin();
    const http = createAdminHttp({ baseUrl: d.server().baseUrl, token, ...(d.fetch ? { fetch: d.fetch } : {}) });
    try {
      const r = await fn(http);
      d.setOnline(true);
      return r;
    } catch (err) {
      if (err instanceof ServerUnavailableError) d.setOnline(false);
      if (err instanceof SessionExpiredError) d.session.expire();
      throw err;
    }
  }

  const creditorsInStore = d.db.prepare('SELECT id, name, country FROM creditors ORDER BY name');
  const ImportList = z.object({ imports: z.array(ImportStatus) });
  const CreditorList = z.object({ creditors: z.array(CreditorRef) });
  const g = d.guard;

  return {
    serverAccess: g(async () => {
      const { token } = requireAdmin();
      return { serverUrl: d.server().baseUrl, token, expiresAt: tokenExpiry(token) };
    }),
    creditors: g(async () => {
      // The server's creditor list when it has one (GET …/admin/creditors); until then, what this desk can see.
      const listed = await withServer((h) => h('GET', adminRoutePaths.creditors, CreditorList)).catch((err: unknown) => {
        if (err instanceof ServerRefusedError && err.status === 404) return null;
        throw err;
      });
      if (listed && listed.creditors.length > 0) return listed;
      const known = new Map<string, CreditorRef>();
      for (const c of creditorsInStore.all() as CreditorRef[]) known.set(c.id, c);
      // Creditors of past imports too: a fresh admin desk holds no portfolio of its own.
      const { imports } = await withServer((h) => h('GET', importRoutePaths.list, ImportList, { query: { limit: 200 } }));
      for (const i of imports) if (!known.has(i.creditorId)) known.set(i.creditorId, { id: i.creditorId, name: i.creditorId, country: '' });
      return { creditors: [...known.values()] };
    }),
    importStart: g(async (input) => withServer((h) => h('POST', importRoutePaths.start, ImportStatus, { body: input }))),
    importStatus: g(async ({ id }) => withServer((h) => h('GET', fillPath(importRoutePaths.status, { id }), ImportStatus))),
    importDefects: g(async ({ id, after, limit }) =>
      withServer((h) => h('GET', fillPath(importRoutePaths.defects, { id }), DefectPage, { query: { after, limit } }))),
    imports: g(async ({ creditorId, kind }) => {
      const r = await withServer((h) => h('GET', importRoutePaths.list, ImportList, { query: { creditorId, limit: 50 } }));
      return kind ? { imports: r.imports.filter((i) => i.kind === kind) } : r;
    }),
    segmentRules: g(async ({ creditorId }) =>
      withServer((h) => h('GET', fillPath(adminRoutePaths.segmentRules, { creditorId }), SegmentRulesView))),
    segmentPreview: g(async ({ creditorId, ruleSet }) =>
      withServer((h) => h('POST', fillPath(adminRoutePaths.segmentPreview, { creditorId }), ResegmentResult, { body: ruleSet }))),
    segmentSave: g(async ({ creditorId, ruleSet }) =>
      withServer((h) => h('PUT', fillPath(adminRoutePaths.segmentRules, { creditorId }), SavedSegments, { body: ruleSet }))),
    segmentApply: g(async ({ creditorId }) =>
      withServer((h) => h('POST', fillPath(adminRoutePaths.segmentApply, { creditorId }), SavedSegments, { body: {} }))),
    assignmentSummary: g(async ({ creditorId }) =>
      withServer((h) => h('GET', adminRoutePaths.assignmentSummary, AssignmentSummary, { query: { creditorId } }))),
    assign: g(async (r) => {
      const scope: Record<string, unknown> = { onlyUnassigned: r.onlyUnassigned };
      if (r.segments) scope.segments = r.segments;
      if (r.fromAgentIds) scope.fromAgentIds = r.fromAgentIds;
      const body = {
        creditorId: r.creditorId,
        scope,
        rules: [{ when: {}, to: r.to, balanceBy: r.balanceBy }],
        keepCurrent: r.keepCurrent,
        dryRun: r.dryRun,
        reason: r.reason,
      };
      return withServer((h) => h('POST', adminRoutePaths.assign, AssignmentResult, { body }));
    }),
  };
}
