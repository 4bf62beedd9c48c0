/**
 * The desk's sync state: read once at start, then every `sync.status` the host pushes; and the mutations the
 * server refused, re-read whenever the status changes (a push that ends in a refusal changes it).
 * The host re-announces the status after every local change, mostly unchanged: an equal status (or an equal
 * refused list) keeps the state as it is, so the top bar does not re-render in the middle of a screen-pop.
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

const sameStatus = (a: SyncStatus | null, b: SyncStatus) => a !== null && a.state === b.state && a.pending === b.pending && a.since === b.since;
const sameRefused = (a: RefusedMutationView[], b: RefusedMutationView[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

export const useSync = create<SyncState>((set, get) => ({
  status: null,
  refused: [],
  start() {
    let live = false;
    const loadRefused = () => void api.sync.refused().then((refused) => {
      if (!sameRefused(get().refused, refused)) set({ refused });
    }, () => undefined);
    const off = api.on('sync.status', (status) => {
      live = true;
      if (sameStatus(get().status, status)) return;
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
