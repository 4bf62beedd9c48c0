/**
 * The ringing bar and the caller's card arrive in the same frame. While a ringing call's screen-pop is being read
 * from the local store (a few ms), the phone bar holds that call back; the pop lets it go in the same update that
 * shows the card, the picker or the search. The agent then sees the bar already naming the debtor (not the
 * number, then the name a frame later), and the renderer paints once before the card instead of twice. The
 * ringtone does not wait (the softphone plays it), and the hold lasts at most `maxMs`: a slow lookup never hides
 * a ringing call.
 */
import { create } from 'zustand';

interface RingingHold {
  /** Caller numbers whose pop is still being read. */
  numbers: ReadonlySet<string>;
}

export const useRingingHold = create<RingingHold>(() => ({ numbers: new Set<string>() }));

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Holds the bar's ringing call from `number` back until `releaseRinging(number)`, or `maxMs` at most. */
export function holdRinging(number: string, maxMs: number): void {
  clearTimeout(timers.get(number));
  timers.set(number, setTimeout(() => releaseRinging(number), maxMs));
  useRingingHold.setState((s) => ({ numbers: new Set(s.numbers).add(number) }));
}

/** The pop for `number` settled: the bar shows its call (in the same render as what the pop set). */
export function releaseRinging(number: string): void {
  clearTimeout(timers.get(number));
  timers.delete(number);
  if (!useRingingHold.getState().numbers.has(number)) return;
  useRingingHold.setState((s) => {
    const numbers = new Set(s.numbers);
    numbers.delete(number);
    return { numbers };
  });
}
