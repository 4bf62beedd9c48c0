import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { DebtorHit } from '../../../shared/api/methods/portfolio';

const api = vi.hoisted(() => ({
  portfolio: { lookupByPhone: vi.fn(), search: vi.fn(async () => []), card: vi.fn() },
  on: vi.fn(() => () => {}),
}));
vi.mock('../../api', () => ({ api }));

const { screenPop } = await import('./screen-pop');
const { useSearch } = await import('../search/store');
const { useDebtor } = await import('../debtor/store');

const hit = (debtorId: string): DebtorHit => ({ debtorId, fullName: debtorId, documentId: '1', city: null, accounts: 1, totalMinor: 1, currency: 'COP', matchedOn: 'phone' });

beforeEach(() => {
  vi.clearAllMocks();
  useSearch.getState().hide();
  useDebtor.getState().close();
});

describe('screenPop', () => {
  it('opens the card when one debtor has the number', async () => {
    api.portfolio.lookupByPhone.mockResolvedValueOnce([hit('d1')]);
    api.portfolio.card.mockResolvedValueOnce({ debtor: { id: 'd1' } });
    expect(await screenPop('+573119049511')).toBe('card');
    expect(useDebtor.getState().debtorId).toBe('d1');
    expect(useSearch.getState().open).toBe(false);
  });

  it('offers a picker when several debtors share it', async () => {
    api.portfolio.lookupByPhone.mockResolvedValueOnce([hit('d1'), hit('d2')]);
    expect(await screenPop('+573119049511')).toBe('picker');
    expect(useSearch.getState()).toMatchObject({ open: true, pickerFor: '+573119049511', query: '+573119049511' });
    expect(useSearch.getState().hits.map((h) => h.debtorId)).toEqual(['d1', 'd2']);
    expect(useDebtor.getState().debtorId).toBeNull();
  });

  it('opens the search prefilled for an unknown number, or when the lookup fails', async () => {
    api.portfolio.lookupByPhone.mockResolvedValueOnce([]);
    expect(await screenPop('3001234567')).toBe('search');
    expect(useSearch.getState()).toMatchObject({ open: true, pickerFor: null, query: '3001234567' });
    const down = new ApiError({ code: 'unavailable', message: 'x' });
    api.portfolio.lookupByPhone.mockRejectedValueOnce(down);
    expect(await screenPop('3001234567')).toBe('search');
    expect(useSearch.getState().error).toBe(down);
  });
});
