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
    await frame();
    expect(measured()).toEqual([{ number: '+573119049511', debtorId: 'd1' }]);
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
