/**
 * The admin routes of the central server over HTTP, for the desk. The generic server client only knows the
 * agent's routes (GET/POST); this one adds PUT and path parameters and maps failures to the same error classes,
 * so the desk's one error mapper (../errors) says them in the admin's language.
 */
import type { z } from 'zod';
import { requestJson } from '../http/request-json';

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

  return <S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT', path: string, schema: S, init: AdminRequest = {},
  ): Promise<z.output<S>> => requestJson({ baseUrl: base, timeoutMs, fetch: doFetch }, { method, path, token: opts.token, ...init }, schema);
}
export type AdminHttp = ReturnType<typeof createAdminHttp>;
