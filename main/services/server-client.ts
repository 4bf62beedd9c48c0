import type { z } from 'zod';
import { requestJson } from './http/request-json';
import {
  HealthResponse, LoginResponse, PortfolioPage, routes, type LoginRequest,
} from '../../shared/api/server/routes';
import { User } from '../../shared/domain/users';

export { ServerContractError, ServerRefusedError, ServerUnavailableError, SessionExpiredError } from './http/errors';

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

  const call = <S extends z.ZodType>(
    method: 'GET' | 'POST', path: string, schema: S, init: { token?: string; body?: unknown; query?: Record<string, string> } = {},
  ): Promise<z.output<S>> => requestJson({ baseUrl: base, timeoutMs, fetch: doFetch }, { method, path, ...init }, schema);

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
