/** The last `sync.status` the host pushed; null until the first one arrives. */
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
    return api.on('sync.status', (status) => set({ status }));
  },
}));
