/**
 * The Electron shell's start-up, in order: claim the single-instance lock, harden every web contents, wait for
 * 'ready', load the shell config, unseal the DB key (or refuse to start), serve the renderer on app://recaudo
 * with its CSP, set the permission policy, open the desk, wire IPC and events, open the window, start updates.
 * Thin on purpose: all business logic lives in main/services behind `openDesk`.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { contract as defaultContract, events as defaultEvents } from '../../shared/api/contract';
import type { ContractShape, EventsShape } from '../../shared/api/define';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { securityHeaders } from './csp';
import type { Desk, OpenDesk } from './desk-port';
import { forwardEvents, registerIpc, routeDispatch, type Dispatch } from './ipc';
import { KeyStoreError, openSealedKey } from './key-store';
import { configMessage, keyStoreMessage, languageOf, startFailedMessage } from './messages';
import { guardNavigation } from './navigation';
import { APP_SCHEME } from './origin';
import { installPermissionHandlers } from './permissions';
import {
  CONFIG_FILE_NAME, ShellConfigError, loadShellConfig, machineConfigPath, updateFeedUrl, type ShellConfig,
} from './shell-config';
import { createUpdateController, disabledUpdatesDispatch, updatesDispatch, type UpdateController, type UpdaterPort } from './updater';
import { createMainWindow, focusWindow } from './window';

export const APP_USER_MODEL_ID = 'co.recaudo.desk';
export const APP_NAME = 'Recaudo';

/**
 * Fixes the app's name and data folder whatever package.json says (its npm name is lowercase): user data in
 * %APPDATA%\\Recaudo, ~/Library/Application Support/Recaudo, ~/.config/Recaudo; logs in its logs folder.
 * Must run before 'ready' and before anything reads those paths. Idempotent.
 */
export function setAppIdentity(): void {
  if (app.getName() === APP_NAME) return;
  app.setName(APP_NAME);
  app.setPath('userData', join(app.getPath('appData'), APP_NAME));
  app.setAppLogsPath();
}

export type ShellLog = (level: 'info' | 'warn' | 'error', msg: string, extra?: unknown) => void;

export interface ShellOptions {
  openDesk: OpenDesk;
  /** dist/renderer */
  rendererDir: string;
  /** dist/electron/preload.cjs */
  preloadPath: string;
  /** Lazily loads electron-updater's autoUpdater (only packaged builds update themselves). */
  loadUpdater: () => Promise<UpdaterPort>;
  log: ShellLog;
  contract?: ContractShape;
  events?: EventsShape;
}

export interface RunningShell {
  window: () => BrowserWindow | null;
  desk: Desk;
  config: ShellConfig;
  updates: UpdateController | null;
}

/** Before 'ready': things Electron only accepts at that point. Returns false when another instance runs. */
function preReady(): boolean {
  setAppIdentity();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  return app.requestSingleInstanceLock();
}

function refuse(title: string, body: string, log: ShellLog): null {
  log('error', `${title}: ${body}`);
  dialog.showErrorBox(title, body);
  app.exit(1);
  return null;
}

