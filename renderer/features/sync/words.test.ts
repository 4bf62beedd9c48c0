import { describe, expect, it } from 'vitest';
import { syncWords } from './words';

const time = (iso: string) => iso.slice(11, 16);

describe('syncWords', () => {
  it('says each state with its own sentence, count and mark', () => {
    expect(syncWords(null, time)).toMatchObject({ key: 'sync.unknown', tone: 'idle' });
    expect(syncWords({ state: 'online', pending: 0, since: null }, time)).toMatchObject({ key: 'sync.online', params: { count: 0 }, mark: '✓' });
    expect(syncWords({ state: 'syncing', pending: 4, since: null }, time)).toMatchObject({ key: 'sync.syncing', params: { count: 4 }, tone: 'busy' });
    expect(syncWords({ state: 'offline', pending: 2, since: '2026-11-25T10:41:00Z' }, time)).toMatchObject({
      key: 'sync.offline', params: { time: '10:41', count: 2 }, tone: 'warn',
    });
    expect(syncWords({ state: 'offline', pending: 2, since: null }, time)).toMatchObject({ key: 'sync.offlineNoTime' });
  });
});
