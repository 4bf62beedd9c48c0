import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { QueueItem } from '../../../shared/api/methods/portfolio';

const api = vi.hoisted(() => ({
  portfolio: { queuePage: vi.fn(), refresh: vi.fn() },
  on: vi.fn(() => () => {}),
}));
vi.mock('../../api', () => ({ api }));

const { QUEUE_LIMIT, useQueue } = await import('./store');
const { useSession } = await import('../session/store');

const item = (n: number, segment = 'S1'): QueueItem => ({
  accountId: `a${n}`, debtorId: `d${n}`, debtorName: `Debtor ${n}`, accountNumber: `N${n}`, product: 'p', currency: 'COP',
  balanceMinor: 100 * n, daysPastDue: n, segment, timeZone: 'America/Bogota', priority: 100 - n, reasons: [],
  deferredUntil: null, deferReason: null,
});

/** What the host sends for these rows when they are the whole queue. */
const page = (items: QueueItem[]) => ({
  items,
  totals: { accounts: items.length, deferred: items.filter((i) => i.deferredUntil !== null).length, promisesToday: 0, callbacksToday: 0 },
  segments: [...new Set(items.map((i) => i.segment))].sort(),
});

beforeEach(() => {
  vi.clearAllMocks();
  useQueue.setState({ items: [], segments: [], segment: null, selectedId: null, loaded: false, error: null, refreshError: null });
});

describe('queue store', () => {
  it('loads, lists the segments, selects the first row and keeps the selection across reloads', async () => {
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(1, 'S2'), item(2, 'S1'), item(3, 'S2')]));
    await useQueue.getState().load();
    expect(useQueue.getState().segments).toEqual(['S1', 'S2']);
    expect(useQueue.getState().selectedId).toBe('a1');
    useQueue.getState().select('a3');
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(3, 'S2'), item(1, 'S2')]));
    await useQueue.getState().load();
    expect(useQueue.getState().selectedId).toBe('a3');
  });

  it('moves the selection with the keys, clamped at both ends', async () => {
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(1), item(2), item(3)]));
    await useQueue.getState().load();
    expect(useQueue.getState().move(1)?.accountId).toBe('a2');
    expect(useQueue.getState().move(1e9)?.accountId).toBe('a3');
    expect(useQueue.getState().move(-1e9)?.accountId).toBe('a1');
  });

  it('puts the cursor on a debtor opened from elsewhere, when they are in the queue', async () => {
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(1), item(2), item(3)]));
    await useQueue.getState().load();
    useQueue.getState().selectDebtor('d3');
    expect(useQueue.getState().selectedId).toBe('a3');
    useQueue.getState().selectDebtor('not-mine');
    expect(useQueue.getState().selectedId).toBe('a3');
  });

  it('asks the host for one segment and keeps the full segment list for the filter', async () => {
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(1, 'S1'), item(2, 'S2')]));
    await useQueue.getState().load();
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(2, 'S2')]));
    await useQueue.getState().setSegment('S2');
    expect(api.portfolio.queuePage).toHaveBeenLastCalledWith({ segment: 'S2', limit: QUEUE_LIMIT });
    expect(useQueue.getState().items.map((i) => i.accountId)).toEqual(['a2']);
    expect(useQueue.getState().segments).toEqual(['S1', 'S2']);
  });

  it('asks for the top of the queue only and keeps the host\'s totals over the whole of it', async () => {
    const top = Array.from({ length: 3 }, (_, k) => item(k + 1));
    api.portfolio.queuePage.mockResolvedValueOnce({
      items: top, totals: { accounts: 200_000, deferred: 150_000, promisesToday: 40, callbacksToday: 9 }, segments: ['S1', 'S2', 'S3'],
    });
    await useQueue.getState().load();
    expect(api.portfolio.queuePage).toHaveBeenLastCalledWith({ limit: QUEUE_LIMIT });
    expect(QUEUE_LIMIT).toBeLessThanOrEqual(1_000);
    expect(useQueue.getState().items).toHaveLength(3);
    expect(useQueue.getState().totals).toEqual({ accounts: 200_000, deferred: 150_000, promisesToday: 40, callbacksToday: 9 });
    expect(useQueue.getState().segments).toEqual(['S1', 'S2', 'S3']);
    useQueue.getState().selectDebtor('d3');
    expect(useQueue.getState().selectedId).toBe('a3');
  });

  it('lets the newest load win when an older one answers late', async () => {
    let answerOld!: (v: ReturnType<typeof page>) => void;
    api.portfolio.queuePage.mockReturnValueOnce(new Promise((r) => (answerOld = r)));
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(2)]));
    const old = useQueue.getState().load();
    await useQueue.getState().load();
    answerOld(page([item(1)]));
    await old;
    expect(useQueue.getState().items.map((i) => i.accountId)).toEqual(['a2']);
  });

  it('keeps working from the local queue when the server pull fails, and says so', async () => {
    const down = new ApiError({ code: 'unavailable', message: 'down', key: 'errors.server.unavailable', params: { url: 'x' } });
    api.portfolio.refresh.mockRejectedValueOnce(down);
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(1)]));
    await useQueue.getState().refresh(true);
    expect(useQueue.getState().refreshError).toBe(down);
    expect(useQueue.getState().items).toHaveLength(1);
    // Offline sessions do not even try the server.
    api.portfolio.queuePage.mockResolvedValueOnce(page([item(1)]));
    await useQueue.getState().refresh(false);
    expect(api.portfolio.refresh).toHaveBeenCalledTimes(1);
  });

  it('sends the desk back to the login screen when the session has ended', async () => {
    useSession.setState({ status: 'signedIn', session: { user: { id: 'u', username: 'a', displayName: 'A', role: 'agent', teamId: null }, serverUrl: 'x', online: true } });
    const ended = new ApiError({ code: 'unauthorized', message: 'expired', key: 'errors.session.expired' });
    api.portfolio.queuePage.mockRejectedValueOnce(ended);
    await useQueue.getState().load();
    expect(useSession.getState()).toMatchObject({ status: 'signedOut', session: null, error: ended });
  });
});
