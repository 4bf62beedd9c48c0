/** The desk's sync state: read once at start, then every `sync.status` the host pushes. */
import { create } from 'zustand';
import { api } from '../../api';
import type { SyncStatus } from '../../../shared/api/events';

interface SyncState {
  status: SyncStatus | null;
  start(): () => void;
}

export const useSync = create<SyncState>((set) => ({
  status: null,
  start() {
    let live = false;
    const off = api.on('sync.status', (status) => {
      live = true;
      set({ status });
    });
    // Events only tell changes: ask for the state now, unless an event already answered.
    void api.app.syncStatus().then((status) => {
      if (!live) set({ status });
    }, () => undefined);
    return off;
  },
}));
