import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../shared/api/contract';
import { channelsOf } from '../../shared/api/define';
import type { Envelope } from '../../shared/api/envelope';
import { updatesMethods } from '../../shared/api/methods/updates';
import type { Desk, OpenDeskOptions } from './desk-port';
import { FakeBrowserWindow, FakeFrame, FakeWebContents, fake, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

const { startShell } = await import('./shell');

class RecordingDesk implements Desk {
  readonly calls: Array<{ channel: string; input: unknown }> = [];
  readonly events = new EventEmitter();
  closed = 0;
  pbxOrigins?: () => string[];
  async dispatch(channel: string, input: unknown): Promise<Envelope> {
    this.calls.push({ channel, input });
    return { ok: true, value: { echoed: channel } };
  }
  close(): void {
    this.closed++;
  }
}

let dir: string;
let desk: RecordingDesk;
let opened: OpenDeskOptions[];

function rendererDir(): string {
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  return root;
}

async function start(opts: { contract?: typeof contract } = {}) {
  const log = vi.fn();
  const running = await startShell({
    openDesk: async (o) => {
      opened.push(o);
      return desk;
    },
    rendererDir: rendererDir(),
    preloadPath: '/app/dist/electron/preload.cjs',
    loadUpdater: async () => {
      throw new Error('not packaged in tests');
    },
    log,
    ...(opts.contract ? { contract: opts.contract } : {}),
  });
  return { running, log };
}

function theWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

const fromPage = (win: FakeBrowserWindow) => ({ sender: win.webContents, frame: win.webContents.mainFrame });

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'recaudo-shell-'));
  fake().app.appData = dir;
  fake().app.userData = join(dir, 'Recaudo');
  desk = new RecordingDesk();
  opened = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window', () => {
  it('is hardened and loads the renderer from the app origin', async () => {
    await start();
    const win = theWindow();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      devTools: true, // unpackaged run
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(win.loadedUrl).toBe('app://recaudo/index.html');
    expect(fake().app.calls).toContain('enableSandbox');
    expect(fake().privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }),
    ]);
  });

  it('turns DevTools off in a packaged build', async () => {
    fake().app.isPackaged = true;
    await start();
    expect((theWindow().options.webPreferences as Record<string, unknown>).devTools).toBe(false);
  });

  it('opens the desk with the user-data dir, an OS-protected key and the configured server', async () => {
    mkdirSync(fake().app.userData, { recursive: true });
    writeFileSync(join(fake().app.userData, 'recaudo.json'), JSON.stringify({ serverUrl: 'https://cobranzas.example.com' }));
    await start();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.userDataDir).toBe(join(dir, 'Recaudo'));
    expect(fake().app.name).toBe('Recaudo');
    expect(opened[0]!.serverUrl).toBe('https://cobranzas.example.com');
    expect(opened[0]!.keyProvider.osProtected).toBe(true);
    expect(opened[0]!.host).toEqual({ kind: 'electron', autoUpdate: false });
    expect(opened[0]!.keyProvider.getKey()).toHaveLength(32);
  });

  it("gives the desk Chromium's network stack (net.fetch: OS proxy and certificates) for the central server", async () => {
    await start();
    const res = await opened[0]!.fetch!('https://cobranzas.example.com/api/v1/health');
    expect(await res.json()).toEqual({ via: 'net.fetch' });
    expect(fake().netFetches).toEqual(['https://cobranzas.example.com/api/v1/health']);
  });
});

