import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './after-paint';

// A frame by hand: rAF callbacks are queued until `frame()` runs them (the browser's "just before paint").
let callbacks: Array<() => void> = [];
beforeEach(() => {
  callbacks = [];
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => callbacks.push(cb));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => { callbacks[id - 1] = () => {}; });
});
afterEach(() => vi.unstubAllGlobals());
const frame = () => { const now = callbacks; callbacks = []; now.forEach((cb) => cb()); };
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('afterPaint', () => {
  it('runs after the next frame, not before it', async () => {
    const fn = vi.fn();
    afterPaint(fn);
    await tick();
    expect(fn).not.toHaveBeenCalled();
    frame();
    await tick();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not run once cancelled, before or after the frame', async () => {
    const before = vi.fn();
    afterPaint(before)();
    const after = vi.fn();
    const cancel = afterPaint(after);
    frame();
    cancel();
    await tick();
    expect(before).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });
});
