import { afterEach, describe, expect, it } from 'vitest';
import { replaceSlice } from '../portfolio/slice-writer';
import { demoSlice } from '../testing/demo-slice';
import { freshStore } from '../testing/store-fixture';
import { createQueueService } from './queue-service';

let store: ReturnType<typeof freshStore> | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

// The kept queue notes changed debtors through TEMP triggers. The slice writer's upserts (INSERT … ON CONFLICT DO
// UPDATE) fire the UPDATE triggers, which note the same debtor twice (NEW and OLD): that must never fail the write.
describe('the kept queue under a slice refresh', () => {
  it('lets the same slice be written again, and the queue then holds what the slice holds', () => {
    store = freshStore();
    const now = new Date('2026-11-25T14:40:00Z');
    const slice = demoSlice({ debtors: 30, now });
    replaceSlice(store.db, slice);
    const queue = createQueueService(store.db);
    const before = queue.list({}, now);
    expect(before.length).toBeGreaterThan(0);
    expect(() => replaceSlice(store!.db, slice)).not.toThrow();
    const renamed = { ...slice, debtors: slice.debtors.map((d, i) => (i === 0 ? { ...d, fullName: 'Nombre Nuevo' } : d)) };
    expect(() => replaceSlice(store!.db, renamed)).not.toThrow();
    const after = queue.list({}, now);
    expect(after.length).toBe(before.length);
    expect(after.find((r) => r.debtorId === slice.debtors[0]!.id)?.debtorName).toBe('Nombre Nuevo');
  });
});
