import { useEffect, useState } from 'react';
import { afterPaint } from '../lib/after-paint';

/**
 * False while `key` is new, true from the render after the frame that first showed it has been painted. A long
 * list renders its first screen with the rest of a new view, and the rows below the fold a frame later, so the
 * screen-pop's first frame does not build DOM nobody sees yet.
 */
export function usePainted(key: unknown): boolean {
  const [painted, setPainted] = useState<{ key: unknown } | null>(null);
  const ready = painted !== null && painted.key === key;
  useEffect(() => {
    if (ready) return;
    return afterPaint(() => setPainted({ key }));
  }, [key, ready]);
  return ready;
}
