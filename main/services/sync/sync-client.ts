import type { z } from 'zod';
import { PullPage, PushResponse, syncRoutes, type PushRequest } from '../../../shared/sync/wire';
import { requestJson } from '../http/request-json';

export interface SyncClientOptions {
  /** Read on every call: the desk can switch servers (settings, or another instance behind a balancer). */
  baseUrl: () => string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The sync routes over fetch; every response checked with the shared schema before use. */
export function createSyncClient(opts: SyncClientOptions) {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;

  // Background work: any 5xx or a body cut short is "try again later" (the outbox keeps the batch).
  const call = <S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, token: string, init: { body?: unknown; query?: Record<string, string> } = {}): Promise<z.output<S>> =>
    requestJson({ baseUrl: opts.baseUrl(), timeoutMs, fetch: doFetch, retryable: 'any-5xx' }, { method, path, token, ...init }, schema);

  return {
    baseUrl: () => opts.baseUrl(),
    push: (token: string, req: PushRequest) => call('POST', syncRoutes.push.path, PushResponse, token, { body: req }),
    pull: (token: string, cursor: string | null, limit: number) =>
      call('GET', syncRoutes.pull.path, PullPage, token, { query: cursor === null ? { limit: String(limit) } : { cursor, limit: String(limit) } }),
  };
}
export type SyncClient = ReturnType<typeof createSyncClient>;
