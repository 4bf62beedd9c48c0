import { describe, expect, it, vi } from 'vitest';

vi.mock('../../api', () => ({ api: { portfolio: { popByPhone: vi.fn() } } }));
const { enablePrefetch } = await import('./prefetch');
const { cardShownFor, popShown } = await import('./ring-with-card');

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('the ring waits for the caller’s card', () => {
  it('not at all while no desk pops calls', () => {
    expect(cardShownFor('+573001112233')).toBeNull();
  });

  it('until the pop for that number is painted, not another number’s', async () => {
    const release = enablePrefetch();
    try {
      const a = cardShownFor('+573001112233')!;
      const b = cardShownFor('+573004445566')!;
      popShown('+573004445566');
      expect(await settled(b)).toBe(true);
      expect(await settled(a)).toBe(false);
      popShown('+573001112233');
      expect(await settled(a)).toBe(true);
    } finally {
      release();
    }
  });

  it('a second call from the same number lets the first one’s ring go', async () => {
    const release = enablePrefetch();
    try {
      const first = cardShownFor('+573001112233')!;
      const second = cardShownFor('+573001112233')!;
      expect(await settled(first)).toBe(true);
      expect(await settled(second)).toBe(false);
      popShown('+573001112233');
      expect(await settled(second)).toBe(true);
    } finally {
      release();
    }
  });
});
