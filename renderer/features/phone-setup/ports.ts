/**
 * The engine's ports over the desk API: call events into `calls.logEvent` (in order, retried while the desk is
 * briefly unreachable), recordings into `calls.saveRecording`, device choice in this profile's localStorage.
 */
import { api } from '../../api';
import { backgroundTurn } from '../../lib/background';
import { ApiError } from '../../../shared/api/errors';
import type { CallEvent, CallEventSink, CallRecording, DevicePreferences, DevicePreferencesPort, RecordingSink } from '../../softphone/ports';

/** Sends events one at a time, in the engine's order; never throws into the engine. */
export class ApiCallEventSink implements CallEventSink {
  private readonly queue: CallEvent[] = [];
  private sending = false;
  private stopped = false;
  /** Resolves when everything queued so far has been written (tests, logout). */
  private idle: Array<() => void> = [];

  constructor(
    private readonly onError: (err: unknown) => void = () => {},
    /** After each event is saved (the card's call history re-reads). */
    private readonly onLogged: (event: CallEvent) => void = () => {},
  ) {}

  record(event: CallEvent): void {
    if (this.stopped) return;
    this.queue.push(event);
    void this.pump();
  }

  flushed(): Promise<void> {
    if (!this.sending && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  stop(): void {
    this.stopped = true;
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    let delay = 250;
    while (this.queue.length > 0) {
      // A screen-pop on its way to the screen goes first (lib/background): the log is written a few ms later.
      await backgroundTurn();
      const e = this.queue[0]!;
      try {
        await api.calls.logEvent(toLogEvent(e));
        this.queue.shift();
        delay = 250;
        this.onLogged(e);
      } catch (err) {
        // A refused event (bad data, signed out) will never pass: report it and move on; anything else is retried.
        if (err instanceof ApiError && (err.code === 'invalid_input' || err.code === 'unauthorized' || err.code === 'forbidden')) {
          this.onError(err);
          this.queue.shift();
          continue;
        }
        this.onError(err);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 10_000);
      }
    }
    this.sending = false;
    this.idle.splice(0).forEach((r) => r());
  }
}

function toLogEvent(e: CallEvent): Parameters<typeof api.calls.logEvent>[0] {
  // The contract's schema is the engine's event shape; undefined optionals are dropped for the strict parse.
  return JSON.parse(JSON.stringify(e)) as Parameters<typeof api.calls.logEvent>[0];
}

export class LocalDevicePreferences implements DevicePreferencesPort {
  constructor(private readonly key: string) {}
  async load(): Promise<DevicePreferences> {
    try {
      const v = JSON.parse(localStorage.getItem(this.key) ?? '{}') as DevicePreferences;
      return {
        ...(typeof v.microphoneId === 'string' ? { microphoneId: v.microphoneId } : {}),
        ...(typeof v.speakerId === 'string' ? { speakerId: v.speakerId } : {}),
      };
    } catch {
      return {};
    }
  }
  async save(prefs: DevicePreferences): Promise<void> {
    localStorage.setItem(this.key, JSON.stringify(prefs));
  }
}

export class ApiRecordingSink implements RecordingSink {
  async save(r: CallRecording): Promise<void> {
    const bytes = new Uint8Array(await r.blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    await api.calls.saveRecording({
      callId: r.callId, sipCallId: r.sipCallId, ...(r.contactId ? { contactId: r.contactId } : {}),
      startedAt: Math.round(r.startedAt), endedAt: Math.round(r.endedAt),
      mimeType: r.mimeType.replace(/\s+/g, ' '), dataBase64: btoa(bin),
    });
  }
}
