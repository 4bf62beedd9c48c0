import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createServerClient, ServerContractError, ServerRefusedError, ServerUnavailableError, SessionExpiredError,
} from './server-client';

// A real HTTP server answering what a broken, outdated or overloaded central server might: the client's handling
// of each answer is what is under test (the happy path runs against the real server in desk.test.ts).
let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function answering(status: number, body: string, seen: Array<{ url: string; auth: string | undefined }> = []): Promise<string> {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('server client', () => {
  it('network failure → ServerUnavailableError (the desk goes offline)', async () => {
    const url = await answering(200, '{}');
    await new Promise<void>((r) => server!.close(() => r()));
    server = null;
    await expect(createServerClient({ baseUrl: url }).health()).rejects.toBeInstanceOf(ServerUnavailableError);
  });

  it('a hung server times out as unavailable', async () => {
    server = createServer(() => { /* never answers */ });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const p = createServerClient({ baseUrl: url, timeoutMs: 200 }).health();
    await expect(p).rejects.toBeInstanceOf(ServerUnavailableError);
    server.closeAllConnections();
  });

  it('401 → SessionExpiredError with the server\'s error data; the token is sent as a bearer', async () => {
    const seen: Array<{ url: string; auth: string | undefined }> = [];
    const url = await answering(401, JSON.stringify({ code: 'unauthorized', message: 'token expired', key: 'errors.auth.expired' }), seen);
    const err = await createServerClient({ baseUrl: url }).portfolioPage('tok-1', 'c9', 500).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionExpiredError);
    expect((err as SessionExpiredError).data?.key).toBe('errors.auth.expired');
    expect(seen[0]).toEqual({ url: '/api/v1/portfolio?cursor=c9&limit=500', auth: 'Bearer tok-1' });
  });

  it('other 4xx → ServerRefusedError carrying the field-level error', async () => {
    const url = await answering(400, JSON.stringify({ code: 'invalid_input', message: 'username: required', params: { field: 'username' } }));
    const err = await createServerClient({ baseUrl: url }).login({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerRefusedError);
    expect((err as ServerRefusedError).data.params).toEqual({ field: 'username' });
  });

  it('503 from a proxy counts as unavailable', async () => {
    const url = await answering(503, '<html>bad gateway</html>');
    await expect(createServerClient({ baseUrl: url }).health()).rejects.toBeInstanceOf(ServerUnavailableError);
  });

  it('a 200 outside the contract is refused, never trusted', async () => {
    const url = await answering(200, JSON.stringify({ slice: { debtors: 'all of them' }, nextCursor: null }));
    const err = await createServerClient({ baseUrl: url }).portfolioPage('t', null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerContractError);
    expect((err as Error).message).toMatch(/slice/);
    const notJson = await answering(200, 'hello');
    await expect(createServerClient({ baseUrl: notJson }).health()).rejects.toBeInstanceOf(ServerContractError);
  });
});
