/**
 * The search box (Ctrl+K / F3): name, document, account number or phone in any format. A phone-like query
 * also asks lookupByPhone (E.164 variants), and hits are merged by debtor.
 */
import { create } from 'zustand';
import { api } from '../../api';
import type { DebtorHit } from '../../../shared/api/methods/portfolio';
import { looksLikePhone } from './phone-like';
import { endSessionIfUnauthorized } from '../session/expiry';

interface SearchState {
  open: boolean;
  /** Set when the dialog opened as a screen-pop picker: the number several debtors share. */
  pickerFor: string | null;
  query: string;
  hits: DebtorHit[];
  searchedFor: string;
  index: number;
  loading: boolean;
  error: unknown;
  show(prefill?: string): void;
  /** Opens the dialog with hits already found (one number, several debtors). */
  showPicker(phone: string, hits: DebtorHit[]): void;
  hide(): void;
  setQuery(q: string): void;
  move(delta: number): void;
  setIndex(i: number): void;
}

let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

async function run(query: string): Promise<DebtorHit[]> {
  const phone = looksLikePhone(query);
  const [byText, byPhone] = await Promise.all([
    api.portfolio.search({ query }),
    phone ? api.portfolio.lookupByPhone({ phone: query }) : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  return [...byPhone, ...byText].filter((h) => (seen.has(h.debtorId) ? false : (seen.add(h.debtorId), true)));
}

export const useSearch = create<SearchState>((set, get) => ({
  open: false,
  pickerFor: null,
  query: '',
  hits: [],
  searchedFor: '',
  index: 0,
  loading: false,
  error: null,
  show(prefill) {
    set({ open: true, pickerFor: null, ...(prefill !== undefined ? { query: prefill } : {}) });
    if (prefill !== undefined) get().setQuery(prefill);
  },
  showPicker(phone, hits) {
    generation++;
    clearTimeout(timer);
    set({ open: true, pickerFor: phone, query: phone, hits, searchedFor: phone, index: 0, loading: false, error: null });
  },
  hide() {
    generation++;
    clearTimeout(timer);
    set({ open: false, loading: false });
  },
  setQuery(query) {
    set({ query, error: null, pickerFor: null });
    clearTimeout(timer);
    const q = query.trim();
    if (q.length < 2) {
      generation++;
      set({ hits: [], searchedFor: '', index: 0, loading: false });
      return;
    }
    const mine = ++generation;
    set({ loading: true });
    // Short debounce: the local store answers in milliseconds, typing should not queue a search per key.
    timer = setTimeout(() => {
      run(q).then(
        (hits) => mine === generation && set({ hits, searchedFor: q, index: 0, loading: false }),
        (error) => {
          if (endSessionIfUnauthorized(error)) return;
          if (mine === generation) set({ error, loading: false, hits: [] });
        },
      );
    }, 120);
  },
  move(delta) {
    const { hits, index } = get();
    if (hits.length) set({ index: Math.max(0, Math.min(hits.length - 1, index + delta)) });
  },
  setIndex(index) {
    set({ index });
  },
}));