describe('single instance', () => {
  it('a second launch quits without opening anything', async () => {
    fake().app.lock = false;
    const { running } = await start();
    expect(running).toBeNull();
    expect(fake().app.calls).toContain('quit');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(opened).toHaveLength(0);
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    await start();
    const win = theWindow();
    win.minimized = true;
    fake().app.emit('second-instance', {}, ['recaudo'], '/');
    expect(win.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
  });
});

describe('IPC', () => {
  it('registers exactly one handler per contract channel', async () => {
    await start();
    const regs = fake().ipcMain.registrations;
    expect([...regs].sort()).toEqual(channelsOf(contract));
    expect(new Set(regs).size).toBe(regs.length);
  });

  it('passes a call from our page to the desk', async () => {
    await start();
    const win = theWindow();
    const env = await fake().ipcMain.invoke('session.login', fromPage(win), { username: 'agent1', password: 'x' });
    expect(env).toEqual({ ok: true, value: { echoed: 'session.login' } });
    expect(desk.calls).toEqual([{ channel: 'session.login', input: { username: 'agent1', password: 'x' } }]);
  });

  it('refuses calls from a sub-frame, a page that navigated away, or another window', async () => {
    await start();
    const win = theWindow();
    const iframe = new FakeFrame('app://recaudo/index.html');
    iframe.parent = win.webContents.mainFrame;
    const other = new FakeWebContents();
    other.navigateTo('app://recaudo/index.html');
    const attempts = [
      { sender: win.webContents, frame: iframe },
      { sender: other, frame: other.mainFrame },
      { sender: win.webContents, frame: null },
    ];
    for (const from of attempts) {
      const env = (await fake().ipcMain.invoke('app.info', from, {})) as Envelope;
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.code).toBe('forbidden');
    }
    win.webContents.navigateTo('https://evil.example/phish.html');
    const env = (await fake().ipcMain.invoke('portfolio.queue', fromPage(win), {})) as Envelope;
    expect(env).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'errors.forbiddenCaller' } });
    expect(desk.calls).toEqual([]);
  });

  it('answers malformed input with a field-level invalid_input and never reaches the desk', async () => {
    await start();
    const win = theWindow();
    const env = (await fake().ipcMain.invoke('session.login', fromPage(win), { username: 42, password: 'x' })) as Envelope;
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('invalid_input');
    expect(env.error.key).toBe('errors.invalidField');
    expect(env.error.params).toMatchObject({ field: 'username' });
    expect(env.error.issues?.map((i) => i.path)).toEqual(['username']);
    const extra = (await fake().ipcMain.invoke('portfolio.card', fromPage(win), { debtorId: 'd1', sql: 'drop table' })) as Envelope;
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(desk.calls).toEqual([]);
  });

  it('forwards known desk events with valid payloads to the page only', async () => {
    await start();
    const win = theWindow();
    desk.events.emit('portfolio.updated', { accounts: 12 });
    desk.events.emit('portfolio.updated', { accounts: 'many' });
    desk.events.emit('internal.secret', { token: 'x' });
    expect(win.webContents.sent).toEqual([{ channel: 'recaudo:event:portfolio.updated', args: [{ accounts: 12 }] }]);
    expect(Object.keys(events)).toContain('portfolio.updated');
  });

  it('answers the updates namespace in the shell, not in the desk', async () => {
    await start({ contract: { ...contract, updates: updatesMethods } as typeof contract });
    const env = (await fake().ipcMain.invoke('updates.status', fromPage(theWindow()), {})) as Envelope;
    expect(env).toMatchObject({ ok: true, value: { state: 'disabled', currentVersion: '1.2.3' } });
    expect(desk.calls).toEqual([]);
  });
});

