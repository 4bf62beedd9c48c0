/** The offers of the account on screen, for the column's preview before a call (the call itself reloads them). */
import { create } from 'zustand';
import { api } from '../../api';
import type { OffersResult } from '../../../shared/api/methods/negotiation';
import { endSessionIfUnauthorized } from '../session/expiry';

interface OffersState {
  accountId: string | null;
  result: OffersResult | null;
  loading: boolean;
  error: unknown;
  load(accountId: string): Promise<void>;
  clear(): void;
}

let generation = 0;

export const useOffers = create<OffersState>((set, get) => ({
  accountId: null,
  result: null,
  loading: false,
  error: null,
  async load(accountId) {
    if (get().accountId === accountId && (get().result || get().loading)) return;
    const mine = ++generation;
    set({ accountId, loading: true, error: null, result: null });
    try {
      const result = await api.negotiation.offers({ accountId });
      if (mine === generation) set({ result, loading: false });
    } catch (error) {
      if (endSessionIfUnauthorized(error)) return;
      if (mine === generation) set({ loading: false, error });
    }
  },
  clear() {
    generation++;
    set({ accountId: null, result: null, loading: false, error: null });
  },
}));
