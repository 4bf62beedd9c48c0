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

/** A soft two-tone ring on the chosen speaker, generated (no asset to ship). */
export class Ringer {
  private ctx: AudioContext | null = null;
  private el: SinkElement | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly logger: PhoneLogger) {}

  async start(speakerId: string): Promise<void> {
    if (this.ctx) return;
    const ctx = new AudioContext();
    this.ctx = ctx;
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
    const burst = () => {
      const t = ctx.currentTime;
      gain.gain.setValueAtTime(0.15, t);
      gain.gain.setValueAtTime(0, t + 1);
    };
    burst();
    this.timer = setInterval(burst, 3000);
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
    void this.ctx?.close().catch(() => undefined);
    this.ctx = null;
  }
}
