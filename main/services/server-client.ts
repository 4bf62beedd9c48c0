import type { z } from 'zod';
import { ApiErrorData } from '../../shared/api/errors';
import {
  HealthResponse, LoginResponse, PortfolioPage, routes, type LoginRequest,
} from '../../shared/api/server/routes';
import { User } from '../../shared/domain/users';

/** The server could not be reached (or answered garbage at the transport level): the desk goes offline. */
export class ServerUnavailableError extends Error {
  constructor(readonly url: string, cause: unknown) {
    super(`central server unreachable at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ServerUnavailableError';
  }
}
/** 401: the token expired or was revoked; the agent must log in again. */
export class SessionExpiredError extends Error {
  constructor(readonly data: ApiErrorData | null) {
    super(data?.message ?? 'session expired');
    this.name = 'SessionExpiredError';
  }
}
/** Any other refusal (4xx/5xx) with the server's error data. */
export class ServerRefusedError extends Error {
  constructor(readonly status: number, readonly data: ApiErrorData) {
    super(`server refused (${status}): ${data.message}`);
    this.name = 'ServerRefusedError';
  }
}
/** The server answered 2xx with a body outside the contract: a version mismatch, never trusted. */
export class ServerContractError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(`server response for ${path} is outside the contract: ${detail}`);
    this.name = 'ServerContractError';
  }
}

export interface ServerClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * fetch-based client of the central server's HTTP contract (shared/api/server/routes). Every response is checked
 * with the contract's zod schema before anyone uses it.
 */
export function createServerClient(opts: ServerClientOptions) {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;

  async function call<S extends z.ZodType>(
    method: 'GET' | 'POST', path: string, schema: S, init: { token?: string; body?: unknown; query?: Record<string, string> } = {},
  ): Promise<z.output<S>> {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
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
  }

  return {
    baseUrl: base,
    health: () => call('GET', routes.health.path, HealthResponse),
    login: (req: LoginRequest) => call('POST', routes.login.path, LoginResponse, { body: req }),
    me: (token: string) => call('GET', routes.me.path, User.or(LoginResponse.pick({ user: true }).transform((r) => r.user)), { token }),
    portfolioPage: (token: string, cursor: string | null, limit = 1000) =>
      call('GET', routes.portfolio.path, PortfolioPage, {
        token, query: cursor === null ? { limit: String(limit) } : { cursor, limit: String(limit) },
      }),
  };
}
export type ServerClient = ReturnType<typeof createServerClient>;
