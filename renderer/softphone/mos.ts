/**
 * Call quality estimate: the ITU-T G.107 E-model reduced to the inputs WebRTC's getStats gives us (round-trip
 * time, jitter, packet loss), with Cole & Rosenbluth's delay impairment. Pure; no DOM.
 */

export interface CodecImpairment {
  /** Equipment impairment factor Ie (G.113 App. I). */
  ie: number;
  /** Packet-loss robustness factor Bpl. */
  bpl: number;
  /** Codec + packetization delay, ms. */
  delayMs: number;
}

export const CODECS: Readonly<Record<'opus' | 'pcmu' | 'pcma', CodecImpairment>> = {
  // Opus at VoIP bitrates with in-band FEC/PLC: near-transparent, robust to loss.
  opus: { ie: 0, bpl: 20, delayMs: 25 },
  // G.711 with packet-loss concealment (G.113 App. I).
  pcmu: { ie: 0, bpl: 25.1, delayMs: 20 },
  pcma: { ie: 0, bpl: 25.1, delayMs: 20 },
};

export interface QualityInputs {
  rttMs: number;
  jitterMs: number;
  /** Packet loss, 0..100 (%). */
  lossPct: number;
  codec?: CodecImpairment;
}

export type QualityLevel = 'good' | 'fair' | 'poor' | 'bad';

/** Transmission rating R (0..100). */
export function rFactor({ rttMs, jitterMs, lossPct, codec = CODECS.opus }: QualityInputs): number {
  const rtt = Math.max(0, Number.isFinite(rttMs) ? rttMs : 0);
  const jitter = Math.max(0, Number.isFinite(jitterMs) ? jitterMs : 0);
  const loss = Math.min(100, Math.max(0, Number.isFinite(lossPct) ? lossPct : 0));
  // One-way mouth-to-ear delay: half the RTT, a jitter buffer of ~2× jitter, and the codec's own delay.
  const d = rtt / 2 + 2 * jitter + codec.delayMs;
  const id = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
  // Random loss (BurstR = 1): Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl + Bpl).
  const ieEff = codec.ie + ((95 - codec.ie) * loss) / (loss + codec.bpl);
  const r = 93.2 - id - ieEff;
  return Math.min(100, Math.max(0, r));
}

/** MOS-CQE (1..4.5) from R, per G.107 Annex B. */
export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
  return Math.min(4.5, Math.max(1, mos));
}

export function estimateMos(inputs: QualityInputs): number {
  return Math.round(mosFromR(rFactor(inputs)) * 100) / 100;
}

export function qualityLevel(mos: number): QualityLevel {
  if (mos >= 4.0) return 'good';
  if (mos >= 3.6) return 'fair';
  if (mos >= 3.1) return 'poor';
  return 'bad';
}
