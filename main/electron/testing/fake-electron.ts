/**
 * A recording stand-in for the `electron` module (its binary cannot be downloaded here). It keeps what the
 * shell asked for — window options, IPC handlers, permission handlers, protocol handlers, dialogs — and lets a
 * test play the part of Chromium (fire navigation events, ask permissions, send IPC from a given frame).
 * Use: `vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule))`.
 */
import { EventEmitter } from 'node:events';

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(public url: string) {}
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  readonly mainFrame = new FakeFrame('');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Test helper: the page finished loading `url`. */
  navigateTo(url: string): void {
    this.url = url;
    this.mainFrame.url = url;
  }
  /** Test helper: fire a navigation event the way Electron does; true if the shell let it proceed. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const e = new FakeEvent(url);
    this.emit(event, e, url);
    return !e.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  minimized = false;
  visible = false;
  focused = false;
  destroyed = false;
  calls: string[] = [];

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    current.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.navigateTo(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  show(): void {
    this.calls.push('show');
    this.visible = true;
  }
  focus(): void {
    this.calls.push('focus');
    this.focused = true;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  readonly registrations: string[] = [];
  handle(channel: string, handler: InvokeHandler): void {
    // Electron throws on a second handler for the same channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.registrations.push(channel);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what ipcRenderer.invoke from `frame` of `sender` would get. */
  async invoke(channel: string, from: { sender: FakeWebContents; frame: FakeFrame | null }, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h({ sender: from.sender, senderFrame: from.frame, frameId: 1, processId: 1, type: 'frame' }, ...args);
  }
}

export class FakeSession {
  permissionRequestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  displayMediaRequestHandler: ((request: unknown, cb: (streams: unknown) => void) => void) | null = null;
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = h;
  }
  setDisplayMediaRequestHandler(h: FakeSession['displayMediaRequestHandler']): void {
    this.displayMediaRequestHandler = h;
  }
  /** Test helper: ask for a permission the way Chromium does; resolves to the answer. */
  request(permission: string, details: Record<string, unknown>): Promise<boolean> {
    return new Promise((resolve) => this.permissionRequestHandler!(null, permission, resolve, details));
  }
}

export class FakeApp extends EventEmitter {
  lock = true;
  isPackaged = false;
  locale = 'es-CO';
  userData = '/nonexistent';
  version = '1.2.3';
  readonly calls: string[] = [];
  exitCode: number | null = null;
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.lock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  setAppUserModelId(id: string): void {
    this.calls.push(`setAppUserModelId:${id}`);
  }
  getLocale(): string {
    return this.locale;
  }
  name = 'recaudo';
  appData = '/nonexistent-appdata';
  getName(): string {
    return this.name;
  }
  setName(name: string): void {
    this.calls.push(`setName:${name}`);
    this.name = name;
  }
  getPath(name: string): string {
    if (name === 'userData') return this.userData;
    if (name === 'appData') return this.appData;
    if (name === 'logs') return `${this.userData}/logs`;
    throw new Error(`fake app.getPath(${name})`);
  }
  setPath(name: string, value: string): void {
    if (name !== 'userData') throw new Error(`fake app.setPath(${name})`);
    this.calls.push(`setPath:userData`);
    this.userData = value;
  }
  setAppLogsPath(): void {
    this.calls.push('setAppLogsPath');
  }
  getVersion(): string {
    return this.version;
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code = 0): void {
    this.calls.push(`exit:${code}`);
    this.exitCode = code;
  }
}

export class FakeSafeStorage {
  available = true;
  backend: string = 'gnome_libsecret';
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    // Reversible but not plain: a test can check the file does not hold the key's text.
    return Buffer.concat([Buffer.from('SEALED:'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]);
  }
  decryptString(sealed: Buffer): string {
    if (!sealed.subarray(0, 7).equals(Buffer.from('SEALED:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(7).map((b) => b ^ 0x5a)).toString('utf8');
  }
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

class FakeElectron {
  readonly app = new FakeApp();
  readonly ipcMain = new FakeIpcMain();
  readonly safeStorage = new FakeSafeStorage();
  readonly defaultSession = new FakeSession();
  readonly privilegedSchemes: unknown[] = [];
  readonly protocolHandlers = new Map<string, (req: Request) => Promise<Response> | Response>();
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  readonly openedExternally: string[] = [];
  /** URLs fetched through `net.fetch` (the session's network stack: OS proxy, system certificates). */
  readonly netFetches: string[] = [];
}

let current = new FakeElectron();

/** Fresh state for each test. */
export function resetFakeElectron(): FakeElectron {
  current = new FakeElectron();
  FakeBrowserWindow.instances = [];
  return current;
}

export function fake(): FakeElectron {
  return current;
}

/** The object `vi.mock('electron')` returns; getters so a reset between tests is seen by already-imported code. */
export const electronModule = {
  get app() {
    return current.app;
  },
  get ipcMain() {
    return current.ipcMain;
  },
  get safeStorage() {
    return current.safeStorage;
  },
  BrowserWindow: FakeBrowserWindow,
  get net() {
    return {
      fetch: async (input: string | Request) => {
        current.netFetches.push(typeof input === 'string' ? input : input.url);
        return new Response(JSON.stringify({ via: 'net.fetch' }), { headers: { 'content-type': 'application/json' } });
      },
    };
  },
  get session() {
    return { defaultSession: current.defaultSession };
  },
  get protocol() {
    return {
      registerSchemesAsPrivileged: (schemes: unknown[]) => current.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (req: Request) => Promise<Response>) => {
        if (current.protocolHandlers.has(scheme)) throw new Error(`scheme ${scheme} already handled`);
        current.protocolHandlers.set(scheme, handler);
      },
    };
  },
  get dialog() {
    return { showErrorBox: (title: string, content: string) => current.errorBoxes.push({ title, content }) };
  },
  get shell() {
    return {
      openExternal: async (url: string) => {
        current.openedExternally.push(url);
      },
    };
  },
};
