/**
 * Foreground work the agent is waiting to see can hold back the renderer's background bridge traffic until it has
 * painted. The desk answers the bridge one message at a time, and each answer is handled on the renderer's one
 * main thread: a screen-pop's lookup queued behind the call log's write, the work-state report and the re-renders
 * their answers bring would reach the screen later for nothing. Background senders (the call log, the work-state
 * report) await `backgroundTurn()`; a hold ends when released or after `maxMs`, so nothing waits long.
 */
const holds = new Set<symbol>();
let waiters: Array<() => void> = [];

/** Holds background traffic back until the returned release is called (at most `maxMs`). */
export function holdBackground(maxMs: number): () => void {
  const hold = Symbol('hold');
  holds.add(hold);
  const timer = setTimeout(release, maxMs);
  function release(): void {
    if (!holds.delete(hold)) return;
    clearTimeout(timer);
    if (holds.size > 0) return;
    const ready = waiters;
    waiters = [];
    for (const fn of ready) fn();
  }
  return release;
}

/**
 * Resolves when nothing holds background traffic back. It looks one microtask later, not at the call: the
 * foreground work a store change starts (the screen-pop, in another subscriber of the same change) may take its
 * hold after this subscriber asked.
 */
export async function backgroundTurn(): Promise<void> {
  await Promise.resolve();
  while (holds.size > 0) await new Promise<void>((resolve) => waiters.push(resolve));
}
