/** The admin screen's shared state: which section is open and which creditor it works on. */
import { create } from 'zustand';
import { api } from '../../api';
import type { CreditorRef } from '../../../shared/api/methods/admin';

export const ADMIN_TABS = ['import', 'segments', 'assignment'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

interface AdminState {
  tab: AdminTab;
  creditorId: string;
  creditors: CreditorRef[];
  error: unknown;
  setTab(tab: AdminTab): void;
  setCreditor(id: string): void;
  loadCreditors(): Promise<void>;
}

export const useAdmin = create<AdminState>((set, get) => ({
  tab: 'import',
  creditorId: '',
  creditors: [],
  error: null,
  setTab: (tab) => set({ tab }),
  setCreditor: (creditorId) => set({ creditorId: creditorId.trim() }),
  async loadCreditors() {
    try {
      const { creditors } = await api.admin.creditors();
      set({ creditors, error: null, creditorId: get().creditorId || (creditors.length === 1 ? creditors[0]!.id : '') });
    } catch (error) {
      set({ error });
    }
  },
}));

/** The currency a creditor's balances are in, from its country (creditors are single-market). */
export function currencyOfCountry(country: string): 'COP' | 'CLP' | 'MXN' | 'PEN' | 'USD' | 'ARS' | null {
  const map = { CO: 'COP', CL: 'CLP', MX: 'MXN', PE: 'PEN', US: 'USD', AR: 'ARS' } as const;
  return (map as Record<string, (typeof map)[keyof typeof map]>)[country] ?? null;
}
