import { ApiError } from '../../../shared/api/errors';
import type { RecaudoHandlers } from '../../../shared/api/contract';
import type { UpdateStatus } from '../../../shared/api/methods/updates';

/**
 * The desk's own answer to `updates.*`: hosts that do not self-update (the browser host) say so. The Electron
 * shell answers this namespace itself with electron-updater (main/electron/updater.ts).
 */
export function disabledUpdates(currentVersion: string): RecaudoHandlers['updates'] {
  const status: UpdateStatus = {
    state: 'disabled', currentVersion, availableVersion: null, percent: null, deferredBecause: null, errorKey: null,
  };
  return {
    status: async () => status,
    reportWorkState: async () => status,
    installNow: async () => {
      throw new ApiError({ code: 'conflict', message: 'updates are disabled on this workstation', key: 'updates.error.disabled' });
    },
  };
}
