import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { User } from '../../../shared/domain/users';
import type { Session } from '../session/session';
import type { ServerClient } from '../server-client';
import type { Db } from '../store/open';
import { toApiError } from '../errors';
import { createAdminHandlers, tokenExpiry } from './admin-handlers';
import { fillPath } from './admin-http';

const user = (role: User['role']): User => ({ id: `u-${role}`, username: role, displayName: role, role, teamId: null });
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256' })}.${b64({ sub: 'u-admin', exp: 1_800_000_000 })}.sig`;

function handlers(who: User | null, token: string | null, fetchImpl?: typeof fetch) {
  const session = {
    requireUser: () => {
      if (!who) throw new ApiError({ code: 'unauthorized', message: 'log in first', key: 'errors.session.required' });
      return who;
    },
    token: () => token,
    expire: () => undefined,
  } as unknown as Session;
  const db = { prepare: () => ({ all: () => [] }) } as unknown as Db;
  const online: boolean[] = [];
  const guard = <A extends unknown[], R>(fn: (...a: A) => Promise<R> | R) => async (...a: A) => {
    try {
      return await fn(...a);
    } catch (err) {
      throw toApiError(err);
    }
  };
  const h = createAdminHandlers({
    db, session, server: () => ({ baseUrl: 'http://127.0.0.1:9' }) as ServerClient, setOnline: (o) => online.push(o), guard,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return { h, online };
}

describe('admin handlers', () => {
  it('hand the server URL and token only to an online admin', async () => {
    await expect(handlers(user('admin'), TOKEN).h.serverAccess({})).resolves.toEqual({
      serverUrl: 'http://127.0.0.1:9', token: TOKEN, expiresAt: new Date(1_800_000_000_000).toISOString(),
    });
    await expect(handlers(user('agent'), TOKEN).h.serverAccess({})).rejects.toMatchObject({ code: 'forbidden', key: 'errors.admin.forbidden' });
    await expect(handlers(user('lead'), TOKEN).h.assignmentSummary({ creditorId: 'c' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(handlers(user('admin'), null).h.serverAccess({})).rejects.toMatchObject({ code: 'unavailable', key: 'errors.admin.offline' });
    await expect(handlers(null, null).h.serverAccess({})).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('send the assignment form to the server as one balanced rule, and pass its refusal through with the field path', async () => {
    const seen: { url: string; body: unknown; auth: string | null }[] = [];
    const fetchImpl = (async (url: URL, init: RequestInit) => {
      seen.push({ url: String(url), body: JSON.parse(String(init.body)), auth: new Headers(init.headers).get('authorization') });
      return new Response(JSON.stringify({
        code: 'invalid_input', message: 'not an active agent: u-x', key: 'assignment.error.unknownAgent', params: { agentIds: 'u-x' },
        issues: [{ path: 'rules.0.to.agentIds', code: 'invalid_target', message: 'not an active agent: u-x' }],
      }), { status: 400, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const { h } = handlers(user('admin'), TOKEN, fetchImpl);
    const err = await h.assign({
      creditorId: 'cred', segments: ['tardia'], onlyUnassigned: false, to: { agentIds: ['u-x'] }, balanceBy: 'balance',
      keepCurrent: true, dryRun: true, reason: 'vacaciones',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid_input', key: 'assignment.error.unknownAgent', issues: [{ path: 'rules.0.to.agentIds' }] });
    expect(seen).toEqual([{
      url: 'http://127.0.0.1:9/api/v1/admin/assignments',
      auth: `Bearer ${TOKEN}`,
      body: {
        creditorId: 'cred', scope: { onlyUnassigned: false, segments: ['tardia'] },
        rules: [{ when: {}, to: { agentIds: ['u-x'] }, balanceBy: 'balance' }], keepCurrent: true, dryRun: true, reason: 'vacaciones',
      },
    }]);
  });

  it('say the server is unreachable (and mark the desk offline) when it is', async () => {
    const down = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    const { h, online } = handlers(user('admin'), TOKEN, down);
    await expect(h.importStatus({ id: 'imp-1' })).rejects.toMatchObject({ code: 'unavailable', key: 'errors.server.unavailable' });
    expect(online).toEqual([false]);
  });
});

describe('helpers', () => {
  it('read the expiry of our own token, null when unreadable', () => {
    expect(tokenExpiry(TOKEN)).toBe('2027-01-15T08:00:00.000Z');
    expect(tokenExpiry('garbage')).toBeNull();
  });
  it('fill path parameters, encoded', () => {
    expect(fillPath('/a/:creditorId/b', { creditorId: 'x y/z' })).toBe('/a/x%20y%2Fz/b');
    expect(() => fillPath('/a/:id', {})).toThrow(/needs :id/);
  });
});
