/** The agent's prioritized work queue, as the host orders and explains it. */
import { create } from 'zustand';
import { api } from '../../api';
import type { QueueItem, QueuePage } from '../../../shared/api/methods/portfolio';
import { endSessionIfUnauthorized } from '../session/expiry';

/**
 * Rows the desk loads: the agent works the top of the queue and search reaches the rest; 200,000 rows would be a
 * 96 MB reply and seconds of work on every reload. The header's counts come from the host's totals.
 */
export const QUEUE_LIMIT = 1_000;

const NO_TOTALS: QueuePage['totals'] = { accounts: 0, deferred: 0, promisesToday: 0, callbacksToday: 0 };

interface QueueState {
  /** The top of the queue (at most QUEUE_LIMIT rows). */
  items: QueueItem[];
  /** Counts over the whole queue (the segment asked for), beyond the rows loaded. */
  totals: QueuePage['totals'];
  /** Row index of each account, and of each debtor's first row: O(1) selection on a pop. */
  indexOfAccount: ReadonlyMap<string, number>;
  firstOfDebtor: ReadonlyMap<string, number>;
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
  totals: NO_TOTALS,
  indexOfAccount: new Map(),
  firstOfDebtor: new Map(),
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
      const page = await api.portfolio.queuePage({ limit: QUEUE_LIMIT, ...(segment ? { segment } : {}) });
      if (mine !== generation) return; // a newer load (e.g. filter change) won
      const { items, totals } = page;
      const indexOfAccount = new Map<string, number>();
      const firstOfDebtor = new Map<string, number>();
      items.forEach((i, k) => {
        indexOfAccount.set(i.accountId, k);
        if (!firstOfDebtor.has(i.debtorId)) firstOfDebtor.set(i.debtorId, k);
      });
      const segments = segment ? get().segments : page.segments;
      const kept = get().selectedId;
      const selectedId = kept !== null && indexOfAccount.has(kept) ? kept : (items[0]?.accountId ?? null);
      set({ items, totals, indexOfAccount, firstOfDebtor, segments, selectedId, loading: false, loaded: true, error: null });
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
    const { items, firstOfDebtor } = get();
    const at = firstOfDebtor.get(debtorId);
    if (at !== undefined && items[at]) set({ selectedId: items[at].accountId });
  },
  move(delta) {
    const { items, selectedId, indexOfAccount } = get();
    if (items.length === 0) return null;
    const at = selectedId === null ? -1 : (indexOfAccount.get(selectedId) ?? -1);
    const next = Math.max(0, Math.min(items.length - 1, (at < 0 ? 0 : at) + delta));
    const item = items[next]!;
    set({ selectedId: item.accountId });
    return item;
  },
  start() {
    return api.on('portfolio.updated', () => void get().load());
  },
}));
