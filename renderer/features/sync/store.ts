/**
 * The desk's sync state: read once at start, then every `sync.status` the host pushes; and the mutations the
 * server refused, re-read whenever the status changes (a push that ends in a refusal changes it).
 */
import { create } from 'zustand';
import { api } from '../../api';
import type { SyncStatus } from '../../../shared/api/events';
import type { RefusedMutationView } from '../../../shared/api/methods/sync';

interface SyncState {
  status: SyncStatus | null;
  refused: RefusedMutationView[];
  start(): () => void;
}

export const useSync = create<SyncState>((set) => ({
  status: null,
  refused: [],
  start() {
    let live = false;
    const loadRefused = () => void api.sync.refused().then((refused) => set({ refused }), () => undefined);
    const off = api.on('sync.status', (status) => {
      live = true;
      set({ status });
      loadRefused();
    });
    // Events only tell changes: ask for the state now, unless an event already answered.
    void api.app.syncStatus().then((status) => {
      if (!live) set({ status });
    }, () => undefined);
    loadRefused();
    return off;
  },
}));
