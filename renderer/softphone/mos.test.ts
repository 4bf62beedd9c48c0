import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODECS, estimateMos, mosFromR, qualityLevel, rFactor } from './mos';

describe('E-model MOS estimate', () => {
  it.each([
    // rtt, jitter, loss → expected MOS range
    [{ rttMs: 2, jitterMs: 1, lossPct: 0 }, 4.3, 4.42, 'good'],
    [{ rttMs: 150, jitterMs: 10, lossPct: 0 }, 4.2, 4.4, 'good'],
    [{ rttMs: 600, jitterMs: 30, lossPct: 0 }, 3.0, 3.7, null],
    [{ rttMs: 40, jitterMs: 5, lossPct: 5 }, 3.5, 4.1, null],
    [{ rttMs: 40, jitterMs: 5, lossPct: 20 }, 2.0, 3.0, 'bad'],
    [{ rttMs: 800, jitterMs: 80, lossPct: 30 }, 1.0, 1.8, 'bad'],
  ] as const)('%o → MOS in [%f, %f]', (inputs, lo, hi, level) => {
    const mos = estimateMos(inputs);
    expect(mos).toBeGreaterThanOrEqual(lo);
    expect(mos).toBeLessThanOrEqual(hi);
    if (level) expect(qualityLevel(mos)).toBe(level);
  });

  it('G.711 without loss scores the classic maximum R≈93', () => {
    expect(rFactor({ rttMs: 0, jitterMs: 0, lossPct: 0, codec: { ...CODECS.pcmu, delayMs: 0 } })).toBeCloseTo(93.2, 1);
    expect(mosFromR(93.2)).toBeCloseTo(4.41, 2);
  });

  it('maps R to the G.107 MOS curve bounds', () => {
    expect(mosFromR(-5)).toBe(1);
    expect(mosFromR(0)).toBe(1);
    expect(mosFromR(100)).toBe(4.5);
    expect(mosFromR(50)).toBeCloseTo(2.58, 2);
  });

  it('never rises when RTT, jitter or loss get worse, and stays in 1..4.5', () => {
    const metric = fc.record({
      rttMs: fc.double({ min: 0, max: 2000, noNaN: true }),
      jitterMs: fc.double({ min: 0, max: 300, noNaN: true }),
      lossPct: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(metric, fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom('rttMs', 'jitterMs', 'lossPct'), (m, extra, key) => {
        const base = estimateMos(m);
        const worse = estimateMos({ ...m, [key]: Math.min(key === 'lossPct' ? 100 : 1e9, m[key] + extra) });
        expect(base).toBeGreaterThanOrEqual(1);
        expect(base).toBeLessThanOrEqual(4.5);
        expect(worse).toBeLessThanOrEqual(base + 1e-9);
      }),
    );
  });

  it('treats garbage stats (NaN, negative) as absent rather than producing NaN', () => {
    const mos = estimateMos({ rttMs: Number.NaN, jitterMs: -3, lossPct: Number.POSITIVE_INFINITY });
    expect(Number.isFinite(mos)).toBe(true);
    expect(mos).toBeGreaterThanOrEqual(1);
  });
});
