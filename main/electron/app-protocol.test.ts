import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveInside } from './app-protocol';

let dir: string;
let root: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recaudo-proto-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'ring.wav'), 'RIFF');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('app scheme files', () => {
  it('resolves files inside the renderer and nothing outside it', async () => {
    expect(await resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(await resolveInside(root, '/assets/ring.wav')).toBe(join(root, 'assets', 'ring.wav'));
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/..%5csecret.txt', '/%00index.html', '/%E0%A4%A', '/assets', `/${join(dir, 'secret.txt')}`]) {
      expect(await resolveInside(root, p), p).toBeNull();
    }
  });

  it('does not follow a symlink out of the renderer', async () => {
    symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
    expect(await resolveInside(root, '/assets/link.txt')).toBeNull();
  });

  it('serves client routes as the page and types audio correctly', async () => {
    const handle = createAppProtocolHandler({ root, headers: () => ({ 'Content-Security-Policy': "default-src 'self'" }) });
    const route = await handle(new Request('app://recaudo/cola/123'));
    expect(route.status).toBe(200);
    expect(await route.text()).toBe('<!doctype html>');
    const wav = await handle(new Request('app://recaudo/assets/ring.wav'));
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    const head = await handle(new Request('app://recaudo/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
