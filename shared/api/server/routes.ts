/**
 * The HTTP contract between the desk (main-process services) and the central server. Every route validates
 * its input with these schemas and answers errors as ApiErrorData with a 4xx/5xx status.
 */
import { z } from 'zod';
import { Id, IsoDateTime } from '../../domain/codes';
import { Account, Debtor, PortfolioSlice } from '../../domain/portfolio';
import { User } from '../../domain/users';

export const API_PREFIX = '/api/v1';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
}).strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  user: User,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const PortfolioPageQuery = z.object({
  cursor: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
}).strict();

/** One page of the agent's slice, ordered by account id; `nextCursor` null on the last page. */
export const PortfolioPage = z.object({
  slice: PortfolioSlice,
  nextCursor: z.string().nullable(),
});
export type PortfolioPage = z.infer<typeof PortfolioPage>;

export const AccountParams = z.object({ id: Id }).strict();
export const AccountResponse = z.object({ account: Account, debtor: Debtor });

/** The routes, for clients and tests: method + path. */
export const routes = {
  health: { method: 'GET', path: `${API_PREFIX}/health` },
  login: { method: 'POST', path: `${API_PREFIX}/auth/login` },
  me: { method: 'GET', path: `${API_PREFIX}/me` },
  portfolio: { method: 'GET', path: `${API_PREFIX}/portfolio` },
  account: { method: 'GET', path: `${API_PREFIX}/accounts/:id` },
} as const;
