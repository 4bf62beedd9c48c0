/**
 * Microphone and speaker choice: enumerate, choose, remember (through the preferences port), and fall back to the
 * system default, telling the agent, when the chosen device disappears (also mid-call).
 */
import type { LocalMedia } from './local-media';
import type { DevicePreferencesPort, PhoneLogger } from './ports';
import type { AudioDeviceInfo, DeviceState } from './types';

export interface DeviceManagerDeps {
  prefs: DevicePreferencesPort;
  media: Pick<LocalMedia, 'acquire' | 'currentDeviceId'>;
  logger: PhoneLogger;
  changed(): void;
  notice(key: string, params?: Record<string, string | number>): void;
  /** Re-clone the (new) base microphone into every call. */
  replaceMicrophone(): Promise<void>;
  speakerChanged(speakerId: string): Promise<void>;
  mediaDevices?: MediaDevices;
}

export class DeviceManager {
  private inputs: AudioDeviceInfo[] = [];
  private outputs: AudioDeviceInfo[] = [];
  private mic = '';
  private speaker = '';
  private cached: DeviceState | null = null;
  private readonly onDeviceChange = () => void this.refresh();

  constructor(private readonly deps: DeviceManagerDeps) {}

  private get md(): MediaDevices | undefined {
    return this.deps.mediaDevices ?? (typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined);
  }

  get microphoneId(): string {
    return this.mic;
  }
  get speakerId(): string {
    return this.speaker;
  }
  get state(): DeviceState {
    this.cached ??= { inputs: this.inputs, outputs: this.outputs, microphoneId: this.mic, speakerId: this.speaker };
    return this.cached;
  }

  async init(): Promise<void> {
    const p = await this.deps.prefs.load().catch(() => ({}) as { microphoneId?: string; speakerId?: string });
    this.mic = p.microphoneId ?? '';
    this.speaker = p.speakerId ?? '';
    this.md?.addEventListener('devicechange', this.onDeviceChange);
  }

  dispose(): void {
    this.md?.removeEventListener('devicechange', this.onDeviceChange);
  }

  /** Re-enumerates; a chosen device that vanished falls back to the default with a notice. */
  async refresh(): Promise<void> {
    const md = this.md;
    if (!md) return;
    const all = await md.enumerateDevices();
    const map = (kind: 'audioinput' | 'audiooutput') =>
      all
        .filter((d) => d.kind === kind && d.deviceId !== 'default' && d.deviceId !== 'communications')
        .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${kind === 'audioinput' ? 'Mic' : 'Speaker'} ${i + 1}`, kind }));
    this.inputs = map('audioinput');
    this.outputs = map('audiooutput');
    const labelsKnown = all.some((d) => d.label !== '');
    if (labelsKnown && this.mic && !this.inputs.some((d) => d.deviceId === this.mic)) await this.microphoneLost();
    if (labelsKnown && this.speaker && !this.outputs.some((d) => d.deviceId === this.speaker)) {
      this.speaker = '';
      this.deps.notice('phone.notice.speakerLost');
      await this.deps.speakerChanged('');
    }
    this.touch();
  }

  /** The microphone in use disappeared: back to the default, into every call, and say so. */
  async microphoneLost(): Promise<void> {
    this.mic = '';
    this.deps.notice('phone.notice.microphoneLost');
    try {
      await this.deps.media.acquire('');
      await this.deps.replaceMicrophone();
    } catch (err) {
      this.deps.logger.error('no microphone left', String(err));
      this.deps.notice('phone.error.microphoneUnavailable', { detail: String(err) });
    }
    this.touch();
  }

  async setMicrophone(deviceId: string): Promise<void> {
    await this.deps.media.acquire(deviceId);
    this.mic = this.deps.media.currentDeviceId;
    await this.deps.replaceMicrophone();
    await this.save();
  }

  async setSpeaker(deviceId: string): Promise<void> {
    this.speaker = deviceId;
    await this.deps.speakerChanged(deviceId);
    await this.save();
  }

  private async save(): Promise<void> {
    this.touch();
    await this.deps.prefs.save({ microphoneId: this.mic, speakerId: this.speaker }).catch((err: unknown) => {
      this.deps.logger.warn('saving device preferences failed', String(err));
    });
  }

  private touch(): void {
    this.cached = null;
    this.deps.changed();
  }
}
