/**
 * The ring waits for the caller's card (softphone `ringAfter`, ring-gate.ts): the softphone asks `cardShownFor`
 * as a call arrives, and the incoming-call hook says `popShown` once what the pop showed (card, picker or search)
 * has been painted. Only while the desk pops calls (the prefetch's holder, the same hook): otherwise nothing would
 * ever say "shown" and the ring rings at once.
 */
import { popsCalls } from './prefetch';

const waiting = new Map<string, () => void>();

/** A new call from `number` is about to ring: settles when its pop has been painted; null when nothing pops. */
export function cardShownFor(number: string): Promise<void> | null {
  if (!popsCalls()) return null;
  waiting.get(number)?.(); // an older call from the same number that never popped: let it ring
  return new Promise<void>((resolve) => waiting.set(number, resolve));
}

/** The pop for `number` has been painted. */
export function popShown(number: string): void {
  const resolve = waiting.get(number);
  waiting.delete(number);
  resolve?.();
}
