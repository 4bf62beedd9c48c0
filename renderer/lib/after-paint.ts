/**
 * Runs `fn` once the current frame has been painted: a rAF callback runs just before the paint, and a message
 * posted from there is handled right after it (no timer clamping, unlike setTimeout). For work a screen does not
 * need for its first paint — the screen-pop paints the card first and asks for offers and the call history next —
 * and for the screen-pop's own "card painted" mark. `onFrame` runs in the rAF callback (the frame has begun; the
 * screen-pop times its phases with it). Returns a cancel for effects' clean-up.
 */
export function afterPaint(fn: () => void, onFrame?: () => void): () => void {
  let cancelled = false;
  const raf = requestAnimationFrame(() => {
    if (!cancelled) onFrame?.();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      if (!cancelled) fn();
    };
    ch.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(raf);
  };
}
