/** The agent's follow-up calendar (today / this week): promised payments, broken promises, callbacks. */
import { create } from 'zustand';
import { api } from '../../api';
import type { AgendaResult } from '../../../shared/api/methods/negotiation';
import { endSessionIfUnauthorized } from '../session/expiry';

interface CalendarState {
  range: 'today' | 'week';
  agenda: AgendaResult | null;
  loading: boolean;
  error: unknown;
  setRange(range: 'today' | 'week'): Promise<void>;
  refresh(): Promise<void>;
}

let generation = 0;

export const useCalendar = create<CalendarState>((set, get) => ({
  range: 'today',
  agenda: null,
  loading: false,
  error: null,
  async setRange(range) {
    set({ range });
    await get().refresh();
  },
  async refresh() {
    const mine = ++generation;
    set({ loading: true, error: null });
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const agenda = await api.negotiation.agenda({ range: get().range, ...(zone ? { zone } : {}) });
      if (mine === generation) set({ agenda, loading: false });
    } catch (error) {
      if (endSessionIfUnauthorized(error)) return;
      if (mine === generation) set({ loading: false, error });
    }
  },
}));
