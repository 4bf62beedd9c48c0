import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { DebtorHit } from '../../../shared/api/methods/portfolio';

const api = vi.hoisted(() => ({
  portfolio: { popByPhone: vi.fn(), search: vi.fn(async () => []), card: vi.fn() },
  on: vi.fn(() => () => {}),
}));
vi.mock('../../api', () => ({ api }));

const { screenPop } = await import('./screen-pop');
const { useSearch } = await import('../search/store');
const { useDebtor } = await import('../debtor/store');
const { popTiming, POP_MEASURE } = await import('./pop-timing');
const { holdRinging, useRingingHold } = await import('./ringing-hold');
const { useQueue } = await import('../queue/store');

const hit = (debtorId: string): DebtorHit => ({ debtorId, fullName: debtorId, documentId: '1', city: null, accounts: 1, totalMinor: 1, currency: 'COP', matchedOn: 'phone' });

beforeEach(() => {
  vi.clearAllMocks();
  useSearch.getState().hide();
  useDebtor.getState().close();
});

describe('screenPop', () => {
  it('opens the card when one debtor has the number', async () => {
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d1')], card: { debtor: { id: 'd1' } } });
    expect(await screenPop('+573119049511')).toBe('card');
    expect(useDebtor.getState()).toMatchObject({ debtorId: 'd1', card: { debtor: { id: 'd1' } }, loading: false });
    expect(useSearch.getState().open).toBe(false);
    // One round trip: the card came with the lookup.
    expect(api.portfolio.card).not.toHaveBeenCalled();
  });

  it('offers a picker when several debtors share it', async () => {
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d1'), hit('d2')], card: null });
    expect(await screenPop('+573119049511')).toBe('picker');
    expect(useSearch.getState()).toMatchObject({ open: true, pickerFor: '+573119049511', query: '+573119049511' });
    expect(useSearch.getState().hits.map((h) => h.debtorId)).toEqual(['d1', 'd2']);
    expect(useDebtor.getState().debtorId).toBeNull();
  });

  it('opens the search prefilled for an unknown number, or when the lookup fails', async () => {
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [], card: null });
    expect(await screenPop('3001234567')).toBe('search');
    expect(useSearch.getState()).toMatchObject({ open: true, pickerFor: null, query: '3001234567' });
    const down = new ApiError({ code: 'unavailable', message: 'x' });
    api.portfolio.popByPhone.mockRejectedValueOnce(down);
    expect(await screenPop('3001234567')).toBe('search');
    expect(useSearch.getState().error).toBe(down);
  });
});

describe('screenPop and the ringing bar (ringing-hold.ts)', () => {
  const held = (n: string) => useRingingHold.getState().numbers.has(n);

  // The bar's call and what the pop shows must reach React in one update: the hold is gone before any microtask
  // runs after the store got the card (React renders in a microtask, so it sees both or neither).
  it('lets the ringing call go in the same update that shows the card', async () => {
    const n = '+573119049520';
    holdRinging(n, 10_000);
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d1')], card: { debtor: { id: 'd1' } } });
    const heldWhenShown: boolean[] = [];
    const off = useDebtor.subscribe((s) => {
      if (s.card) queueMicrotask(() => heldWhenShown.push(held(n)));
    });
    await screenPop(n);
    off();
    expect(heldWhenShown).toEqual([false]);
    expect(held(n)).toBe(false);
  });

  it('lets it go for a picker, the search and a failed lookup too', async () => {
    for (const outcome of [
      () => api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d1'), hit('d2')], card: null }),
      () => api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [], card: null }),
      () => api.portfolio.popByPhone.mockRejectedValueOnce(new ApiError({ code: 'unavailable', message: 'x' })),
    ]) {
      holdRinging('+573119049521', 10_000);
      outcome();
      await screenPop('+573119049521');
      expect(held('+573119049521')).toBe(false);
    }
  });

  it('never hides a ringing call longer than the hold allows, even when the lookup hangs', async () => {
    vi.useFakeTimers();
    try {
      holdRinging('+573119049522', 120);
      vi.advanceTimersByTime(119);
      expect(held('+573119049522')).toBe(true);
      vi.advanceTimersByTime(1);
      expect(held('+573119049522')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('screenPop timing (pop-timing.ts)', () => {
  const measured = () => performance.getEntriesByName(POP_MEASURE, 'measure').map((m) => (m as PerformanceMeasure).detail as unknown);
  // No frames in Node: the "next paint" comes on a timer.
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 0));
  const frame = () => new Promise((r) => setTimeout(r, 5));

  it('the card the pop opened, once painted, closes the measure from the call event', async () => {
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d1')], card: { debtor: { id: 'd1' } } });
    popTiming.event('+573119049511');
    await screenPop('+573119049511');
    popTiming.committed('d1');
    // The paint is a timer and a MessageChannel message away: on a loaded machine that can take longer than one
    // fixed wait, so wait for the measure itself (up to a second).
    await vi.waitFor(() => expect(measured()).toMatchObject([{ number: '+573119049511', debtorId: 'd1' }]), { timeout: 1000, interval: 5 });
  });

  it('a picker outcome measures nothing, even when the agent then opens one of the cards', async () => {
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d1'), hit('d2')], card: null });
    popTiming.event('+573119049512');
    await screenPop('+573119049512');
    popTiming.committed('d1');
    await frame();
    expect(measured()).toEqual([]);
  });
});

describe('screenPop and the queue', () => {
  // No frames in Node: the "next paint" comes on a timer.
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 0));
  const queueOf = (debtorId: string, accountId: string) =>
    useQueue.setState({ items: [{ accountId, debtorId }] as never, firstOfDebtor: new Map([[debtorId, 0]]), selectedId: null });

  it("selects the debtor's queue row once the card is painted, not in the card's own update", async () => {
    queueOf('d1', 'a1');
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d1')], card: { debtor: { id: 'd1' } } });
    const selectedWhenShown: Array<string | null> = [];
    const off = useDebtor.subscribe((s) => {
      if (s.card) selectedWhenShown.push(useQueue.getState().selectedId);
    });
    await screenPop('+573119049530');
    off();
    expect(selectedWhenShown).toEqual([null]);
    await vi.waitFor(() => expect(useQueue.getState().selectedId).toBe('a1'), { timeout: 1000, interval: 5 });
  });

  it('selects it at once when the card is still to be loaded', async () => {
    queueOf('d2', 'a2');
    api.portfolio.popByPhone.mockResolvedValueOnce({ hits: [hit('d2')], card: null });
    let load: (card: unknown) => void = () => {};
    api.portfolio.card.mockReturnValueOnce(new Promise((resolve) => (load = resolve)));
    const pop = screenPop('+573119049531');
    await vi.waitFor(() => expect(useQueue.getState().selectedId).toBe('a2'), { timeout: 1000, interval: 1 });
    expect(useDebtor.getState()).toMatchObject({ debtorId: 'd2', card: null, loading: true });
    load({ debtor: { id: 'd2' } });
    expect(await pop).toBe('card');
    expect(useDebtor.getState().card).toMatchObject({ debtor: { id: 'd2' } });
  });
});