export async function startShell(options: ShellOptions): Promise<RunningShell | null> {
  const { log } = options;
  const contract = options.contract ?? defaultContract;
  const events = options.events ?? defaultEvents;

  if (!preReady()) {
    log('info', 'another Recaudo is running; handing over to it');
    app.quit();
    return null;
  }

  let win: BrowserWindow | null = null;
  let config: ShellConfig | null = null;

  app.on('second-instance', () => focusWindow(win));
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(contents, {
      allowedExternalHosts: () => config?.externalLinkHosts ?? [],
      openExternal: (url) => shell.openExternal(url),
      onBlocked: (what, url) => log('warn', `blocked ${what} ${url}`),
    }),
  );
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const lang = languageOf(app.getLocale());
  const userDataDir = app.getPath('userData');

  try {
    config = loadShellConfig({ userFile: join(userDataDir, CONFIG_FILE_NAME), machineFile: machineConfigPath(process.platform, process.env) });
  } catch (err) {
    if (!(err instanceof ShellConfigError)) throw err;
    const m = configMessage(lang, err.file, err.field, err.reason);
    return refuse(m.title, m.body, log);
  }
  const cfg = config;

  let keyProvider;
  try {
    keyProvider = openSealedKey({ safeStorage, userDataDir, platform: process.platform });
  } catch (err) {
    if (!(err instanceof KeyStoreError)) throw err;
    const m = keyStoreMessage(lang, err.problem, err.message);
    return refuse(m.title, m.body, log);
  }

  let openedDesk: Desk | undefined;
  installPermissionHandlers(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ root: options.rendererDir, headers: () => securityHeaders({
        serverUrl: cfg.serverUrl,
        // IT's configured PBXs plus any the agent saved in the phone settings (read on each page load).
        pbxWebSocketUrls: [...cfg.pbxWebSocketUrls, ...(openedDesk?.pbxOrigins?.() ?? [])],
      }),
    }),
  );

  const autoUpdate = app.isPackaged && cfg.autoUpdate;
  let desk: Desk;
  try {
    desk = await options.openDesk({
      userDataDir,
      keyProvider,
      serverUrl: cfg.serverUrl,
      version: app.getVersion(),
      host: { kind: 'electron', autoUpdate },
      // Node's fetch ignores the OS proxy and certificate store; call centers sit behind both.
      fetch: ((input: string | URL | Request, init?: RequestInit) => net.fetch(input instanceof URL ? input.href : input, init)) as typeof fetch,
    });
    openedDesk = desk;
  } catch (err) {
    const m = startFailedMessage(lang, err instanceof Error ? err.message : String(err));
    return refuse(m.title, m.body, log);
  }

  let deskClosing: Promise<void> | null = null;
  const closeDesk = () => (deskClosing ??= Promise.resolve(desk.close()).catch((err: unknown) => log('error', 'closing the desk failed', err)));

  let updates: UpdateController | null = null;
  if (autoUpdate) {
    try {
      updates = createUpdateController({
        updater: await options.loadUpdater(),
        currentVersion: app.getVersion(),
        feedUrl: updateFeedUrl(cfg),
        checkEveryMs: cfg.updateCheckHours * 3_600_000,
        beforeInstall: closeDesk,
        log,
      });
    } catch (err) {
      log('error', 'auto-update unavailable', err);
    }
  }

  const getWindow = () => win;
  const local: Record<string, Dispatch> = { updates: updates ? updatesDispatch(updates) : disabledUpdatesDispatch(app.getVersion()) };
  registerIpc({
    ipcMain,
    contract,
    window: getWindow,
    dispatch: routeDispatch(local, (channel, input) => desk.dispatch(channel, input)),
    onRefused: (channel, why) => log('warn', `refused ${channel}: ${why}`),
  });
  const onDropped = (event: string, why: string) => log('warn', `dropped event ${event}: ${why}`);
  forwardEvents({ source: desk.events, events, window: getWindow, onDropped });
  if (updates) forwardEvents({ source: updates.events, events, window: getWindow, onDropped });

  win = createMainWindow(BrowserWindow, { preloadPath: options.preloadPath, devTools: !app.isPackaged });
  win.on('closed', () => {
    win = null;
  });

  app.on('before-quit', () => updates?.quitting());
  let deskClosed = false;
  app.on('will-quit', (event) => {
    if (deskClosed) return;
    // Hold the quit until the store is checkpointed and closed, then quit for real.
    event.preventDefault();
    void closeDesk().finally(() => {
      deskClosed = true;
      app.quit();
    });
  });

  updates?.start();
  log('info', `Recaudo ${app.getVersion()} started; server ${cfg.serverUrl}`);
  return { window: getWindow, desk, config: cfg, updates };
}
