/**
 * The admin routes of the central server over HTTP, for the desk. The generic server client only knows the
 * agent's routes (GET/POST); this one adds PUT and path parameters and maps failures to the same error classes,
 * so the desk's one error mapper (../errors) says them in the admin's language.
 */
import type { z } from 'zod';
import { ApiErrorData } from '../../../shared/api/errors';
import {
  ServerContractError, ServerRefusedError, ServerUnavailableError, SessionExpiredError,
} from '../server-client';

export interface AdminHttpOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type AdminRequest = {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
};

/** `/a/:id/b` + `{ id: 'x y' }` → `/a/x%20y/b`; a missing parameter is a programming error. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`path ${path} needs :${name}`);
    return encodeURIComponent(v);
  });
}

export function createAdminHttp(opts: AdminHttpOptions) {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  // Re-segmenting or assigning a large portfolio takes a while; the upload itself never comes through here.
  const timeoutMs = opts.timeoutMs ?? 120_000;

  return async function call<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT', path: string, schema: S, init: AdminRequest = {},
  ): Promise<z.output<S>> {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${opts.token}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, {
        method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      throw new ServerUnavailableError(base, err);
    }
    let json: unknown = null;
    try {
      json = text.length ? JSON.parse(text) : null;
    } catch {
      if (res.ok) throw new ServerContractError(path, 'not JSON');
    }
    if (res.status === 401) {
      const parsed = ApiErrorData.safeParse(json);
      throw new SessionExpiredError(parsed.success ? parsed.data : null);
    }
    if (!res.ok) {
      if (res.status >= 502 && res.status <= 504) throw new ServerUnavailableError(base, new Error(`HTTP ${res.status}`));
      const parsed = ApiErrorData.safeParse(json);
      throw new ServerRefusedError(res.status, parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${res.status}` });
    }
    const out = schema.safeParse(json);
    if (!out.success) throw new ServerContractError(path, out.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return out.data;
  };
}
export type AdminHttp = ReturnType<typeof createAdminHttp>;
