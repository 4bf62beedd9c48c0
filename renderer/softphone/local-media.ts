/**
 * The microphone, kept warm: one base stream acquired once (and again on a device change), cloned per call so
 * a call's mute or end never touches another call. Acquiring the mic and the first offer in a renderer cost
 * hundreds of ms; doing both before the agent presses Dial keeps call setup within a few tens of ms.
 */
import type { PhoneLogger } from './ports';

export interface LocalMediaOptions {
  audioProcessing: boolean;
  logger: PhoneLogger;
  /** The base track ended by itself (device unplugged, permission revoked). */
  onTrackLost(): void;
  mediaDevices?: MediaDevices;
}

export class LocalMedia {
  private base: MediaStream | null = null;
  private deviceId = '';
  private acquiring: Promise<MediaStream> | null = null;
  private readonly onEnded = () => {
    this.opts.logger.warn('microphone track ended');
    this.release();
    this.opts.onTrackLost();
  };

  constructor(private readonly opts: LocalMediaOptions) {}

  private get devices(): MediaDevices {
    return this.opts.mediaDevices ?? navigator.mediaDevices;
  }

  get ready(): boolean {
    return this.base !== null && this.base.getAudioTracks().some((t) => t.readyState === 'live');
  }

  get currentDeviceId(): string {
    return this.deviceId;
  }

  /** Acquires the base stream for `deviceId` ('' = default), replacing any previous one. */
  async acquire(deviceId: string): Promise<MediaStream> {
    if (this.acquiring && this.deviceId === deviceId) return this.acquiring;
    this.deviceId = deviceId;
    const p = (async () => {
      const proc = this.opts.audioProcessing;
      const audio: MediaTrackConstraints = {
        echoCancellation: proc,
        noiseSuppression: proc,
        autoGainControl: proc,
        ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      };
      let stream: MediaStream;
      try {
        stream = await this.devices.getUserMedia({ audio, video: false });
      } catch (err) {
        if (!deviceId) throw err;
        // The remembered device is gone: fall back to the default rather than leave the agent without a mic.
        this.opts.logger.warn('chosen microphone unavailable, using default', { deviceId, err: String(err) });
        this.deviceId = '';
        stream = await this.devices.getUserMedia({ audio: { ...audio, deviceId: undefined }, video: false });
      }
      this.release();
      this.base = stream;
      for (const t of stream.getAudioTracks()) t.addEventListener('ended', this.onEnded);
      return stream;
    })();
    this.acquiring = p;
    try {
      return await p;
    } finally {
      if (this.acquiring === p) this.acquiring = null;
    }
  }

  /** A per-call stream of cloned tracks; null when the mic is not acquired yet. */
  cloneForCall(): MediaStream | null {
    if (!this.ready || !this.base) return null;
    return new MediaStream(this.base.getAudioTracks().map((t) => t.clone()));
  }

  async streamForCall(): Promise<MediaStream> {
    const s = this.cloneForCall();
    if (s) return s;
    await this.acquire(this.deviceId);
    const again = this.cloneForCall();
    if (!again) throw new Error('microphone unavailable');
    return again;
  }

  /**
   * Warms the WebRTC stack (codec factories, audio send path) with a throwaway offer so the first real call does
   * not pay for it.
   */
  async prewarm(pcConfig: RTCConfiguration): Promise<void> {
    const stream = this.cloneForCall();
    const pc = new RTCPeerConnection({ ...pcConfig, iceServers: [] });
    try {
      for (const t of stream?.getAudioTracks() ?? []) pc.addTrack(t, stream!);
      if (!stream) pc.addTransceiver('audio');
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
    } finally {
      pc.close();
      for (const t of stream?.getTracks() ?? []) t.stop();
    }
  }

  private release(): void {
    if (!this.base) return;
    for (const t of this.base.getTracks()) {
      t.removeEventListener('ended', this.onEnded);
      t.stop();
    }
    this.base = null;
  }

  dispose(): void {
    this.release();
  }
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const t of stream?.getTracks() ?? []) t.stop();
}
