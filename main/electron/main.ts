/**
 * Electron entry (bundled to dist/electron/main.cjs). Everything it does is in ./shell; this file only binds
 * the real services, paths and electron-updater.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { app } from 'electron';
import { openDesk } from '../services/desk';
import { createShellLog } from './logger';
import { setAppIdentity, startShell } from './shell';

// __dirname is dist/electron once bundled as CommonJS.
const distDir = join(__dirname, '..');
setAppIdentity();
const log = createShellLog(app.getPath('logs'));

startShell({
  openDesk: (options) =>
    openDesk({
      ...options,
      // Bundled beside this file by build/build-electron.mjs.
      agendaWorker: (workerData) => new Worker(join(__dirname, 'agenda-worker.cjs'), { workerData }),
      log: (level, msg, detail) => log(level, `desk: ${msg}`, detail),
    }),
  rendererDir: join(distDir, 'renderer'),
  preloadPath: join(distDir, 'electron', 'preload.cjs'),
  loadUpdater: async () => (await import('electron-updater')).autoUpdater,
  log,
}).catch((err: unknown) => {
  log('error', 'start-up failed', err);
  app.exit(1);
});
