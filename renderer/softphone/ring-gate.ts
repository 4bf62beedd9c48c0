/**
 * When a new call's ring starts. The screen-pop paints the caller's card in the ~20 ms after the call event, and
 * starting the ring's audio in that window (`AudioContext.resume()` on the main thread, then the audio stream in
 * the renderer's audio thread, the audio service and the browser's media session) took the agent's cores from
 * the paint. So the ring waits until what the agent sees of the call is on screen (the card, the picker or the
 * search), and at most `maxMs`: the agent hears the call as its card appears, and a slow or missing pop never
 * silences a call.
 */
export function ringWhenShown(shown: Promise<unknown> | null, maxMs: number, ring: () => void): void {
  if (!shown) {
    ring();
    return;
  }
  let rung = false;
  const go = () => {
    if (rung) return;
    rung = true;
    clearTimeout(timer);
    ring();
  };
  const timer = setTimeout(go, maxMs);
  // In a task of its own: whatever else runs right after that paint (the pop's own "painted" mark) goes first.
  const next = () => setTimeout(go, 0);
  shown.then(next, next);
}
