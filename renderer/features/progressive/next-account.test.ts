import { describe, expect, it } from 'vitest';
import { callablePhone, nextAccount } from './next-account';

const now = Date.parse('2026-11-25T15:00:00Z');
describe('next account', () => {
  it('takes the queue order, skipping deferred accounts and attempted debtors', () => {
    const items = [
      { accountId: 'a1', debtorId: 'd1', deferredUntil: null },
      { accountId: 'a2', debtorId: 'd2', deferredUntil: '2026-11-25T16:00:00Z' },
      { accountId: 'a3', debtorId: 'd1', deferredUntil: null },
      { accountId: 'a4', debtorId: 'd4', deferredUntil: '2026-11-25T14:00:00Z' },
    ];
    expect(nextAccount(items, new Set(), now)).toBe(0);
    expect(nextAccount(items, new Set(['d1']), now)).toBe(3);
    expect(nextAccount(items, new Set(['d1', 'd4']), now)).toBe(-1);
  });
  it('calls a valid unmarked phone, mobile first', () => {
    const p = (e164: string, type: 'mobile' | 'landline', status: 'ok' | 'wrong_number' | 'do_not_call', valid = true) =>
      ({ id: e164, debtorId: 'd', e164, type, valid, status, updatedAt: '2026-01-01T00:00:00Z' });
    expect(callablePhone({ phones: [p('+5712345678', 'landline', 'ok'), p('+573001112233', 'mobile', 'ok')] })).toBe('+573001112233');
    expect(callablePhone({ phones: [p('+573001112233', 'mobile', 'do_not_call'), p('+5712345678', 'landline', 'ok')] })).toBe('+5712345678');
    expect(callablePhone({ phones: [p('+573001112233', 'mobile', 'wrong_number'), p('+5712345679', 'landline', 'ok', false)] })).toBeNull();
  });
});
