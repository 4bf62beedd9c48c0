import type { SyncStatus } from '../../../shared/api/events';

export type Tone = 'ok' | 'busy' | 'warn' | 'idle';

/** Which sentence and tone say a sync status. Pure; the mark differs per state so it reads without colour. */
export function syncWords(status: SyncStatus | null, time: (iso: string) => string): { key: string; params: Record<string, unknown>; tone: Tone; mark: string } {
  if (!status) return { key: 'sync.unknown', params: {}, tone: 'idle', mark: '○' };
  switch (status.state) {
    case 'online':
      return { key: 'sync.online', params: { count: status.pending }, tone: 'ok', mark: '✓' };
    case 'syncing':
      return { key: 'sync.syncing', params: { count: status.pending }, tone: 'busy', mark: '⟳' };
    case 'offline':
      return status.since
        ? { key: 'sync.offline', params: { time: time(status.since), count: status.pending }, tone: 'warn', mark: '⚠' }
        : { key: 'sync.offlineNoTime', params: { count: status.pending }, tone: 'warn', mark: '⚠' };
    default: {
      const never: never = status.state;
      throw new Error(`unknown sync state ${String(never)}`);
    }
  }
}
