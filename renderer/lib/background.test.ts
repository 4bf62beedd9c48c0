import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundTurn, holdBackground } from './background';

afterEach(() => vi.useRealTimers());

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => { done = true; });
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('background traffic', () => {
  it('goes at once when nothing holds it', async () => {
    expect(await settled(backgroundTurn())).toBe(true);
  });

  it('waits for every hold to be released, in the order it asked', async () => {
    const a = holdBackground(1000);
    const b = holdBackground(1000);
    const order: string[] = [];
    const first = backgroundTurn().then(() => order.push('log'));
    const second = backgroundTurn().then(() => order.push('work state'));
    a();
    expect(await settled(first)).toBe(false);
    b();
    await Promise.all([first, second]);
    expect(order).toEqual(['log', 'work state']);
    b(); // a second release is harmless
    expect(await settled(backgroundTurn())).toBe(true);
  });

  it('waits for a hold taken later in the same turn (another subscriber of the same store change)', async () => {
    const turn = backgroundTurn(); // e.g. the call log, notified of the ringing call first
    const release = holdBackground(1000); // then the screen-pop, notified second
    expect(await settled(turn)).toBe(false);
    release();
    expect(await settled(turn)).toBe(true);
  });

  it('never waits longer than the hold allows', async () => {
    vi.useFakeTimers();
    holdBackground(250);
    const turn = backgroundTurn();
    vi.advanceTimersByTime(249);
    expect(await settled(turn)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(turn)).toBe(true);
  });
});
