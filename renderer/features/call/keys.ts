/**
 * The guided call's keys, pure so they are tested without a DOM: Alt+G starts a guided call on the open debtor
 * (F4 belongs to the dialer: it calls the open account, and the answered call starts the guided call itself),
 * F10 goes to the promise form, Alt+F to the wrap-up (Alt+T is the phone's settings), 1–9 pick the step's answers, Enter confirms the step's
 * main action, Esc goes one step back. Typing in a field never triggers the digit keys.
 */
export type CallKeyAction =
  | { kind: 'start' }
  | { kind: 'promise' }
  | { kind: 'wrapUp' }
  | { kind: 'answer'; key: string }
  | { kind: 'confirm' }
  | { kind: 'back' };

export interface CallKeyEvent {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The focused element is a text field, select or textarea. */
  inField: boolean;
}

export function callKeyFor(e: CallKeyEvent, phase: 'idle' | 'loading' | 'running' | 'wrapup' | 'done'): CallKeyAction | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey) {
    if (e.shiftKey) return null;
    const k = e.key.toLowerCase();
    if (k === 'f' && phase === 'running') return { kind: 'wrapUp' };
    if (k === 'g' && (phase === 'idle' || phase === 'done')) return { kind: 'start' };
    return null;
  }
  switch (e.key) {
    case 'F10':
      return phase === 'running' ? { kind: 'promise' } : null;
    case 'Enter':
      return phase === 'running' || phase === 'wrapup' ? { kind: 'confirm' } : null;
    case 'Escape':
      return phase === 'running' && !e.inField ? { kind: 'back' } : null;
    default:
      if (/^[1-9]$/.test(e.key) && !e.inField && !e.shiftKey && phase === 'running') return { kind: 'answer', key: e.key };
      return null;
  }
}
