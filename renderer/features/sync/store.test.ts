import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/api/events';
import type { RefusedMutationView } from '../../../shared/api/methods/sync';

const listeners = vi.hoisted(() => new Map<string, (p: unknown) => void>());
const api = vi.hoisted(() => ({
  app: { syncStatus: vi.fn() },
  sync: { refused: vi.fn() },
  on: vi.fn((event: string, l: (p: unknown) => void) => {
    listeners.set(event, l);
    return () => listeners.delete(event);
  }),
}));
vi.mock('../../api', () => ({ api }));

const { useSync } = await import('./store');

const online = (pending: number): SyncStatus => ({ state: 'online', pending, since: null });
const push = (s: SyncStatus) => listeners.get('sync.status')!(s);
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  vi.clearAllMocks();
  useSync.setState({ status: null, refused: [] });
  api.app.syncStatus.mockResolvedValue(online(0));
  api.sync.refused.mockResolvedValue([]);
});

describe('sync store', () => {
  it('keeps its state when the host re-announces an equal status: no re-render, no refused re-read', async () => {
    const off = useSync.getState().start();
    await settle();
    push(online(2));
    await settle();
    const before = useSync.getState();
    const reads = api.sync.refused.mock.calls.length;
    push(online(2));
    await settle();
    expect(useSync.getState()).toBe(before);
    expect(api.sync.refused.mock.calls.length).toBe(reads);
    off();
  });

  it('takes a changed status and the refused list it brings, and keeps an equal refused list as it is', async () => {
    const off = useSync.getState().start();
    await settle();
    const refused = [{ id: 'm1' }] as unknown as RefusedMutationView[];
    api.sync.refused.mockResolvedValue(refused);
    push({ state: 'syncing', pending: 1, since: null });
    await settle();
    expect(useSync.getState().status).toEqual({ state: 'syncing', pending: 1, since: null });
    const list = useSync.getState().refused;
    expect(list).toEqual(refused);
    api.sync.refused.mockResolvedValue(structuredClone(refused));
    push(online(0));
    await settle();
    expect(useSync.getState().status).toEqual(online(0));
    expect(useSync.getState().refused).toBe(list);
    off();
  });
});
