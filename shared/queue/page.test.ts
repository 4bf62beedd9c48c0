import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../api/methods/portfolio';
import { queuePage } from './page';

const item = (n: number, patch: Partial<QueueItem> = {}): QueueItem => ({
  accountId: `a-${n}`, debtorId: `d-${n}`, debtorName: `Deudor ${n}`, accountNumber: `CO-${n}`, product: 'tarjeta',
  currency: 'COP', balanceMinor: 100_000, daysPastDue: 30, segment: n % 2 ? 'temprana' : 'media', timeZone: 'America/Bogota',
  priority: 100 - n, reasons: [{ code: 'dpd_bucket', params: {} }], deferredUntil: null, deferReason: null, ...patch,
});

describe('queuePage', () => {
  it('sends the first rows and counts over every row, beyond the limit', () => {
    const items = [
      item(1, { reasons: [{ code: 'promise_due_today', params: {} }, { code: 'callback_due', params: {} }] }),
      item(2),
      item(3, { reasons: [{ code: 'callback_overdue', params: {} }] }),
      item(4, { deferredUntil: '2026-11-26T13:00:00Z', deferReason: { code: 'outside_hours', params: {} } }),
      item(5, { reasons: [{ code: 'promise_due_today', params: {} }], segment: 'tardia' }),
    ];
    const page = queuePage(items, 2);
    expect(page.items.map((i) => i.accountId)).toEqual(['a-1', 'a-2']);
    expect(page.totals).toEqual({ accounts: 5, deferred: 1, promisesToday: 2, callbacksToday: 2 });
    expect(page.segments).toEqual(['media', 'tardia', 'temprana']);
  });
});
