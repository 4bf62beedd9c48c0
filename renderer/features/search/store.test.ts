import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DebtorHit } from '../../../shared/api/methods/portfolio';

const api = vi.hoisted(() => ({
  portfolio: { search: vi.fn(), lookupByPhone: vi.fn() },
  on: vi.fn(() => () => {}),
}));
vi.mock('../../api', () => ({ api }));

const { useSearch } = await import('./store');

const hit = (debtorId: string, matchedOn: DebtorHit['matchedOn']): DebtorHit => ({
  debtorId, fullName: debtorId, documentId: '1', city: null, accounts: 1, totalMinor: 1, currency: 'COP', matchedOn,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.clearAllMocks();
  useSearch.setState({ query: '', hits: [], searchedFor: '', index: 0, loading: false, error: null });
});
afterEach(() => vi.useRealTimers());

describe('search store', () => {
  it('looks a phone-like query up by phone too, phone hits first, one row per debtor', async () => {
    api.portfolio.search.mockResolvedValueOnce([hit('d2', 'name'), hit('d1', 'account')]);
    api.portfolio.lookupByPhone.mockResolvedValueOnce([hit('d1', 'phone')]);
    useSearch.getState().setQuery('(311) 904-9511');
    await vi.runAllTimersAsync();
    expect(api.portfolio.lookupByPhone).toHaveBeenCalledWith({ phone: '(311) 904-9511' });
    expect(useSearch.getState().hits.map((h) => `${h.debtorId}:${h.matchedOn}`)).toEqual(['d1:phone', 'd2:name']);
  });

  it('does not ask by phone for a name, and debounces typing into one search', async () => {
    api.portfolio.search.mockResolvedValue([hit('d1', 'name')]);
    for (const q of ['Ib', 'Ibá', 'Ibáñ']) useSearch.getState().setQuery(q);
    await vi.runAllTimersAsync();
    expect(api.portfolio.search).toHaveBeenCalledTimes(1);
    expect(api.portfolio.search).toHaveBeenCalledWith({ query: 'Ibáñ' });
    expect(api.portfolio.lookupByPhone).not.toHaveBeenCalled();
    expect(useSearch.getState().searchedFor).toBe('Ibáñ');
  });

  it('clears the hits under two characters without asking', async () => {
    useSearch.setState({ hits: [hit('d1', 'name')] });
    useSearch.getState().setQuery('I');
    await vi.runAllTimersAsync();
    expect(api.portfolio.search).not.toHaveBeenCalled();
    expect(useSearch.getState().hits).toEqual([]);
  });
});
