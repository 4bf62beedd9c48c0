/**
 * The phone store: mirrors the softphone engine's snapshot for React and turns bar actions into engine calls,
 * catching errors into an i18n key the bar shows. The engine itself is created and injected by the integrator
 * (`usePhone.getState().attach(softphone)`), so the store runs with no phone on seats that have none.
 */
import { create } from 'zustand';
import { DialTargetError } from '../../softphone/dial-target';
import { PhoneError, type Softphone } from '../../softphone/softphone';
import type { PhoneSnapshot } from '../../softphone/types';

export interface BarError {
  key: string;
  params?: Record<string, string | number>;
}

type Panel = 'none' | 'keypad' | 'transfer' | 'devices';

interface PhoneState {
  engine: Softphone | null;
  snapshot: PhoneSnapshot | null;
  number: string;
  transferTarget: string;
  panel: Panel;
  error: BarError | null;
  /** The call whose consult leg is in progress (attended transfer), if any. */
  consultCallId: string | null;
  attach(engine: Softphone): () => void;
  setNumber(v: string): void;
  setTransferTarget(v: string): void;
  togglePanel(p: Exclude<Panel, 'none'>): void;
  clearError(): void;
  dial(contactId?: string): void;
  answer(): void;
  decline(): void;
  hangup(): void;
  toggleHold(): void;
  toggleMute(): void;
  digit(d: string): void;
  blindTransfer(): void;
  consult(): void;
  completeTransfer(): void;
  dismissNotice(id: number): void;
  setMicrophone(deviceId: string): void;
  setSpeaker(deviceId: string): void;
}

function toBarError(err: unknown): BarError {
  if (err instanceof PhoneError || err instanceof DialTargetError) return { key: err.key, params: err.params };
  return { key: 'phone.error.callFailed' };
}

export const usePhone = create<PhoneState>((set, get) => {
  /** Runs an engine action; errors become the bar's message instead of an exception in React. */
  const act = (fn: (e: Softphone) => unknown): void => {
    const engine = get().engine;
    if (!engine) {
      set({ error: { key: 'phone.error.notRegistered' } });
      return;
    }
    try {
      const r = fn(engine);
      if (r instanceof Promise) r.catch((err: unknown) => set({ error: toBarError(err) }));
      set({ error: null });
    } catch (err) {
      set({ error: toBarError(err) });
    }
  };

  return {
    engine: null,
    snapshot: null,
    number: '',
    transferTarget: '',
    panel: 'none',
    error: null,
    consultCallId: null,
    attach(engine) {
      set({ engine, snapshot: engine.snapshot() });
      const off = engine.subscribe((snapshot) => {
        const consult = get().consultCallId;
        set({ snapshot, ...(consult && !snapshot.calls.some((c) => c.id === consult) ? { consultCallId: null } : {}) });
      });
      return () => {
        off();
        if (get().engine === engine) set({ engine: null, snapshot: null });
      };
    },
    setNumber: (number) => set({ number }),
    setTransferTarget: (transferTarget) => set({ transferTarget }),
    togglePanel: (p) => set((s) => ({ panel: s.panel === p ? 'none' : p })),
    clearError: () => set({ error: null }),
    dial(contactId) {
      act((e) => e.dial(get().number, contactId ? { contactId } : {}));
    },
    answer: () => act((e) => e.answer()),
    decline: () => act((e) => e.decline()),
    hangup: () => act((e) => e.hangup()),
    toggleHold: () => act((e) => e.toggleHold()),
    toggleMute: () => act((e) => e.toggleMute()),
    digit(d) {
      act((e) => e.sendDtmf(d));
    },
    blindTransfer() {
      act((e) => {
        e.blindTransfer(get().transferTarget);
        set({ panel: 'none', transferTarget: '' });
      });
    },
    consult() {
      act(async (e) => {
        const id = await e.startConsult(get().transferTarget);
        set({ consultCallId: id });
      });
    },
    completeTransfer() {
      const id = get().consultCallId;
      if (!id) return;
      act((e) => {
        e.completeTransfer(id);
        set({ panel: 'none', transferTarget: '', consultCallId: null });
      });
    },
    dismissNotice: (id) => act((e) => e.dismissNotice(id)),
    setMicrophone: (id) => act((e) => e.setMicrophone(id)),
    setSpeaker: (id) => act((e) => e.setSpeaker(id)),
  };
});
