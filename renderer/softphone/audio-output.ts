/** Plays a call's remote audio (and the ringtone) on the chosen speaker via setSinkId. */
import type { PhoneLogger } from './ports';

type SinkElement = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

async function applySink(el: SinkElement, speakerId: string, logger: PhoneLogger): Promise<boolean> {
  if (typeof el.setSinkId !== 'function') return true;
  try {
    await el.setSinkId(speakerId);
    return true;
  } catch (err) {
    logger.warn('setSinkId failed', { speakerId, err: String(err) });
    if (speakerId) await el.setSinkId('').catch(() => undefined);
    return false;
  }
}

export class RemoteAudio {
  private readonly el: SinkElement;

  constructor(private readonly logger: PhoneLogger) {
    this.el = new Audio() as SinkElement;
    this.el.autoplay = true;
  }

  async play(stream: MediaStream, speakerId: string): Promise<boolean> {
    const ok = await applySink(this.el, speakerId, this.logger);
    this.el.srcObject = stream;
    await this.el.play().catch((err: unknown) => this.logger.warn('remote audio play() refused', String(err)));
    return ok;
  }

  setSpeaker(speakerId: string): Promise<boolean> {
    return applySink(this.el, speakerId, this.logger);
  }

  dispose(): void {
    this.el.pause();
    this.el.srcObject = null;
  }
}

/**
 * A soft two-tone ring on the chosen speaker, generated (no asset to ship). The audio graph is built once, when the
 * phone registers (`warm`), and suspended between calls: building it at the ring cost ~5 ms on the main thread
 * right when the screen-pop paints the caller's card.
 */
export class Ringer {
  private graph: { ctx: AudioContext; gain: GainNode; dest: MediaStreamAudioDestinationNode } | null = null;
  private el: SinkElement | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly logger: PhoneLogger) {}

  /** Builds the graph (silent, suspended) so a ring only has to resume it. Idempotent. */
  warm(): void {
    if (this.graph) return;
    const ctx = new AudioContext();
    const dest = ctx.createMediaStreamDestination();
    const gain = ctx.createGain();
    gain.gain.value = 0;
    gain.connect(dest);
    for (const f of [440, 480]) {
      const o = ctx.createOscillator();
      o.frequency.value = f;
      o.connect(gain);
      o.start();
    }
    this.graph = { ctx, gain, dest };
    void ctx.suspend().catch(() => undefined);
  }

  async start(speakerId: string): Promise<void> {
    if (this.timer) return;
    this.warm();
    const { ctx, gain, dest } = this.graph!;
    const burst = () => {
      const t = ctx.currentTime;
      gain.gain.setValueAtTime(0.15, t);
      gain.gain.setValueAtTime(0, t + 1);
    };
    this.timer = setInterval(burst, 3000);
    await ctx.resume().catch(() => undefined);
    if (!this.timer) return; // stopped while resuming
    burst();
    const el = new Audio() as SinkElement;
    this.el = el;
    await applySink(el, speakerId, this.logger);
    el.srcObject = dest.stream;
    await el.play().catch(() => undefined);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.el) {
      this.el.pause();
      this.el.srcObject = null;
    }
    this.el = null;
    if (this.graph) {
      this.graph.gain.gain.cancelScheduledValues(0);
      this.graph.gain.gain.value = 0;
      void this.graph.ctx.suspend().catch(() => undefined);
    }
  }

  /** Frees the audio graph (the phone stops). */
  dispose(): void {
    this.stop();
    void this.graph?.ctx.close().catch(() => undefined);
    this.graph = null;
  }
}