describe('navigation', () => {
  it('keeps the window on the app origin and never opens new windows', async () => {
    await start();
    const wc = theWindow().webContents;
    expect(wc.attempt('will-navigate', 'app://recaudo/index.html#/queue')).toBe(true);
    expect(wc.attempt('will-navigate', 'https://evil.example/')).toBe(false);
    expect(wc.attempt('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(wc.attempt('will-redirect', 'http://127.0.0.1:9/')).toBe(false);
    expect(wc.attempt('will-frame-navigate', 'https://ads.example/')).toBe(false);
    expect(wc.attempt('will-navigate', 'app://recaudo.evil.example/index.html')).toBe(false);
    expect(wc.windowOpenHandler!({ url: 'app://recaudo/index.html' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake().openedExternally).toEqual([]);
    const webview = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    wc.emit('will-attach-webview', webview, {}, { src: 'https://evil.example' });
    expect(webview.defaultPrevented).toBe(true);
  });

  it('opens allow-listed https links in the OS browser, and nothing else', async () => {
    mkdirSync(fake().app.userData, { recursive: true });
    writeFileSync(join(fake().app.userData, 'recaudo.json'), JSON.stringify({ externalLinkHosts: ['ayuda.example.com'] }));
    await start();
    const wc = theWindow().webContents;
    expect(wc.windowOpenHandler!({ url: 'https://ayuda.example.com/guia' })).toEqual({ action: 'deny' });
    wc.windowOpenHandler!({ url: 'http://ayuda.example.com/guia' });
    wc.windowOpenHandler!({ url: 'https://ayuda.example.com.evil.example/' });
    expect(wc.attempt('will-navigate', 'https://ayuda.example.com/otra')).toBe(false);
    expect(fake().openedExternally).toEqual(['https://ayuda.example.com/guia', 'https://ayuda.example.com/otra']);
  });
});

describe('permissions', () => {
  const page = { isMainFrame: true, requestingUrl: 'app://recaudo/index.html', securityOrigin: 'app://recaudo/' };

  it('grants the microphone to our page and refuses everything else', async () => {
    await start();
    const s = fake().defaultSession;
    expect(await s.request('media', { ...page, mediaTypes: ['audio'] })).toBe(true);
    expect(await s.request('speaker-selection', page)).toBe(true);
    expect(await s.request('media', { ...page, mediaTypes: ['video'] })).toBe(false);
    expect(await s.request('media', { ...page, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(await s.request('media', { ...page, mediaTypes: [] })).toBe(false);
    for (const p of ['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'midiSysex', 'openExternal', 'fullscreen', 'pointerLock', 'window-management', 'unknown']) {
      expect(await s.request(p, page), p).toBe(false);
    }
  });

  it('refuses the microphone to another origin or a sub-frame', async () => {
    await start();
    const s = fake().defaultSession;
    expect(await s.request('media', { isMainFrame: true, requestingUrl: 'https://evil.example/', mediaTypes: ['audio'] })).toBe(false);
    expect(await s.request('media', { ...page, isMainFrame: false, mediaTypes: ['audio'] })).toBe(false);
    expect(await s.request('media', { ...page, securityOrigin: 'https://evil.example', mediaTypes: ['audio'] })).toBe(false);
  });

  it('answers permission checks for audio on our origin only, denies devices and screen capture', async () => {
    await start();
    const s = fake().defaultSession;
    expect(s.permissionCheckHandler!(null, 'media', 'app://recaudo', { isMainFrame: true, mediaType: 'audio', securityOrigin: 'app://recaudo/' })).toBe(true);
    expect(s.permissionCheckHandler!(null, 'media', 'app://recaudo', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(s.permissionCheckHandler!(null, 'media', 'app://recaudo', { isMainFrame: true, mediaType: 'unknown' })).toBe(false);
    expect(s.permissionCheckHandler!(null, 'media', 'https://evil.example', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(s.permissionCheckHandler!(null, 'notifications', 'app://recaudo', { isMainFrame: true })).toBe(false);
    expect(s.permissionCheckHandler!(null, 'hid', 'app://recaudo', { isMainFrame: true })).toBe(false);
    expect(s.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://recaudo' })).toBe(false);
    const streams = await new Promise((resolve) => s.displayMediaRequestHandler!({}, resolve));
    expect(streams).toEqual({});
  });
});

describe('app scheme', () => {
  const get = (url: string) => fake().protocolHandlers.get('app')!(new Request(url));

  it('serves the renderer with a strict CSP on every response', async () => {
    mkdirSync(fake().app.userData, { recursive: true });
    writeFileSync(
      join(fake().app.userData, 'recaudo.json'),
      JSON.stringify({ serverUrl: 'https://cobranzas.example.com', pbxWebSocketUrls: ['wss://pbx.example.com:8089/ws'] }),
    );
    await start();
    const page = await get('app://recaudo/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(csp).toMatch(/connect-src 'self' https:\/\/cobranzas\.example\.com wss:\/\/cobranzas\.example\.com wss:\/\/pbx\.example\.com:8089/);
    const js = await get('app://recaudo/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toBe('console.log(1)');
    const missing = await get('app://recaudo/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(csp);
  });

  it('allows the PBX the agent saved in the phone settings, read on each page load', async () => {
    let saved: string[] = [];
    desk.pbxOrigins = () => saved;
    await start();
    const before = (await get('app://recaudo/index.html')).headers.get('content-security-policy')!;
    expect(before).not.toContain('pbx.agent-saved.example');
    saved = ['wss://pbx.agent-saved.example:7443'];
    const after = (await get('app://recaudo/index.html')).headers.get('content-security-policy')!;
    expect(after).toMatch(/connect-src [^;]*wss:\/\/pbx\.agent-saved\.example:7443/);
    delete desk.pbxOrigins;
  });

  it('never serves a file outside the renderer or for another host', async () => {
    await start();
    for (const url of ['app://recaudo/..%2fsecret.txt', 'app://recaudo/%2e%2e/secret.txt', 'app://recaudo/assets/..%2f..%2fsecret.txt', 'app://evil/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('outside the renderer');
    }
    expect((await fake().protocolHandlers.get('app')!(new Request('app://recaudo/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('refusing to start', () => {
  it('shows a clear dialog and exits when safeStorage is unavailable, writing no key', async () => {
    fake().safeStorage.available = false;
    const { running } = await start();
    expect(running).toBeNull();
    expect(fake().errorBoxes).toHaveLength(1);
    expect(fake().errorBoxes[0]!.title).toBe('Recaudo no puede proteger sus datos');
    expect(fake().errorBoxes[0]!.content).toMatch(/no la guarda sin cifrar/);
    expect(fake().app.exitCode).toBe(1);
    expect(opened).toHaveLength(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(existsSync(fake().app.userData) ? readdirSync(fake().app.userData) : []).toEqual([]);
  });

  it('speaks English to an English-locale user', async () => {
    fake().safeStorage.available = false;
    fake().app.locale = 'en-US';
    await start();
    expect(fake().errorBoxes[0]!.title).toBe('Recaudo cannot protect your data');
  });

  it('names the file and field of a bad configuration', async () => {
    mkdirSync(fake().app.userData, { recursive: true });
    writeFileSync(join(fake().app.userData, 'recaudo.json'), JSON.stringify({ pbxWebSocketUrls: ['https://pbx.example.com'] }));
    const { running } = await start();
    expect(running).toBeNull();
    expect(fake().errorBoxes[0]!.content).toContain('recaudo.json');
    expect(fake().errorBoxes[0]!.content).toContain('pbxWebSocketUrls.0');
    expect(fake().app.exitCode).toBe(1);
    expect(opened).toHaveLength(0);
  });

  it('reports a desk that cannot open instead of showing an empty window', async () => {
    const running = await startShell({
      openDesk: async () => {
        throw new Error('database is from a newer Recaudo (schema 9 > 2)');
      },
      rendererDir: rendererDir(),
      preloadPath: '/p.cjs',
      loadUpdater: async () => {
        throw new Error('unused');
      },
      log: () => {},
    });
    expect(running).toBeNull();
    expect(fake().errorBoxes[0]!.content).toContain('schema 9 > 2');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('quitting', () => {
  it('closes the desk before the app really quits', async () => {
    await start();
    const ev = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    fake().app.emit('will-quit', ev);
    expect(ev.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake().app.calls).toContain('quit'));
    expect(desk.closed).toBe(1);
    const again = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    fake().app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
    expect(desk.closed).toBe(1);
  });
});
