import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { contract, type RecaudoHandlers } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatch';
import { BRIDGE_PATH, LAUNCH_TOKEN_PARAM } from '../../shared/api/host-protocol';
import { startBrowserHost, type BrowserHost } from './host';

// The desk here answers one method for real; the rest of the contract is exercised by the e2e suite.
const handlers = {
  app: { info: async () => ({ version: '0.0.0-test', capabilities: { kind: 'browser', osKeyProtection: false, autoUpdate: false } }) },
} as unknown as RecaudoHandlers;

let host: BrowserHost;
let emit: (event: string, payload: unknown) => void = () => {};
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recaudo-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Recaudo</title>');
  host = await startBrowserHost({
    rendererDir: dir,
    desk: {
      dispatch: createDispatcher(contract, handlers),
      onEvent: (l) => {
        emit = l;
        return () => {
          emit = () => {};
        };
      },
    },
  });
});
afterAll(() => host.close());

function tokenOf(url: string): string {
  return new URLSearchParams(new URL(url).hash.slice(1)).get(LAUNCH_TOKEN_PARAM)!;
}

function open(origin = host.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(host.origin.replace('http', 'ws') + BRIDGE_PATH, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function next(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    ws.once('message', (d) => resolve(JSON.parse(String(d))));
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
}

describe('browser host bridge', () => {
  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(host.origin + '/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('refuses path traversal', async () => {
    for (const path of ['/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/../../etc/hostname.js']) {
      const res = await fetch(host.origin + path);
      const body = await res.text();
      expect(body).not.toMatch(/root:|^[a-z0-9-]+\n$/);
      if (res.status === 200) expect(body).toContain('<title>Recaudo</title>');
    }
  });

  it('refuses a page from another origin before the handshake', async () => {
    await expect(open('http://evil.example')).rejects.toThrow(/403/);
  });

  it('refuses a forged token and a used one; accepts a resume secret', async () => {
    const forged = await open();
    forged.send(JSON.stringify({ type: 'auth', token: 'x'.repeat(32) }));
    expect(await next(forged)).toMatchObject({ type: 'auth_failed' });

    const token = tokenOf(host.launchUrl());
    const first = await open();
    first.send(JSON.stringify({ type: 'auth', token }));
    const authed = await next(first);
    expect(authed).toMatchObject({ type: 'authed' });

    const replay = await open();
    replay.send(JSON.stringify({ type: 'auth', token }));
    expect(await next(replay)).toMatchObject({ type: 'auth_failed' });

    const resumed = await open();
    resumed.send(JSON.stringify({ type: 'auth', resume: authed.resume }));
    expect(await next(resumed)).toMatchObject({ type: 'authed' });
    first.close();
    resumed.close();
  });

  it('refuses calls before auth', async () => {
    const ws = await open();
    ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'app.info', input: {} }));
    await expect(next(ws)).rejects.toThrow(/4401/);
  });

  it('carries calls, field-level errors and events', async () => {
    const ws = await open();
    ws.send(JSON.stringify({ type: 'auth', token: tokenOf(host.launchUrl()) }));
    await next(ws);

    ws.send(JSON.stringify({ type: 'call', id: 7, channel: 'app.info', input: {} }));
    expect(await next(ws)).toMatchObject({ type: 'result', id: 7, envelope: { ok: true, value: { version: '0.0.0-test' } } });

    ws.send(JSON.stringify({ type: 'call', id: 8, channel: 'portfolio.card', input: { debtorId: 42 } }));
    const bad = await next(ws);
    expect(bad).toMatchObject({ type: 'result', id: 8, envelope: { ok: false, error: { code: 'invalid_input' } } });
    expect((bad.envelope as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('debtorId');

    ws.send(JSON.stringify({ type: 'call', id: 9, channel: 'nope.nothing', input: {} }));
    expect(await next(ws)).toMatchObject({ envelope: { ok: false, error: { code: 'unknown_method' } } });

    emit('sync.status', { state: 'online', pending: 0, since: null });
    expect(await next(ws)).toMatchObject({ type: 'event', event: 'sync.status', payload: { state: 'online' } });
    ws.close();
  });
});
