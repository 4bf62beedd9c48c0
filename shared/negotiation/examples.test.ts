import { describe, expect, it } from 'vitest';
import { weekdaysExcept } from './testing/fixtures';
import { checkArrangement } from './arrangement';
import { EXAMPLE_POLICIES, selectPolicy } from './examples';
import { computeOffers } from './offers';
import { NegotiationPolicySchema } from './policy';

describe('example policies', () => {
  it('each one yields offers that pass its own check', () => {
    const isBusinessDay = weekdaysExcept(new Set());
    for (const policy of EXAMPLE_POLICIES) {
      const balance = { amountMinor: policy.currency === 'CLP' ? 2_500_000 : policy.currency === 'COP' ? 850_000_000 : 450_000, currency: policy.currency };
      const ctx = { policy, balance, today: '2026-11-25', isBusinessDay };
      const offers = computeOffers(ctx);
      expect(offers.length, policy.id).toBeGreaterThan(1);
      for (const o of offers) expect(checkArrangement(o, ctx), `${policy.id} ${o.id}`).toEqual([]);
    }
  });
  it('selectPolicy prefers the creditor and segment, then the version', () => {
    const own = NegotiationPolicySchema.parse({ ...EXAMPLE_POLICIES[0], id: 'banco-s2', creditorId: 'banco', segment: 'S2', version: 4 });
    const all = [...EXAMPLE_POLICIES, own];
    expect(selectPolicy(all, 'banco', 'S2', 'COP')?.id).toBe('banco-s2');
    expect(selectPolicy(all, 'banco', 'S1', 'COP')?.id).toBe('demo-co');
    expect(selectPolicy(all, 'otro', 'S2', 'USD')?.id).toBe('demo-us');
    expect(selectPolicy(all, 'otro', 'S2', 'ARS')).toBeNull();
  });
});
