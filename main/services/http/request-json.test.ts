import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestJson } from './request-json';
import { ServerContractError, ServerRefusedError, ServerUnavailableError, SessionExpiredError } from './errors';

// A real loopback server answering each path the way a server (or a broken proxy) might.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    switch (req.url?.split('?')[0]) {
      case '/ok': return send(200, JSON.stringify({ n: 1, auth: req.headers.authorization ?? null, q: req.url?.split('?')[1] ?? null }));
      case '/bad-shape': return send(200, JSON.stringify({ n: 'one' }));
      case '/cut': return send(200, '{"n": 1');
      case '/expired': return send(401, JSON.stringify({ code: 'unauthorized', message: 'token expired' }));
      case '/refused': return send(409, JSON.stringify({ code: 'conflict', message: 'no', key: 'errors.x' }));
      case '/bug': return send(500, JSON.stringify({ code: 'internal', message: 'boom' }));
      case '/gateway': return send(503, 'Service Unavailable');
      default: return send(404, '{}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const Schema = z.object({ n: z.number() }).passthrough();
const interactive = () => ({ baseUrl: base, timeoutMs: 2_000 });
const background = () => ({ baseUrl: base, timeoutMs: 2_000, retryable: 'any-5xx' as const });

describe('requestJson', () => {
  it('sends the bearer token and query, and returns the checked body', async () => {
    const out = await requestJson(interactive(), { method: 'GET', path: '/ok', token: 't1', query: { limit: 5, cursor: undefined } }, Schema);
    expect(out).toMatchObject({ n: 1, auth: 'Bearer t1', q: 'limit=5' });
  });

  it('maps each failure to the class the desk words for the user', async () => {
    const get = (path: string, t = interactive()) => requestJson(t, { method: 'GET', path }, Schema);
    await expect(get('/bad-shape')).rejects.toBeInstanceOf(ServerContractError);
    await expect(get('/expired')).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(get('/refused')).rejects.toMatchObject({ status: 409, data: { key: 'errors.x' } });
    await expect(get('/gateway')).rejects.toBeInstanceOf(ServerUnavailableError);
    await expect(requestJson({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2_000 }, { method: 'GET', path: '/ok' }, Schema)).rejects.toBeInstanceOf(ServerUnavailableError);
  });

  it('interactive calls show a 500 and a garbled body as the server’s fault; background work retries them', async () => {
    await expect(requestJson(interactive(), { method: 'GET', path: '/bug' }, Schema)).rejects.toBeInstanceOf(ServerRefusedError);
    await expect(requestJson(interactive(), { method: 'GET', path: '/cut' }, Schema)).rejects.toBeInstanceOf(ServerContractError);
    await expect(requestJson(background(), { method: 'GET', path: '/bug' }, Schema)).rejects.toBeInstanceOf(ServerUnavailableError);
    await expect(requestJson(background(), { method: 'GET', path: '/cut' }, Schema)).rejects.toBeInstanceOf(ServerUnavailableError);
  });
});
