/**
 * The engine's ports: what it needs from the app, injected by the integrator. The engine never imports the
 * store, IPC or settings modules directly, so it can run in the test page with in-memory implementations.
 */
import type { CallDirection, HangupBy } from './types';
import type { EndCause } from './sip-causes';

interface CallEventBase {
  callId: string;
  /** SIP Call-ID, to correlate with PBX logs/CDRs. */
  sipCallId: string;
  contactId?: string;
  direction: CallDirection;
  remote: string;
  /** Epoch ms. */
  at: number;
}

/** One entry of a contact's call timeline. Discriminated by `type`; switch over it exhaustively. */
export type CallEvent =
  | (CallEventBase & { type: 'dial' })
  | (CallEventBase & { type: 'incoming' })
  | (CallEventBase & { type: 'ringing' })
  | (CallEventBase & { type: 'answer' })
  | (CallEventBase & { type: 'decline' })
  | (CallEventBase & { type: 'hold' })
  | (CallEventBase & { type: 'resume' })
  | (CallEventBase & { type: 'mute'; muted: boolean })
  | (CallEventBase & {
      type: 'transfer';
      kind: 'blind' | 'attended';
      target: string;
      outcome: 'requested' | 'accepted' | 'failed';
      statusCode?: number;
    })
  | (CallEventBase & { type: 'recording'; state: 'started' | 'stopped' | 'failed' })
  | (CallEventBase & {
      type: 'hangup';
      by: HangupBy;
      cause: EndCause;
      statusCode?: number;
      reasonPhrase?: string;
      /** Seconds talked (0 when never answered). */
      talkSec: number;
      mos?: number;
    });

export type CallEventType = CallEvent['type'];

/** Where call events go (the integrator writes them to the local store as the contact's timeline). */
export interface CallEventSink {
  /** Must not throw; called synchronously from the engine, in order. */
  record(event: CallEvent): void;
}

export interface DevicePreferences {
  microphoneId?: string;
  speakerId?: string;
}

/** Remembers the agent's audio device choice between sessions. */
export interface DevicePreferencesPort {
  load(): Promise<DevicePreferences>;
  save(prefs: DevicePreferences): Promise<void>;
}

export interface CallRecording {
  callId: string;
  sipCallId: string;
  contactId?: string;
  startedAt: number;
  endedAt: number;
  mimeType: string;
  blob: Blob;
}

/** Receives finished recordings (the integrator saves them in the user-data dir for the sync to upload). */
export interface RecordingSink {
  save(recording: CallRecording): Promise<void>;
}

export interface PhoneLogger {
  debug(msg: string, data?: unknown): void;
  info(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
  error(msg: string, data?: unknown): void;
}

export const silentLogger: PhoneLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** In-memory ports: for the test page and for running the engine without the app. */
export class MemoryCallEventSink implements CallEventSink {
  readonly events: CallEvent[] = [];
  record(event: CallEvent): void {
    this.events.push(event);
  }
}

export class MemoryDevicePreferences implements DevicePreferencesPort {
  constructor(public prefs: DevicePreferences = {}) {}
  async load(): Promise<DevicePreferences> {
    return { ...this.prefs };
  }
  async save(prefs: DevicePreferences): Promise<void> {
    this.prefs = { ...prefs };
  }
}
