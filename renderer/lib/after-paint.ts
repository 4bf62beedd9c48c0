/**
 * Runs `fn` once the current frame has been painted: a rAF callback runs just before the paint, and a message
 * posted from there is handled right after it (no timer clamping, unlike setTimeout). For work a screen does not
 * need for its first paint — the screen-pop paints the card first and asks for offers and the call history next —
 * and for the screen-pop's own "card painted" mark. Returns a cancel for effects' clean-up.
 */
export function afterPaint(fn: () => void): () => void {
  let cancelled = false;
  const raf = requestAnimationFrame(() => {
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
