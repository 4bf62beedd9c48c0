import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../shared/negotiation';
import { demoSlice } from './demo-slice';

describe('demoSlice', () => {
  it('carries negotiation policies the current policy schema accepts', () => {
    const { policies } = demoSlice({ debtors: 1 });
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) {
      const parsed = parsePolicy(p.body);
      expect(parsed.ok ? null : parsed).toBeNull();
      expect(parsed.ok && parsed.policy).toMatchObject({ creditorId: p.creditorId, segment: p.segment, version: p.version });
    }
  });
});
