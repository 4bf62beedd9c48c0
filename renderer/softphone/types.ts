/** The softphone engine's public state and settings. Plain data: the zustand store mirrors it for React. */
import type { EndReason } from './sip-causes';
import type { QualityLevel } from './mos';

export type RegistrationState =
  | { kind: 'stopped' }
  | { kind: 'connecting'; since: number }
  | { kind: 'registered'; since: number }
  | { kind: 'reconnecting'; since: number }
  | { kind: 'failed'; since: number; reasonKey: string; detail: string };

export type CallDirection = 'outgoing' | 'incoming';

export type CallStatus =
  /** INVITE sent, no provisional response yet. */
  | 'dialing'
  /** Outgoing call got 180/183. */
  | 'ringing'
  /** Incoming call waiting for the agent. */
  | 'incoming'
  | 'active'
  | 'ended';

export interface CallQuality {
  mos: number;
  level: QualityLevel;
  rttMs: number;
  jitterMs: number;
  lossPct: number;
}

export interface CallSnapshot {
  id: string;
  direction: CallDirection;
  /** What the agent dialed, or the caller's user part / number. */
  remote: string;
  remoteName?: string;
  contactId?: string;
  status: CallStatus;
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  muted: boolean;
  /** We put the call on hold. */
  onHold: boolean;
  /** The other side put us on hold. */
  remoteHold: boolean;
  /** A hold/resume re-INVITE is in flight (or waiting out a 491). */
  pending: boolean;
  recording: boolean;
  quality?: CallQuality;
  /** Set on a consult call of an attended transfer: the call being transferred. */
  consultFor?: string;
  end?: EndReason & { by: HangupBy };
}

export type HangupBy = 'local' | 'remote' | 'system';

export interface PhoneNotice {
  id: number;
  at: number;
  /** i18n key under `phone.notice.*` / `phone.error.*`. */
  key: string;
  params?: Record<string, string | number>;
  level: 'info' | 'warning' | 'error';
}

export interface AudioDeviceInfo {
  deviceId: string;
  label: string;
  kind: 'audioinput' | 'audiooutput';
}

export interface DeviceState {
  inputs: AudioDeviceInfo[];
  outputs: AudioDeviceInfo[];
  /** Chosen device ids; '' means the system default. */
  microphoneId: string;
  speakerId: string;
}

export interface PhoneSnapshot {
  registration: RegistrationState;
  calls: CallSnapshot[];
  /** The call the controls act on (the one not on hold, else the newest). */
  currentCallId: string | null;
  lastEnded: CallSnapshot | null;
  devices: DeviceState;
  notices: PhoneNotice[];
}

export type DtmfMode = 'rfc4733' | 'info';

export interface PhoneSettings {
  /** wss://pbx.example.com:8089/ws */
  wsUrl: string;
  /** sip:agent1@pbx.example.com */
  sipUri: string;
  password: string;
  authorizationUser?: string;
  displayName?: string;
  /** STUN/TURN servers; call setup never waits for them beyond `iceBudgetMs`. */
  iceServers?: RTCIceServer[];
  /**
   * After the first host candidate, wait at most this long for a server-reflexive/relay candidate before the
   * INVITE (or 200 OK) leaves. 0 = leave on the first candidate.
   */
  iceBudgetMs?: number;
  /** Hard cap when no candidate at all arrives. */
  iceGatheringTimeoutMs?: number;
  /** Use JsSIP's own ICE handling (waits for gathering to finish). For comparison benchmarks only. */
  jssipDefaultIce?: boolean;
  dtmfMode?: DtmfMode;
  /** Browser echo cancellation / noise suppression / AGC on the microphone. */
  audioProcessing?: boolean;
  registerExpires?: number;
  reconnectMinSec?: number;
  reconnectMaxSec?: number;
  /** Accept REFERs from the far end (the PBX or a peer transferring us). */
  acceptTransfers?: boolean;
  /** Seconds an incoming call rings before it is rejected as unanswered. */
  noAnswerTimeoutSec?: number;
  /** Record every answered call (the creditor's policy asks for it); the agent is told. */
  autoRecord?: boolean;
  /** Country used to read national numbers typed by the agent (ISO 3166-1 alpha-2). */
  defaultCountry?: string;
}
