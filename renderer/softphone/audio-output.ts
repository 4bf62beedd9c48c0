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

type SinkContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

/**
 * A soft two-tone ring on the chosen speaker, generated (no asset to ship). Everything is built once, when the
 * phone registers (`warm`), and only suspended between calls: right when a call rings the screen-pop is painting
 * the caller's card, and building the graph there cost ~5 ms of the main thread, and playing a media element
 * ~4 ms more (Chromium asks the audio service for the element's device synchronously on each play). Where the
 * AudioContext can choose its output device (Chromium 110+: `setSinkId`), it rings on the speaker by itself and
 * a ring is only `resume()`; elsewhere the graph goes through a media element as before.
 */
export class Ringer {
  private graph: { ctx: SinkContext; gain: GainNode; el: SinkElement | null } | null = null;
  /** The speaker the output was last set to (it is set again only when the agent chose another). */
  private sink: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly logger: PhoneLogger) {}

  /** Builds the graph (silent, suspended) so a ring only has to resume it. Idempotent. */
  warm(): void {
    if (this.graph) return;
    const ctx = new AudioContext() as SinkContext;
    const gain = ctx.createGain();
    gain.gain.value = 0;
    let el: SinkElement | null = null;
    if (typeof ctx.setSinkId === 'function') {
      gain.connect(ctx.destination);
    } else {
      const dest = ctx.createMediaStreamDestination();
      gain.connect(dest);
      el = new Audio() as SinkElement;
      el.srcObject = dest.stream;
    }
    for (const f of [440, 480]) {
      const o = ctx.createOscillator();
      o.frequency.value = f;
      o.connect(gain);
      o.start();
    }
    this.graph = { ctx, gain, el };
    this.sink = ''; // a new context or element plays on the system default
    void ctx.suspend().catch(() => undefined);
  }

  async start(speakerId: string): Promise<void> {
    if (this.timer) return;
    this.warm();
    const { ctx, gain, el } = this.graph!;
    const burst = () => {
      const t = ctx.currentTime;
      gain.gain.setValueAtTime(0.15, t);
      gain.gain.setValueAtTime(0, t + 1);
    };
    this.timer = setInterval(burst, 3000);
    if (this.sink !== speakerId) {
      this.sink = speakerId;
      if (!(await this.setSink(speakerId))) this.sink = null;
      if (!this.timer) return; // stopped meanwhile
    }
    await ctx.resume().catch(() => undefined);
    if (!this.timer) return;
    burst();
    if (el) await el.play().catch(() => undefined);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.graph) {
      this.graph.el?.pause();
      this.graph.gain.gain.cancelScheduledValues(0);
      this.graph.gain.gain.value = 0;
      void this.graph.ctx.suspend().catch(() => undefined);
    }
  }

  /** Points the ring at the speaker ('' = the system default); false (and the default) if that device failed. */
  private async setSink(speakerId: string): Promise<boolean> {
    const { ctx, el } = this.graph!;
    if (el) return applySink(el, speakerId, this.logger);
    try {
      await ctx.setSinkId!(speakerId);
      return true;
    } catch (err) {
      this.logger.warn('AudioContext.setSinkId failed', { speakerId, err: String(err) });
      if (speakerId) await ctx.setSinkId!('').catch(() => undefined);
      return false;
    }
  }

  /** Frees the audio graph (the phone stops). */
  dispose(): void {
    this.stop();
    if (this.graph?.el) this.graph.el.srcObject = null;
    void this.graph?.ctx.close().catch(() => undefined);
    this.graph = null;
    this.sink = null;
  }
}
