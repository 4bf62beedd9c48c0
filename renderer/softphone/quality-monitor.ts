/** Samples a call's getStats periodically and turns RTT, jitter and loss into an E-model MOS. */
import { CODECS, estimateMos, qualityLevel } from './mos';
import type { CallQuality } from './types';

interface Totals {
  received: number;
  lost: number;
}

export function qualityFromStats(report: RTCStatsReport, prev: Totals): { quality: CallQuality | null; totals: Totals } {
  let rttMs: number | undefined;
  let jitterMs = 0;
  let received = prev.received;
  let lost = prev.lost;
  let codec = CODECS.opus;
  report.forEach((s: Record<string, unknown> & { type: string }) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') {
      jitterMs = Math.max(jitterMs, Number(s.jitter ?? 0) * 1000);
      received = Number(s.packetsReceived ?? received);
      lost = Number(s.packetsLost ?? lost);
    } else if (s.type === 'remote-inbound-rtp' && s.kind === 'audio' && typeof s.roundTripTime === 'number') {
      rttMs = s.roundTripTime * 1000;
    } else if (s.type === 'candidate-pair' && s.nominated && typeof s.currentRoundTripTime === 'number') {
      rttMs ??= s.currentRoundTripTime * 1000;
    } else if (s.type === 'codec' && typeof s.mimeType === 'string') {
      const m = s.mimeType.toLowerCase();
      if (m === 'audio/pcmu') codec = CODECS.pcmu;
      if (m === 'audio/pcma') codec = CODECS.pcma;
    }
  });
  const dRecv = received - prev.received;
  const dLost = Math.max(0, lost - prev.lost);
  const totals = { received, lost };
  if (dRecv + dLost <= 0) return { quality: null, totals };
  const lossPct = (100 * dLost) / (dRecv + dLost);
  const mos = estimateMos({ rttMs: rttMs ?? 0, jitterMs, lossPct, codec });
  return {
    quality: { mos, level: qualityLevel(mos), rttMs: Math.round(rttMs ?? 0), jitterMs: Math.round(jitterMs * 10) / 10, lossPct: Math.round(lossPct * 10) / 10 },
    totals,
  };
}

export class QualityMonitor {
  private timer: ReturnType<typeof setInterval> | null = null;
  private totals: Totals = { received: 0, lost: 0 };
  private busy = false;

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly onSample: (q: CallQuality) => void,
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
  }

  async sample(): Promise<void> {
    if (this.busy || this.pc.connectionState === 'closed') return;
    this.busy = true;
    try {
      const { quality, totals } = qualityFromStats(await this.pc.getStats(), this.totals);
      this.totals = totals;
      if (quality && this.timer) this.onSample(quality);
    } catch {
      // The pc closed between the check and getStats(): nothing to report.
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
