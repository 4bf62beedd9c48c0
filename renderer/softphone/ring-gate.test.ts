import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ringWhenShown } from './ring-gate';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('when a new call starts ringing', () => {
  it('at once when nothing is being shown for it', () => {
    const ring = vi.fn();
    ringWhenShown(null, 150, ring);
    expect(ring).toHaveBeenCalledTimes(1);
  });

  it('once the card is painted, in a task after the paint, and only once', async () => {
    const ring = vi.fn();
    let shown!: () => void;
    ringWhenShown(new Promise<void>((r) => (shown = r)), 150, ring);
    await vi.advanceTimersByTimeAsync(20);
    expect(ring).not.toHaveBeenCalled();
    shown();
    await Promise.resolve();
    expect(ring).not.toHaveBeenCalled(); // not in the paint's own task
    await vi.advanceTimersByTimeAsync(0);
    expect(ring).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(ring).toHaveBeenCalledTimes(1);
  });

  it('after at most maxMs when the card never comes, and not again when it does', async () => {
    const ring = vi.fn();
    let shown!: () => void;
    ringWhenShown(new Promise<void>((r) => (shown = r)), 150, ring);
    await vi.advanceTimersByTimeAsync(149);
    expect(ring).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ring).toHaveBeenCalledTimes(1);
    shown();
    await vi.advanceTimersByTimeAsync(10);
    expect(ring).toHaveBeenCalledTimes(1);
  });

  it('also when the pop failed', async () => {
    const ring = vi.fn();
    ringWhenShown(Promise.reject(new Error('lookup failed')), 150, ring);
    await vi.advanceTimersByTimeAsync(0);
    expect(ring).toHaveBeenCalledTimes(1);
  });
});
