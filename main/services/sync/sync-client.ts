import type { z } from 'zod';
import { ApiErrorData } from '../../../shared/api/errors';
import { PullPage, PushResponse, syncRoutes, type PushRequest } from '../../../shared/sync/wire';
import { ServerContractError, ServerRefusedError, ServerUnavailableError, SessionExpiredError } from '../server-client';

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

  async function call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, token: string, init: { body?: unknown; query?: Record<string, string> } = {}): Promise<z.output<S>> {
    const base = opts.baseUrl().replace(/\/+$/, '');
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, {
        method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      throw new ServerUnavailableError(base, err);
    }
    let json: unknown = null;
    try {
      json = text.length ? JSON.parse(text) : null;
    } catch {
      // A response cut mid-body is a transport failure, not a contract breach: retry later.
      if (res.ok) throw new ServerUnavailableError(base, new Error('truncated response'));
    }
    if (res.status === 401) {
      const parsed = ApiErrorData.safeParse(json);
      throw new SessionExpiredError(parsed.success ? parsed.data : null);
    }
    if (!res.ok) {
      if (res.status >= 500) throw new ServerUnavailableError(base, new Error(`HTTP ${res.status}`));
      const parsed = ApiErrorData.safeParse(json);
      throw new ServerRefusedError(res.status, parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${res.status}` });
    }
    const out = schema.safeParse(json);
    if (!out.success) throw new ServerContractError(path, out.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return out.data;
  }

  return {
    baseUrl: () => opts.baseUrl(),
    push: (token: string, req: PushRequest) => call('POST', syncRoutes.push.path, PushResponse, token, { body: req }),
    pull: (token: string, cursor: string | null, limit: number) =>
      call('GET', syncRoutes.pull.path, PullPage, token, { query: cursor === null ? { limit: String(limit) } : { cursor, limit: String(limit) } }),
  };
}
export type SyncClient = ReturnType<typeof createSyncClient>;
