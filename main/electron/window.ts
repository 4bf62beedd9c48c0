/**
 * The one agent window. Every web preference that could widen what the page can do is pinned explicitly
 * (even where it is Electron's default) so a reader sees the whole policy here and a test can assert it.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './origin';

export interface WindowOptions {
  preloadPath: string;
  /** DevTools only in unpackaged (development) runs. */
  devTools: boolean;
  title?: string;
}

export function mainWindowOptions(options: WindowOptions): BrowserWindowConstructorOptions {
  return {
    title: options.title ?? 'Recaudo',
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: options.devTools,
      // A call keeps running when the window is hidden or minimised: no timer throttling for the softphone.
      backgroundThrottling: false,
    },
  };
}

export function createMainWindow(
  BrowserWindowCtor: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  options: WindowOptions,
): BrowserWindow {
  const win = new BrowserWindowCtor(mainWindowOptions(options));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** What a second launch does: bring the existing window to the front instead of opening another desk. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
