/**
 * Negotiation figures: how long the offer list takes when the agent opens an account (typical S2 policy and a
 * large 3-frequency × 60-term policy), validating an example script, and tracking 10k promises against 20k
 * payments (the server's nightly run).
 */
import type { Bench, BenchFigure } from './bench';
import { computeOffers, NegotiationPolicySchema, trackPromises, type TrackedPromise, type PostedPayment } from '../../shared/negotiation';
import { EXAMPLE_SCRIPT_FILES, parseScript } from '../../shared/scripts';
import { S2, coBusinessDay } from '../../shared/negotiation/testing/fixtures';

function timeMs(fn: () => void, runs: number): number {
  for (let i = 0; i < Math.min(5, runs); i++) fn(); // warm up
  const t = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - t) / runs;
}

const bench: Bench = {
  ids: ['negotiation.offers_s2_ms', 'negotiation.offers_large_ms', 'scripts.parse_ms', 'negotiation.track_10k_ms'],
  async run(): Promise<BenchFigure[]> {
    const ctx = { policy: S2, balance: { amountMinor: 5_336_963_600, currency: 'COP' as const }, today: '2026-11-25', isBusinessDay: coBusinessDay };
    const large = NegotiationPolicySchema.parse({
      ...S2,
      installments: { ...S2.installments, maxTerm: 60, frequencies: ['weekly', 'biweekly', 'monthly'], minInstallment: { amountMinor: 100, currency: 'COP' } },
    });
    const offersS2 = timeMs(() => computeOffers(ctx), 50);
    const offersLarge = timeMs(() => computeOffers({ ...ctx, policy: large }), 20);
    const co = EXAMPLE_SCRIPT_FILES['co-general.json'];
    const parse = timeMs(() => parseScript(co), 200);

    const promises: TrackedPromise[] = [];
    const payments: PostedPayment[] = [];
    for (let i = 0; i < 10_000; i++) {
      promises.push({
        id: `p${i}`,
        accountId: `a${i}`,
        agentId: `agent${i % 50}`,
        createdAt: '2026-10-01T15:00:00Z',
        createdOn: '2026-10-01',
        zone: 'America/Bogota',
        schedule: [0, 1, 2].map((k) => ({ seq: k + 1, kind: 'installment' as const, dueDate: `2026-1${k}-15`, amount: { amountMinor: 10_000_000, currency: 'COP' as const } })),
      });
      payments.push({ id: `x${i}`, accountId: `a${i}`, postedOn: '2026-10-14', amount: { amountMinor: 10_000_000, currency: 'COP' } });
      if (i % 2 === 0) payments.push({ id: `y${i}`, accountId: `a${i}`, postedOn: '2026-11-16', amount: { amountMinor: 5_000_000, currency: 'COP' } });
    }
    const track = timeMs(() => trackPromises({ promises, payments, graceDays: 3, now: '2026-12-20T15:00:00Z' }), 3);
    return [
      { id: 'negotiation.offers_s2_ms', value: offersS2, unit: 'ms' },
      { id: 'negotiation.offers_large_ms', value: offersLarge, unit: 'ms' },
      { id: 'scripts.parse_ms', value: parse, unit: 'ms' },
      { id: 'negotiation.track_10k_ms', value: track, unit: 'ms' },
    ];
  },
};

export default bench;
