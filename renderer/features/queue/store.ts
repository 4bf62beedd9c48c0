/** The agent's prioritized work queue, as the host orders and explains it. */
import { create } from 'zustand';
import { api } from '../../api';
import type { QueueItem } from '../../../shared/api/methods/portfolio';
import { endSessionIfUnauthorized } from '../session/expiry';

interface QueueState {
  items: QueueItem[];
  /** Segments seen in the unfiltered queue, for the filter. */
  segments: string[];
  segment: string | null;
  selectedId: string | null;
  loading: boolean;
  loaded: boolean;
  error: unknown;
  /** Pulling the agent's slice from the server: its failure is shown but the local queue still works. */
  refreshing: boolean;
  refreshError: unknown;
  load(): Promise<void>;
  /** Pull from the server (when the session is online), then reload the local queue. */
  refresh(online: boolean): Promise<void>;
  setSegment(segment: string | null): Promise<void>;
  select(accountId: string): void;
  /** Puts the cursor on this debtor's first row (a card opened from search or a call), if the queue has them. */
  selectDebtor(debtorId: string): void;
  /** Moves the selection by `delta` rows (arrow keys, page keys), clamped. Returns the new selection. */
  move(delta: number): QueueItem | null;
  start(): () => void;
}

let generation = 0;

export const useQueue = create<QueueState>((set, get) => ({
  items: [],
  segments: [],
  segment: null,
  selectedId: null,
  loading: false,
  loaded: false,
  error: null,
  refreshing: false,
  refreshError: null,
  async refresh(online) {
    if (online) {
      set({ refreshing: true, refreshError: null });
      try {
        await api.portfolio.refresh();
        set({ refreshing: false });
      } catch (refreshError) {
        if (endSessionIfUnauthorized(refreshError)) return;
        set({ refreshing: false, refreshError });
      }
    }
    await get().load();
  },
  async load() {
    const mine = ++generation;
    const segment = get().segment;
    set({ loading: true });
    try {
      const items = await api.portfolio.queue(segment ? { segment } : {});
      if (mine !== generation) return; // a newer load (e.g. filter change) won
      const segments = segment ? get().segments : [...new Set(items.map((i) => i.segment))].sort();
      const selectedId = items.some((i) => i.accountId === get().selectedId) ? get().selectedId : (items[0]?.accountId ?? null);
      set({ items, segments, selectedId, loading: false, loaded: true, error: null });
    } catch (error) {
      if (endSessionIfUnauthorized(error)) return;
      if (mine === generation) set({ loading: false, loaded: true, error });
    }
  },
  async setSegment(segment) {
    set({ segment });
    await get().load();
  },
  select(accountId) {
    set({ selectedId: accountId });
  },
  selectDebtor(debtorId) {
    const item = get().items.find((i) => i.debtorId === debtorId);
    if (item) set({ selectedId: item.accountId });
  },
  move(delta) {
    const { items, selectedId } = get();
    if (items.length === 0) return null;
    const at = items.findIndex((i) => i.accountId === selectedId);
    const next = Math.max(0, Math.min(items.length - 1, (at < 0 ? 0 : at) + delta));
    const item = items[next]!;
    set({ selectedId: item.accountId });
    return item;
  },
  start() {
    return api.on('portfolio.updated', () => void get().load());
  },
}));
