/**
 * Background updates with electron-updater: check at start and every few hours, download quietly, and install
 * only when update-policy says so — on quit, or at an idle moment (no call ringing, up or in wrap-up). The
 * renderer reports the agent's work state through the `updates` namespace of the contract.
 */
import { EventEmitter } from 'node:events';
import { createDispatcher, type Dispatch } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { updatesMethods, type UpdateStatus, type WorkState as ReportedState } from '../../shared/api/methods/updates';
import { DEFAULT_QUIET_MS, decideUpdate, deferKey, type UpdateDecision, type WorkState } from './update-policy';

/** The part of electron-updater's AppUpdater we use (AppUpdater satisfies it). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-updater's typed event map, seen structurally
  on(event: string, listener: (...args: any[]) => void): unknown;
}

export interface UpdateControllerOptions {
  updater: UpdaterPort;
  currentVersion: string;
  feedUrl: string;
  checkEveryMs: number;
  quietMs?: number;
  /** Runs before quitAndInstall (closes the desk so the store is checkpointed). */
  beforeInstall: () => Promise<void>;
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: unknown) => void;
}

export interface UpdateController {
  /** Emits 'updates.status' with an UpdateStatus after every change. */
  readonly events: EventEmitter;
  start(): void;
  stop(): void;
  status(): UpdateStatus;
  reportWorkState(state: ReportedState): UpdateStatus;
  installNow(): Promise<UpdateStatus>;
  /** Call from app 'before-quit': a ready update is installed by electron-updater on the way out. */
  quitting(): void;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { updater, log } = options;
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const events = new EventEmitter();
  let status: UpdateStatus = {
    state: 'idle',
    currentVersion: options.currentVersion,
    availableVersion: null,
    percent: null,
    deferredBecause: null,
    errorKey: null,
  };
  let work: WorkState = 'unknown';
  let workSince = Date.now();
  let isQuitting = false;
  let checkTimer: ReturnType<typeof setInterval> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let installing = false;

  const set = (patch: Partial<UpdateStatus>) => {
    status = { ...status, ...patch };
    events.emit('updates.status', status);
  };

  const decision = (quiet = quietMs): UpdateDecision =>
    decideUpdate({ updateReady: status.state === 'ready', quitting: isQuitting, work, workSince, now: Date.now(), quietMs: quiet });

  const install = async () => {
    if (installing) return;
    installing = true;
    set({ state: 'installing', deferredBecause: null });
    try {
      await options.beforeInstall();
    } catch (err) {
      log('warn', 'closing the desk before the update failed; installing anyway', err);
    }
    log('info', `installing ${status.availableVersion}`);
    // Silent (no NSIS wizard) and relaunch: the agent gets Recaudo back without doing anything.
    updater.quitAndInstall(true, true);
  };

  const evaluate = () => {
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    const d = decision();
    if (d.action === 'install' && d.when === 'idle') void install();
    else if (d.action === 'defer') {
      if (status.deferredBecause !== deferKey(d.reason)) set({ deferredBecause: deferKey(d.reason) });
      if (d.retryInMs !== null) retryTimer = setTimeout(evaluate, d.retryInMs + 50);
    }
  };

  const check = () => {
    updater.checkForUpdates().catch((err: unknown) => {
      log('warn', 'update check failed', err);
      set({ state: status.state === 'ready' ? 'ready' : 'error', errorKey: 'updates.error.checkFailed' });
    });
  };

  updater.autoDownload = true;
  // On a normal quit electron-updater installs a downloaded update: that is always a safe moment.
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.setFeedURL({ provider: 'generic', url: options.feedUrl });

  updater.on('checking-for-update', () => {
    if (status.state !== 'ready') set({ state: 'checking', errorKey: null });
  });
  updater.on('update-not-available', () => {
    if (status.state !== 'ready') set({ state: 'idle', availableVersion: null, percent: null });
  });
  updater.on('update-available', (info: { version: string }) => set({ state: 'downloading', availableVersion: info.version, percent: 0 }));
  updater.on('download-progress', (p: { percent: number }) => set({ state: 'downloading', percent: Math.max(0, Math.min(100, p.percent)) }));
  updater.on('update-downloaded', (info: { version: string }) => {
    set({ state: 'ready', availableVersion: info.version, percent: 100, errorKey: null });
    evaluate();
  });
  updater.on('error', (err: Error) => {
    log('error', 'update failed', err);
    installing = false;
    set({ state: status.state === 'ready' ? 'ready' : 'error', errorKey: 'updates.error.failed' });
  });

  return {
    events,
    start() {
      check();
      checkTimer = setInterval(check, options.checkEveryMs);
      checkTimer.unref?.();
    },
    stop() {
      if (checkTimer) clearInterval(checkTimer);
      if (retryTimer) clearTimeout(retryTimer);
      checkTimer = retryTimer = null;
    },
    status: () => status,
    reportWorkState(state) {
      if (state !== work) {
        work = state;
        workSince = Date.now();
      }
      evaluate();
      return status;
    },
    async installNow() {
      if (status.state !== 'ready') {
        throw new ApiError({ code: 'conflict', message: 'no update is ready to install', key: 'updates.error.nothingReady' });
      }
      // An explicit click needs no quiet period, but never during a call or wrap-up.
      const d = decision(0);
      if (d.action !== 'install') {
        const reason = d.action === 'defer' ? deferKey(d.reason) : 'updates.deferred.waitingForState';
        throw new ApiError({ code: 'blocked', message: `cannot restart now: ${reason}`, key: reason });
      }
      await install();
      return status;
    },
    quitting() {
      isQuitting = true;
      this.stop();
    },
  };
}

/** The shell-local implementation of the `updates` namespace. */
export function updatesDispatch(controller: UpdateController): Dispatch {
  return createDispatcher(
    { updates: updatesMethods },
    {
      updates: {
        status: async () => controller.status(),
        reportWorkState: async ({ state }) => controller.reportWorkState(state),
        installNow: () => controller.installNow(),
      },
    },
  );
}

/** The `updates` namespace when this run does not update itself (development, or IT turned it off). */
export function disabledUpdatesDispatch(currentVersion: string): Dispatch {
  const status: UpdateStatus = {
    state: 'disabled', currentVersion, availableVersion: null, percent: null, deferredBecause: null, errorKey: null,
  };
  return createDispatcher(
    { updates: updatesMethods },
    {
      updates: {
        status: async () => status,
        reportWorkState: async () => status,
        installNow: async () => {
          throw new ApiError({ code: 'conflict', message: 'updates are disabled on this workstation', key: 'updates.error.disabled' });
        },
      },
    },
  );
}
