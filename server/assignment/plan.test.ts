import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAssignment, type AssignableAccount } from './plan';

const acc = (id: string, balanceMinor: number, extra: Partial<AssignableAccount> = {}): AssignableAccount => ({
  id, balanceMinor, agentId: null, segment: 'general', product: 'tarjeta', region: 'ANT', daysPastDue: 10, ...extra,
});

describe('assignment planning', () => {
  it('balanced by count: counts differ by at most one, balance breaks ties', () => {
    const accounts = Array.from({ length: 10 }, (_, i) => acc(`a${i}`, (i + 1) * 100));
    const plan = planAssignment(accounts, [{ when: {}, agentIds: ['x', 'y', 'z'], balanceBy: 'count' }], { keepCurrent: true });
    expect(plan.moves).toHaveLength(10);
    const counts = Object.values(plan.byAgent).map((l) => l.count).sort();
    expect(counts).toEqual([3, 3, 4]);
    expect(plan.byAgent.x!.balanceMinor + plan.byAgent.y!.balanceMinor + plan.byAgent.z!.balanceMinor).toBe(5500);
  });

  it('balanced by balance: one huge account goes alone, the small ones fill the others', () => {
    const accounts = [acc('big', 10_000), ...Array.from({ length: 6 }, (_, i) => acc(`s${i}`, 1_000))];
    const plan = planAssignment(accounts, [{ when: {}, agentIds: ['x', 'y'], balanceBy: 'balance' }], { keepCurrent: true });
    const bigTo = plan.moves.find((m) => m.accountId === 'big')!.to;
    expect(plan.byAgent[bigTo]).toEqual({ count: 1, balanceMinor: 10_000 });
    const other = bigTo === 'x' ? 'y' : 'x';
    expect(plan.byAgent[other]).toEqual({ count: 6, balanceMinor: 6_000 });
  });

  it('by rule: first matching rule wins; unmatched accounts are left alone', () => {
    const accounts = [
      acc('early', 100, { daysPastDue: 5 }),
      acc('late', 100, { daysPastDue: 120 }),
      acc('libranza', 100, { daysPastDue: 120, product: 'LIBRANZA' }),
      acc('current', 100, { daysPastDue: 0, agentId: 'old' }),
    ];
    const plan = planAssignment(
      accounts,
      [
        { when: { products: ['libranza'] }, agentIds: ['lib'], balanceBy: 'count' },
        { when: { dpdBuckets: ['1-30'] }, agentIds: ['t1'], balanceBy: 'count' },
        { when: { dpdBuckets: ['61-90', '90+'] }, agentIds: ['t2'], balanceBy: 'count' },
      ],
      { keepCurrent: true },
    );
    expect(Object.fromEntries(plan.moves.map((m) => [m.accountId, m.to]))).toEqual({ early: 't1', late: 't2', libranza: 'lib' });
    expect(plan.unmatched).toBe(1);
  });

  it('keepCurrent: accounts already with a target agent stay and count; re-running the plan moves nothing', () => {
    const accounts = [acc('a', 100, { agentId: 'x' }), acc('b', 100, { agentId: 'x' }), acc('c', 100), acc('d', 100, { agentId: 'gone' })];
    const rules = [{ when: {}, agentIds: ['x', 'y'], balanceBy: 'count' as const }];
    const plan = planAssignment(accounts, rules, { keepCurrent: true });
    expect(plan.moves).toEqual([
      { accountId: 'c', from: null, to: 'y' },
      { accountId: 'd', from: 'gone', to: 'y' },
    ]);
    expect(plan.kept).toBe(2);
    const after = accounts.map((a) => ({ ...a, agentId: plan.moves.find((m) => m.accountId === a.id)?.to ?? a.agentId }));
    expect(planAssignment(after, rules, { keepCurrent: true }).moves).toEqual([]);
  });

  it('reassignment: every account of a leaving agent is spread over the others', () => {
    const accounts = Array.from({ length: 9 }, (_, i) => acc(`a${i}`, 100 * (i + 1), { agentId: 'leaving' }));
    const plan = planAssignment(accounts, [{ when: {}, agentIds: ['x', 'y', 'z'], balanceBy: 'balance' }], { keepCurrent: true });
    expect(plan.moves.every((m) => m.from === 'leaving')).toBe(true);
    expect(Object.values(plan.byAgent).map((l) => l.count)).toEqual([3, 3, 3]);
  });

  it('property: balanced by count never leaves two agents more than one account apart; nothing lost or duplicated', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 200 }), fc.integer({ min: 1, max: 12 }), (balances, n) => {
        const accounts = balances.map((b, i) => acc(`a${i}`, b));
        const agents = Array.from({ length: n }, (_, i) => `ag${i}`);
        const plan = planAssignment(accounts, [{ when: {}, agentIds: agents, balanceBy: 'count' }], { keepCurrent: true });
        const counts = agents.map((a) => plan.byAgent[a]!.count);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect(new Set(plan.moves.map((m) => m.accountId)).size).toBe(accounts.length);
      }),
    );
  });

  it('property: balanced by balance stays within the largest account of even', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (balances, n) => {
        const accounts = balances.map((b, i) => acc(`a${i}`, b));
        const agents = Array.from({ length: n }, (_, i) => `ag${i}`);
        const plan = planAssignment(accounts, [{ when: {}, agentIds: agents, balanceBy: 'balance' }], { keepCurrent: true });
        const sums = agents.map((a) => plan.byAgent[a]!.balanceMinor);
        expect(Math.max(...sums) - Math.min(...sums)).toBeLessThanOrEqual(Math.max(...balances));
      }),
    );
  });
});
