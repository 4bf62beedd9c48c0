/**
 * Preview and progressive dialing from the queue. Preview: the agent opens the card (Enter in the queue) and
 * dials it with F4. Progressive: whenever the agent is ready — phone registered, no call, wrap-up done, status
 * Available — the next account of the queue (skipping deferred ones and debtors already tried in this run) is
 * opened and, after a visible countdown the agent can pause (Alt+P) or skip (F4 dials at once), dialed through
 * the one dialing path (compliance first).
 */
import { create } from 'zustand';
import { dial, useDial } from '../dial/store';
import { useQueue } from '../queue/store';
import { useDebtor } from '../debtor/store';
import { usePhone } from '../phone/store';
import { usePresence } from '../presence/store';
import { usePhoneSetup } from '../phone-setup/lifecycle';
import { callablePhone, COUNTDOWN_SECONDS, nextAccount } from './next-account';

export type DialMode = 'preview' | 'progressive';

export interface Countdown {
  debtorId: string;
  accountId: string;
  name: string;
  phoneE164: string;
  endsAt: number;
}

interface ProgressiveState {
  mode: DialMode;
  paused: boolean;
  countdown: Countdown | null;
  /** Why nothing is being dialed (i18n key under `progressive.*`), with params. */
  message: { key: string; params?: Record<string, string> } | null;
  attempted: Set<string>;
  /** Set while the next card is being opened (no second pick meanwhile). */
  preparing: boolean;
  setMode(mode: DialMode): void;
  togglePause(): void;
  /** F4: dial the open card now (preview), or skip the countdown (progressive). */
  dialNow(): Promise<void>;
  tick(now: number): Promise<void>;
}

function ready(): { ok: boolean; key?: string } {
  const phone = usePhone.getState();
  if (phone.snapshot?.registration.kind !== 'registered') return { ok: false, key: 'progressive.waiting' };
  if (usePhoneSetup.getState().workState !== 'idle' || useDial.getState().checking) return { ok: false, key: 'progressive.waiting' };
  if (usePresence.getState().availability !== 'available') return { ok: false, key: 'progressive.notAvailable' };
  return { ok: true };
}

export const useProgressive = create<ProgressiveState>((set, get) => ({
  mode: 'preview',
  paused: false,
  countdown: null,
  message: null,
  attempted: new Set(),
  preparing: false,
  setMode(mode) {
    // Debtors already dialed in this session (preview included) stay skipped: the run goes down the queue.
    set({ mode, paused: false, countdown: null, message: null });
  },
  togglePause() {
    const s = get();
    if (s.mode !== 'progressive') {
      get().setMode('progressive');
      return;
    }
    set({ paused: !s.paused, countdown: null, message: s.paused ? null : { key: 'progressive.paused' } });
  },
  async dialNow() {
    const s = get();
    if (s.countdown) {
      const c = s.countdown;
      set({ countdown: null });
      s.attempted.add(c.debtorId);
      await dial({ debtorId: c.debtorId, accountId: c.accountId, phoneE164: c.phoneE164, source: 'progressive' });
      return;
    }
    // Preview: the open card, about the queue row selected for it.
    const card = useDebtor.getState().card;
    if (!card) return;
    const phoneE164 = callablePhone(card);
    if (!phoneE164) {
      set({ message: { key: 'progressive.noPhone', params: { name: card.debtor.fullName } } });
      return;
    }
    const q = useQueue.getState();
    const row = q.items.find((i) => i.accountId === q.selectedId && i.debtorId === card.debtor.id);
    s.attempted.add(card.debtor.id);
    await dial({ debtorId: card.debtor.id, phoneE164, source: 'queue', ...(row ? { accountId: row.accountId } : {}) });
  },
  async tick(now) {
    const s = get();
    if (s.mode !== 'progressive' || s.paused || s.preparing) return;
    if (s.countdown) {
      if (now >= s.countdown.endsAt) await get().dialNow();
      return;
    }
    const r = ready();
    if (!r.ok) {
      set({ message: r.key ? { key: r.key } : null });
      return;
    }
    const items = useQueue.getState().items;
    const i = nextAccount(items, s.attempted, now);
    if (i < 0) {
      set({ message: { key: 'progressive.empty' } });
      return;
    }
    const item = items[i]!;
    set({ preparing: true });
    try {
      useQueue.getState().select(item.accountId);
      await useDebtor.getState().open(item.debtorId);
      const card = useDebtor.getState().card;
      if (get().mode !== 'progressive' || get().paused) return;
      const phoneE164 = card && card.debtor.id === item.debtorId ? callablePhone(card) : null;
      if (!phoneE164) {
        s.attempted.add(item.debtorId);
        set({ message: { key: 'progressive.noPhone', params: { name: item.debtorName } } });
        return;
      }
      set({
        message: null,
        countdown: { debtorId: item.debtorId, accountId: item.accountId, name: item.debtorName, phoneE164, endsAt: Date.now() + COUNTDOWN_SECONDS * 1000 },
      });
    } finally {
      set({ preparing: false });
    }
  },
}));
