/**
 * Runs `fn` once the current frame has been painted (a rAF callback runs just before the paint; a task posted from
 * it runs after). For work a screen does not need for its first paint — the screen-pop paints the card first and
 * asks for offers and the call history next. Returns a cancel for effects' clean-up.
 */
export function afterPaint(fn: () => void): () => void {
  let cancelled = false;
  const raf = requestAnimationFrame(() => {
    setTimeout(() => {
      if (!cancelled) fn();
    }, 0);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(raf);
  };
}
