/** The debtor card on screen, and the note being written on it. */
import { create } from 'zustand';
import { api } from '../../api';
import type { DebtorCard } from '../../../shared/api/methods/portfolio';
import { endSessionIfUnauthorized } from '../session/expiry';
import { primePhoneDisplay } from '../../lib/phone-display';

export const NOTE_MAX = 4000;

interface DebtorState {
  debtorId: string | null;
  card: DebtorCard | null;
  loading: boolean;
  error: unknown;
  noteDraft: string;
  noteSaving: boolean;
  /** A failure saving the note (an ApiError with field issues, or a local check as an i18n key). */
  noteError: unknown;
  noteLocalError: { key: string; params?: Record<string, unknown> } | null;
  noteSavedAt: number | null;
  open(debtorId: string): Promise<void>;
  /** Shows a card already read (the screen-pop's one round trip): one commit, no "loading" frame in between. */
  show(card: DebtorCard): void;
  reload(): Promise<void>;
  close(): void;
  setNoteDraft(text: string): void;
  /** Re-reads the open card when the slice changes under it (a pull, another agent's phone mark). */
  start(): () => void;
  saveNote(): Promise<boolean>;
}

let generation = 0;

export const useDebtor = create<DebtorState>((set, get) => ({
  debtorId: null,
  card: null,
  loading: false,
  error: null,
  noteDraft: '',
  noteSaving: false,
  noteError: null,
  noteLocalError: null,
  noteSavedAt: null,
  async open(debtorId) {
    const mine = ++generation;
    const same = get().debtorId === debtorId;
    set({
      debtorId,
      loading: true,
      error: null,
      ...(same ? {} : { card: null, noteDraft: '', noteError: null, noteLocalError: null, noteSavedAt: null }),
    });
    try {
      const card = await api.portfolio.card({ debtorId });
      if (mine === generation) {
        primePhoneDisplay(card.phoneDisplay);
        set({ card, loading: false });
      }
    } catch (error) {
      if (endSessionIfUnauthorized(error)) return;
      if (mine === generation) set({ loading: false, error });
    }
  },
  show(card) {
    generation++; // an open() still in flight must not replace this card
    primePhoneDisplay(card.phoneDisplay);
    const same = get().debtorId === card.debtor.id;
    set({
      debtorId: card.debtor.id,
      card,
      loading: false,
      error: null,
      ...(same ? {} : { noteDraft: '', noteError: null, noteLocalError: null, noteSavedAt: null }),
    });
  },
  async reload() {
    const id = get().debtorId;
    if (id) await get().open(id);
  },
  close() {
    generation++;
    set({ debtorId: null, card: null, loading: false, error: null, noteDraft: '', noteError: null, noteLocalError: null });
  },
  start() {
    return api.on('portfolio.updated', () => void get().reload());
  },
  setNoteDraft(noteDraft) {
    set({ noteDraft, noteLocalError: null, noteError: null, noteSavedAt: null });
  },
  async saveNote() {
    const { debtorId, noteDraft, noteSaving, card } = get();
    if (!debtorId || noteSaving) return false;
    const text = noteDraft.trim();
    if (!text) {
      set({ noteLocalError: { key: 'notes.empty' } });
      return false;
    }
    if (text.length > NOTE_MAX) {
      set({ noteLocalError: { key: 'notes.tooLong', params: { count: text.length } } });
      return false;
    }
    set({ noteSaving: true, noteError: null, noteLocalError: null });
    try {
      const note = await api.notes.add({ debtorId, text });
      const current = get().card;
      set({
        noteSaving: false,
        noteDraft: '',
        noteSavedAt: Date.now(),
        card: current && current === card && current.debtor.id === debtorId ? { ...current, notes: [note, ...current.notes] } : current,
      });
      return true;
    } catch (noteError) {
      endSessionIfUnauthorized(noteError);
      // The draft stays: nothing the agent typed is lost.
      set({ noteSaving: false, noteError });
      return false;
    }
  },
}));
