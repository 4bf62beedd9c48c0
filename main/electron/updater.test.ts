import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../shared/api/methods/updates';
import { createUpdateController, updatesDispatch, type UpdaterPort } from './updater';

class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = true;
  feed: unknown = null;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  failNextCheck = false;
  setFeedURL(options: unknown): void {
    this.feed = options;
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    if (this.failNextCheck) {
      this.failNextCheck = false;
      throw new Error('ENOTFOUND updates.example.com');
    }
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
  /** Plays a full check → download. */
  deliver(version: string): void {
    this.emit('checking-for-update');
    this.emit('update-available', { version });
    this.emit('download-progress', { percent: 42.5 });
    this.emit('update-downloaded', { version });
  }
}

let updater: FakeUpdater;
let closed: number;
const HOUR = 3_600_000;

function controller() {
  return createUpdateController({
    updater,
    currentVersion: '1.0.0',
    feedUrl: 'https://cobranzas.example.com/updates/',
    checkEveryMs: 4 * HOUR,
    quietMs: 120_000,
    beforeInstall: async () => {
      closed++;
    },
    log: () => {},
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  updater = new FakeUpdater();
  closed = 0;
});
afterEach(() => vi.useRealTimers());

describe('update controller', () => {
  it('configures electron-updater for background downloads from the generic feed', () => {
    controller();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: false });
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://cobranzas.example.com/updates/' });
  });

  it('checks at start and every few hours', async () => {
    const c = controller();
    c.start();
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(4 * HOUR);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(8 * HOUR);
    expect(updater.checks).toBe(4);
    c.stop();
    await vi.advanceTimersByTimeAsync(8 * HOUR);
    expect(updater.checks).toBe(4);
  });

  it('reports progress and a failed check as status, without throwing', async () => {
    const c = controller();
    const seen: UpdateStatus[] = [];
    c.events.on('updates.status', (s: UpdateStatus) => seen.push(s));
    updater.failNextCheck = true;
    c.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.status()).toMatchObject({ state: 'error', errorKey: 'updates.error.checkFailed' });
    updater.emit('update-available', { version: '1.1.0' });
    updater.emit('download-progress', { percent: 42.5 });
    expect(c.status()).toMatchObject({ state: 'downloading', availableVersion: '1.1.0', percent: 42.5 });
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('waits through a call and its wrap-up, then installs silently at the next idle moment', async () => {
    const c = controller();
    c.reportWorkState('in_call');
    updater.deliver('1.1.0');
    expect(c.status()).toMatchObject({ state: 'ready', deferredBecause: 'updates.deferred.inCall' });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(updater.installs).toEqual([]);
    c.reportWorkState('wrap_up');
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(c.status().deferredBecause).toBe('updates.deferred.wrapUp');
    c.reportWorkState('idle');
    expect(c.status().deferredBecause).toBe('updates.deferred.settling');
    await vi.advanceTimersByTimeAsync(60_000);
    c.reportWorkState('ringing'); // the next call arrives inside the quiet period
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(updater.installs).toEqual([]);
    c.reportWorkState('in_call');
    c.reportWorkState('idle');
    await vi.advanceTimersByTimeAsync(120_100);
    expect(closed).toBe(1);
    expect(updater.installs).toEqual([[true, true]]);
    expect(c.status().state).toBe('installing');
  });

  it('never installs at runtime before the renderer reported the work state; a quit installs it', async () => {
    const c = controller();
    updater.deliver('1.1.0');
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(updater.installs).toEqual([]);
    expect(c.status().deferredBecause).toBe('updates.deferred.waitingForState');
    c.quitting();
    // electron-updater installs on the way out (autoInstallOnAppQuit); the controller must not race it.
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.installs).toEqual([]);
  });

  it('"restart now" is refused during a call and honoured when idle', async () => {
    const c = controller();
    const dispatch = updatesDispatch(c);
    expect(await dispatch('updates.installNow', {})).toMatchObject({ ok: false, error: { code: 'conflict', key: 'updates.error.nothingReady' } });
    updater.deliver('1.1.0');
    await dispatch('updates.reportWorkState', { state: 'in_call' });
    expect(await dispatch('updates.installNow', {})).toMatchObject({ ok: false, error: { code: 'blocked', key: 'updates.deferred.inCall' } });
    expect(updater.installs).toEqual([]);
    await dispatch('updates.reportWorkState', { state: 'idle' });
    expect(await dispatch('updates.installNow', {})).toMatchObject({ ok: true, value: { state: 'installing' } });
    expect(updater.installs).toEqual([[true, true]]);
  });

  it('validates the reported state like any contract call', async () => {
    const dispatch = updatesDispatch(controller());
    const env = await dispatch('updates.reportWorkState', { state: 'on_break' });
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { field: 'state' } } });
  });
});
