/**
 * One JSON request to the central server, shared by the desk's clients (agent routes, sync, admin): timeout,
 * bearer token, failures mapped to the error classes the desk's error mapper words for the user, and every 2xx
 * body checked against the contract's schema before anyone uses it.
 */
import type { z } from 'zod';
import { ApiErrorData } from '../../../shared/api/errors';
import { ServerContractError, ServerRefusedError, ServerUnavailableError, SessionExpiredError } from './errors';

export interface JsonTransport {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /**
   * Background work (sync) treats any 5xx and a body cut short as "try again later"; interactive calls only
   * treat gateway errors (502–504) so, and show a 500 or a garbled 2xx as the server's fault.
   */
  retryable?: 'gateway' | 'any-5xx';
}

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
}

export async function requestJson<S extends z.ZodType>(t: JsonTransport, req: JsonRequest, schema: S): Promise<z.output<S>> {
  const base = t.baseUrl.replace(/\/+$/, '');
  const background = t.retryable === 'any-5xx';
  const url = new URL(base + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  let text: string;
  try {
    res = await (t.fetch ?? fetch)(url, {
      method: req.method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(t.timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    throw new ServerUnavailableError(base, err);
  }
  let json: unknown = null;
  try {
    json = text.length ? JSON.parse(text) : null;
  } catch {
    if (res.ok) {
      // A response cut mid-body is a transport failure for background work: retried later.
      if (background) throw new ServerUnavailableError(base, new Error('truncated response'));
      throw new ServerContractError(req.path, 'not JSON');
    }
  }
  if (res.status === 401) {
    const parsed = ApiErrorData.safeParse(json);
    throw new SessionExpiredError(parsed.success ? parsed.data : null);
  }
  if (!res.ok) {
    const unavailable = background ? res.status >= 500 : res.status >= 502 && res.status <= 504;
    if (unavailable) throw new ServerUnavailableError(base, new Error(`HTTP ${res.status}`));
    const parsed = ApiErrorData.safeParse(json);
    throw new ServerRefusedError(res.status, parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${res.status}` });
  }
  const out = schema.safeParse(json);
  if (!out.success) throw new ServerContractError(req.path, out.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return out.data;
}
