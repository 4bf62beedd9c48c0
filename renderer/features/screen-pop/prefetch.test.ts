import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DebtorHit } from '../../../shared/api/methods/portfolio';

const api = vi.hoisted(() => ({
  portfolio: { popByPhone: vi.fn(), search: vi.fn(async () => []), card: vi.fn() },
  on: vi.fn(() => () => {}),
}));
vi.mock('../../api', () => ({ api }));

const { enablePrefetch, prefetchPop, takePrefetched, FRESH_MS } = await import('./prefetch');
const { screenPop } = await import('./screen-pop');
const { useDebtor } = await import('../debtor/store');

const hit = (debtorId: string): DebtorHit => ({ debtorId, fullName: debtorId, documentId: '1', city: null, accounts: 1, totalMinor: 1, currency: 'COP', matchedOn: 'phone' });
const N = '+573119049511';
let release: () => void = () => {};
// A pop that shows a card selects the queue row after the paint; no frames in Node, so the paint is a timer.
vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 0));

beforeEach(() => {
  vi.clearAllMocks();
  useDebtor.getState().close();
});
afterEach(() => release());

describe('the screen-pop lookup started as the INVITE arrives', () => {
  it('asks nothing while no desk pops calls (the desk audits every card it sends)', () => {
    prefetchPop(N);
    expect(api.portfolio.popByPhone).not.toHaveBeenCalled();
    expect(takePrefetched(N)).toBeNull();
  });

  it('asks the desk at once, and the pop of that call takes the answer instead of asking again', async () => {
    release = enablePrefetch();
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d1')], card: { debtor: { id: 'd1' } } });
    prefetchPop(N);
    expect(api.portfolio.popByPhone).toHaveBeenCalledExactlyOnceWith({ phone: N });
    expect(await screenPop(N)).toBe('card');
    expect(useDebtor.getState().debtorId).toBe('d1');
    expect(api.portfolio.popByPhone).toHaveBeenCalledTimes(1);
  });

  it('hands an answer out once, only for the same number and while fresh', async () => {
    release = enablePrefetch();
    api.portfolio.popByPhone.mockResolvedValue({ hits: [], card: null });
    prefetchPop(N, 1_000);
    expect(takePrefetched('+573000000000', 1_010)).toBeNull(); // another caller: not theirs
    expect(takePrefetched(N, 1_010)).not.toBeNull();
    expect(takePrefetched(N, 1_020)).toBeNull(); // taken already
    prefetchPop(N, 1_000);
    expect(takePrefetched(N, 1_000 + FRESH_MS + 1)).toBeNull(); // stale
  });

  it('a failed prefetch surfaces in the pop (the search opens with the error), never as an unhandled rejection', async () => {
    release = enablePrefetch();
    const down = new Error('desk down');
    api.portfolio.popByPhone.mockRejectedValueOnce(down);
    prefetchPop(N);
    await new Promise((r) => setTimeout(r, 0));
    expect(await screenPop(N)).toBe('search');
    expect(api.portfolio.popByPhone).toHaveBeenCalledTimes(1);
  });

  it('forgets a pending answer when the last desk stops popping', () => {
    const a = enablePrefetch();
    const b = enablePrefetch();
    api.portfolio.popByPhone.mockResolvedValue({ hits: [], card: null });
    prefetchPop(N);
    a();
    a(); // releasing twice counts once
    prefetchPop(N);
    expect(api.portfolio.popByPhone).toHaveBeenCalledTimes(2); // b still holds it
    b();
    expect(takePrefetched(N)).toBeNull();
    prefetchPop(N);
    expect(api.portfolio.popByPhone).toHaveBeenCalledTimes(2);
  });
});
