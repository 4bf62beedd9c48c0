/** The agent's follow-up calendar (today / this week): promised payments, broken promises, callbacks. */
import { create } from 'zustand';
import { api } from '../../api';
import { AGENDA_MAX_LIMIT, type AgendaResult } from '../../../shared/api/methods/negotiation';
import { endSessionIfUnauthorized } from '../session/expiry';

export type AgendaGroup = 'overdue' | 'dueToday' | 'thisWeek';

/**
 * Rows a group shows at first, and how many more each "show more" adds. A desk can hold 10,000 callbacks: the
 * host sends each group capped (soonest first) with its total, so neither the bridge nor the page carries them all.
 */
export const AGENDA_PAGE = 25;

const FIRST_PAGE: Record<AgendaGroup, number> = { overdue: AGENDA_PAGE, dueToday: AGENDA_PAGE, thisWeek: AGENDA_PAGE };

interface CalendarState {
  range: 'today' | 'week';
  agenda: AgendaResult | null;
  /** How many rows each group shows (it grows with "show more"; a range change starts over). */
  shown: Record<AgendaGroup, number>;
  loading: boolean;
  error: unknown;
  setRange(range: 'today' | 'week'): Promise<void>;
  showMore(group: AgendaGroup): Promise<void>;
  refresh(): Promise<void>;
}

let generation = 0;

export const useCalendar = create<CalendarState>((set, get) => ({
  range: 'today',
  agenda: null,
  shown: FIRST_PAGE,
  loading: false,
  error: null,
  async setRange(range) {
    set({ range, shown: FIRST_PAGE });
    await get().refresh();
  },
  async showMore(group) {
    const shown = { ...get().shown, [group]: get().shown[group] + AGENDA_PAGE };
    set({ shown });
    const agenda = get().agenda;
    // Only ask the host again when the group holds more than it sent.
    if (agenda && agenda[group].length < Math.min(shown[group], agenda.totals[group])) await get().refresh();
  },
  async refresh() {
    const mine = ++generation;
    set({ loading: true, error: null });
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const { overdue, dueToday, thisWeek } = get().shown;
      const limit = Math.min(AGENDA_MAX_LIMIT, Math.max(overdue, dueToday, thisWeek));
      const agenda = await api.negotiation.agenda({ range: get().range, limit, ...(zone ? { zone } : {}) });
      if (mine === generation) set({ agenda, loading: false });
    } catch (error) {
      if (endSessionIfUnauthorized(error)) return;
      if (mine === generation) set({ loading: false, error });
    }
  },
}));
