/**
 * The softphone engine: one JsSIP UA registered to the PBX over WebSocket, the calls, the devices, the notices.
 * Plain TypeScript with no UI: the phone store mirrors `snapshot()` for React, tests drive it from a page.
 */
import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { UA } from 'jssip/lib/UA';
import { Ringer } from './audio-output';
import { DeviceManager } from './devices';
import { parseDialTarget } from './dial-target';
import { LocalMedia, stopStream } from './local-media';
import { PhoneCall, type PhoneCallHost } from './phone-call';
import { peekingSocket } from './peeking-socket';
import { silentLogger, type CallEventSink, type DevicePreferencesPort, type PhoneLogger, type RecordingSink } from './ports';
import { registrationFailureKey } from './sip-causes';
import type { CallSnapshot, PhoneNotice, PhoneSettings, PhoneSnapshot, RegistrationState } from './types';

export interface SoftphoneOptions {
  settings: PhoneSettings;
  events: CallEventSink;
  devicePrefs: DevicePreferencesPort;
  recordings?: RecordingSink;
  logger?: PhoneLogger;
  /**
   * A new inbound call's INVITE has just arrived from `caller` (the number the call will report as `remote`),
   * before JsSIP has parsed it: the screen-pop starts its lookup here (peeking-socket.ts).
   */
  onInviteArriving?: (caller: string) => void;
}

export class PhoneError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'PhoneError';
  }
}

const MAX_NOTICES = 5;

interface PendingOutgoing {
  remote: string;
  contactId?: string;
  consultFor?: string;
  stream: MediaStream | null;
}

export class Softphone {
  private ua: UA | null = null;
  private readonly logger: PhoneLogger;
  private readonly media: LocalMedia;
  private readonly devices: DeviceManager;
  private readonly ringer: Ringer;
  private readonly calls = new Map<string, PhoneCall>();
  private registration: RegistrationState = { kind: 'stopped' };
  private lastEnded: CallSnapshot | null = null;
  private notices: PhoneNotice[] = [];
  private noticeSeq = 0;
  private listeners = new Set<(s: PhoneSnapshot) => void>();
  private dtmfListeners = new Set<(callId: string, tone: string) => void>();
  private cached: PhoneSnapshot | null = null;
  private pendingOutgoing: PendingOutgoing | null = null;
  private readonly autoAnswer = new WeakSet<RTCSession>();
  private stopping = false;
  private readonly settings: Required<Omit<PhoneSettings, 'authorizationUser' | 'displayName' | 'defaultCountry'>> &
    Pick<PhoneSettings, 'authorizationUser' | 'displayName' | 'defaultCountry'>;
  private readonly host: PhoneCallHost;

  constructor(private readonly opts: SoftphoneOptions) {
    this.logger = opts.logger ?? silentLogger;
    this.settings = {
      iceServers: [],
      iceBudgetMs: 0,
      iceGatheringTimeoutMs: 1000,
      jssipDefaultIce: false,
      dtmfMode: 'rfc4733',
      audioProcessing: true,
      registerExpires: 300,
      reconnectMinSec: 1,
      reconnectMaxSec: 30,
      acceptTransfers: true,
      noAnswerTimeoutSec: 60,
      autoRecord: false,
      ...opts.settings,
    };
    this.media = new LocalMedia({
      audioProcessing: this.settings.audioProcessing,
      logger: this.logger,
      onTrackLost: () => void this.devices.microphoneLost(),
    });
    this.devices = new DeviceManager({
      prefs: opts.devicePrefs,
      media: this.media,
      logger: this.logger,
      changed: () => this.emit(),
      notice: (key, params) => this.notice(key, params, 'warning'),
      replaceMicrophone: async () => {
        for (const call of this.calls.values()) {
          const s = this.media.cloneForCall();
          if (s) await call.replaceMicrophone(s);
        }
      },
      speakerChanged: async (id) => {
        for (const call of this.calls.values()) await call.setSpeaker(id);
      },
    });
    this.ringer = new Ringer(this.logger);
    this.host = {
      sink: opts.events,
      logger: this.logger,
      recordings: opts.recordings,
      speakerId: () => this.devices.speakerId,
      dtmfMode: () => this.settings.dtmfMode,
      autoRecord: () => this.settings.autoRecord,
      iceBudget: this.settings.jssipDefaultIce
        ? null
        : { budgetMs: this.settings.iceBudgetMs, gatheringTimeoutMs: this.settings.iceGatheringTimeoutMs },
      changed: () => this.emit(),
      ended: (call) => this.onCallEnded(call),
      notice: (key, params, level) => this.notice(key, params, level),
      remoteDtmf: (call, tone) => {
        for (const l of this.dtmfListeners) l(call.id, tone);
      },
      refer: (call, e) => this.onRefer(call, e),
      replaces: (_call, e) => e.accept((s) => this.autoAnswer.add(s)),
    };
  }

  // ---- lifecycle ------------------------------------------------------------------------------------------

  /** Warms the microphone and WebRTC, then connects and registers. Resolves once the UA is started. */
  async start(): Promise<void> {
    if (this.ua) return;
    this.stopping = false;
    await this.devices.init();
    try {
      await this.media.acquire(this.devices.microphoneId);
      await this.media.prewarm(this.pcConfig());
    } catch (err) {
      this.logger.error('microphone unavailable at start', String(err));
      this.notice('phone.error.microphoneUnavailable', { detail: String(err) }, 'error');
    }
    await this.devices.refresh();
    JsSIP.debug.disable();
    const onInvite = this.opts.onInviteArriving;
    const socket = onInvite ? peekingSocket(this.settings.wsUrl, onInvite) : new JsSIP.WebSocketInterface(this.settings.wsUrl);
    const ua = new JsSIP.UA({
      sockets: [socket],
      uri: this.settings.sipUri,
      password: this.settings.password,
      ...(this.settings.authorizationUser ? { authorization_user: this.settings.authorizationUser } : {}),
      ...(this.settings.displayName ? { display_name: this.settings.displayName } : {}),
      register: true,
      register_expires: this.settings.registerExpires,
      session_timers: false,
      no_answer_timeout: this.settings.noAnswerTimeoutSec,
      connection_recovery_min_interval: this.settings.reconnectMinSec,
      connection_recovery_max_interval: this.settings.reconnectMaxSec,
      user_agent: 'Recaudo JsSIP/3.13',
    });
    this.ua = ua;
    this.setRegistration({ kind: 'connecting', since: Date.now() });
    ua.on('connecting', () => {
      if (this.registration.kind === 'registered') this.setRegistration({ kind: 'reconnecting', since: Date.now() });
    });
    ua.on('disconnected', () => {
      if (this.stopping) return;
      // JsSIP reconnects with backoff and re-registers by itself on 'connected' (calling register() again
      // there sends duplicate REGISTERs, JsSIP #414). We only report since when we are without a line.
      if (this.registration.kind !== 'reconnecting') this.setRegistration({ kind: 'reconnecting', since: Date.now() });
    });
    ua.on('registered', () => {
      this.setRegistration({ kind: 'registered', since: Date.now() });
      this.ringer.warm();
    });
    ua.on('unregistered', () => {
      if (!this.stopping) this.setRegistration({ kind: 'reconnecting', since: Date.now() });
    });
    ua.on('registrationFailed', (e: { cause?: string; response?: { status_code?: number; reason_phrase?: string } }) => {
      const key = registrationFailureKey(e.cause, e.response?.status_code);
      const detail = e.response ? `${e.response.status_code} ${e.response.reason_phrase ?? ''}`.trim() : (e.cause ?? '');
      // A transport failure keeps JsSIP retrying: that is "reconnecting", not a final failure.
      if (key === 'phone.registration.unreachable') {
        if (this.registration.kind !== 'reconnecting') this.setRegistration({ kind: 'reconnecting', since: Date.now() });
        return;
      }
      this.setRegistration({ kind: 'failed', since: Date.now(), reasonKey: key, detail });
    });
    ua.on('newRTCSession', (e: { originator: string; session: RTCSession; request: { from?: { uri?: { user?: string }; display_name?: string } } }) =>
      this.onNewSession(e),
    );
    ua.start();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const call of [...this.calls.values()]) call.hangup();
    this.ringer.dispose();
    const ua = this.ua;
    this.ua = null;
    if (ua) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 1500);
        ua.once('disconnected', () => {
          clearTimeout(t);
          resolve();
        });
        ua.stop();
      });
      ua.removeAllListeners();
    }
    this.devices.dispose();
    this.media.dispose();
    this.calls.clear();
    this.setRegistration({ kind: 'stopped' });
    this.listeners.clear();
    this.dtmfListeners.clear();
  }

  // ---- state ----------------------------------------------------------------------------------------------

  snapshot(): PhoneSnapshot {
    if (this.cached) return this.cached;
    const calls = [...this.calls.values()].map((c) => c.snapshot);
    const current =
      calls.find((c) => c.status !== 'incoming' && !c.onHold) ?? calls.find((c) => c.status === 'incoming') ?? calls.at(-1) ?? null;
    this.cached = {
      registration: this.registration,
      calls,
      currentCallId: current?.id ?? null,
      lastEnded: this.lastEnded,
      devices: this.devices.state,
      notices: this.notices,
    };
    return this.cached;
  }

  subscribe(fn: (s: PhoneSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onRemoteDtmf(fn: (callId: string, tone: string) => void): () => void {
    this.dtmfListeners.add(fn);
    return () => this.dtmfListeners.delete(fn);
  }

  dismissNotice(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.emit();
  }

  /** For the UI level meter and the audio tests. */
  streams(callId: string): { local: MediaStream | null; remote: MediaStream | null; pc: RTCPeerConnection | null } {
    const c = this.calls.get(callId);
    return { local: c?.localStream ?? null, remote: c?.remoteStream ?? null, pc: c?.peerConnection ?? null };
  }

  /** Counters for support and tests. */
  diagnostics(callId: string): { glareRetries: number } | null {
    const c = this.calls.get(callId);
    return c ? { glareRetries: c.glareRetries } : null;
  }

  private emit(): void {
    this.cached = null;
    if (this.listeners.size === 0) return;
    const s = this.snapshot();
    for (const l of this.listeners) l(s);
  }

  private setRegistration(r: RegistrationState): void {
    this.registration = r;
    this.emit();
  }

  private notice(key: string, params: Record<string, string | number> = {}, level: PhoneNotice['level'] = 'info'): void {
    this.notices = [...this.notices, { id: ++this.noticeSeq, at: Date.now(), key, params, level }].slice(-MAX_NOTICES);
    this.emit();
  }

  // ---- calls ----------------------------------------------------------------------------------------------

  private call(callId?: string): PhoneCall {
    const id = callId ?? this.snapshot().currentCallId;
    const c = id ? this.calls.get(id) : undefined;
    if (!c || c.isEnded) throw new PhoneError('phone.error.noSuchCall', { callId: id ?? '' });
    return c;
  }

  private pcConfig(): RTCConfiguration {
    return { iceServers: this.settings.iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' };
  }

  private targetUri(user: string): string {
    const host = /@([^;>]+)/.exec(this.settings.sipUri)?.[1] ?? '';
    return `sip:${user}@${host}`;
  }

  /**
   * Dials an E.164 number, a national number (default country) or a PBX extension. Synchronous up to the INVITE
   * leaving whenever the microphone is warm; returns the call id.
   */
  dial(number: string, opts: { contactId?: string } = {}): string {
    if (!this.ua || !this.ua.isRegistered()) throw new PhoneError('phone.error.notRegistered');
    const target = parseDialTarget(number, this.settings.defaultCountry);
    return this.placeCall(target.user, opts.contactId);
  }

  private placeCall(user: string, contactId?: string, consultFor?: string): string {
    const ua = this.ua;
    if (!ua) throw new PhoneError('phone.error.notRegistered');
    const stream = this.media.cloneForCall();
    if (!stream) throw new PhoneError('phone.error.microphoneUnavailable', { detail: 'not acquired' });
    this.pendingOutgoing = { remote: user, stream, ...(contactId ? { contactId } : {}), ...(consultFor ? { consultFor } : {}) };
    try {
      ua.call(this.targetUri(user), {
        mediaStream: stream,
        mediaConstraints: { audio: true, video: false },
        pcConfig: this.pcConfig(),
        rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
      });
    } catch (err) {
      stopStream(stream);
      this.logger.error('call() refused', String(err));
      throw new PhoneError('phone.error.callFailed', { detail: String(err) });
    } finally {
      this.pendingOutgoing = null;
    }
    const created = [...this.calls.values()].at(-1);
    if (!created) throw new PhoneError('phone.error.callFailed');
    const c = created;
    c.record('dial', {});
    return c.id;
  }

  private onNewSession(e: { originator: string; session: RTCSession; request: { from?: { uri?: { user?: string }; display_name?: string } } }): void {
    if (e.originator === 'local') {
      const p = this.pendingOutgoing;
      if (!p) {
        this.logger.warn('outgoing session without context, terminating');
        e.session.terminate();
        return;
      }
      const call = new PhoneCall(this.host, {
        session: e.session,
        direction: 'outgoing',
        remote: p.remote,
        localStream: p.stream,
        ...(p.contactId ? { contactId: p.contactId } : {}),
        ...(p.consultFor ? { consultFor: p.consultFor } : {}),
      });
      this.calls.set(call.id, call);
      this.emit();
      return;
    }
    const from = e.request.from;
    const call = new PhoneCall(this.host, {
      session: e.session,
      direction: 'incoming',
      remote: from?.uri?.user ?? 'anonymous',
      ...(from?.display_name ? { remoteName: from.display_name } : {}),
      localStream: null,
    });
    this.calls.set(call.id, call);
    call.record('incoming', {});
    if (this.autoAnswer.has(e.session)) {
      // INVITE with Replaces for a call we are in (attended transfer): take it over without ringing.
      queueMicrotask(() => void this.answer(call.id).catch((err) => this.logger.error('auto-answer failed', String(err))));
    } else {
      void this.ringer.start(this.devices.speakerId);
    }
    this.emit();
  }

  private onCallEnded(call: PhoneCall): void {
    this.calls.delete(call.id);
    this.lastEnded = call.snapshot;
    if (![...this.calls.values()].some((c) => c.snapshot.status === 'incoming')) this.ringer.stop();
    const end = call.snapshot.end;
    if (end && end.cause !== 'normal' && end.cause !== 'transferred' && end.cause !== 'replaced' && end.by !== 'local') {
      this.notice(end.messageKey, { number: call.snapshot.remote, code: end.statusCode ?? '', ...(end.params ?? {}) }, 'warning');
    }
    this.emit();
  }

  async answer(callId?: string): Promise<void> {
    const id = callId ?? [...this.calls.values()].find((c) => c.snapshot.status === 'incoming')?.id;
    const call = this.call(id);
    if (call.snapshot.status !== 'incoming') return;
    this.ringer.stop();
    // One live conversation at a time: whatever else is active goes on hold first.
    for (const other of this.calls.values()) {
      if (other !== call && other.snapshot.status === 'active' && !other.snapshot.onHold) await other.setHold(true);
    }
    const stream = await this.media.streamForCall();
    call.answer(stream, this.pcConfig());
  }

  decline(callId?: string): void {
    const id = callId ?? [...this.calls.values()].find((c) => c.snapshot.status === 'incoming')?.id;
    this.call(id).decline();
  }

  hangup(callId?: string): void {
    this.call(callId).hangup();
  }

  hold(callId?: string): Promise<boolean> {
    return this.call(callId).setHold(true);
  }

  resume(callId?: string): Promise<boolean> {
    const call = this.call(callId);
    return (async () => {
      for (const other of this.calls.values()) {
        if (other !== call && other.snapshot.status === 'active' && !other.snapshot.onHold) await other.setHold(true);
      }
      return call.setHold(false);
    })();
  }

  toggleHold(callId?: string): Promise<boolean> {
    const c = this.call(callId);
    return c.snapshot.onHold ? this.resume(c.id) : this.hold(c.id);
  }

  setMuted(muted: boolean, callId?: string): void {
    this.call(callId).setMuted(muted);
  }

  toggleMute(callId?: string): void {
    const c = this.call(callId);
    c.setMuted(!c.snapshot.muted);
  }

  sendDtmf(digits: string, callId?: string): void {
    try {
      this.call(callId).sendDtmf(digits);
    } catch (err) {
      if (err instanceof PhoneError) throw err;
      throw new PhoneError('phone.error.invalidDtmf', { digits });
    }
  }

  blindTransfer(target: string, callId?: string): void {
    const t = parseDialTarget(target, this.settings.defaultCountry);
    this.call(callId).blindTransfer(t.user, this.targetUri(t.user));
  }

  /** Attended transfer, step 1: hold the call and dial the consult target. Returns the consult call id. */
  async startConsult(target: string, callId?: string): Promise<string> {
    const original = this.call(callId);
    const t = parseDialTarget(target, this.settings.defaultCountry);
    if (!original.snapshot.onHold) await original.setHold(true);
    return this.placeCall(t.user, original.snapshot.contactId, original.id);
  }

  /** Attended transfer, step 2: REFER the held call to the consulted party (Replaces). */
  completeTransfer(consultCallId: string): void {
    const consult = this.call(consultCallId);
    const originalId = consult.snapshot.consultFor;
    if (!originalId) throw new PhoneError('phone.error.notAConsultCall');
    this.call(originalId).attendedTransfer(consult);
  }

  startRecording(callId?: string): boolean {
    const ok = this.call(callId).startRecording();
    if (ok) this.notice('phone.notice.recordingOn', {}, 'info');
    return ok;
  }

  stopRecording(callId?: string): Promise<void> {
    return this.call(callId).stopRecording();
  }

  setContact(callId: string, contactId: string): void {
    this.call(callId).setContact(contactId);
  }

  /** DTMF transport: RFC 4733 telephone-events (default) or SIP INFO, for PBXs/IVRs that need it. */
  setDtmfMode(mode: 'rfc4733' | 'info'): void {
    this.settings.dtmfMode = mode;
  }

  // ---- transfers we receive ------------------------------------------------------------------------------

  private onRefer(call: PhoneCall, e: Parameters<PhoneCallHost['refer']>[1]): void {
    if (!this.settings.acceptTransfers) {
      e.reject();
      return;
    }
    const stream = this.media.cloneForCall();
    const req = e.request as { refer_to?: { uri?: { user?: string } } };
    this.pendingOutgoing = {
      remote: req.refer_to?.uri?.user ?? 'transfer',
      stream,
      ...(call.snapshot.contactId ? { contactId: call.snapshot.contactId } : {}),
    };
    try {
      e.accept(undefined, {
        mediaStream: stream,
        mediaConstraints: { audio: true, video: false },
        pcConfig: this.pcConfig(),
      });
    } finally {
      this.pendingOutgoing = null;
    }
    const created = [...this.calls.values()].at(-1);
    if (created && created !== call) created.record('dial', {});
  }

  // ---- devices --------------------------------------------------------------------------------------------

  refreshDevices(): Promise<void> {
    return this.devices.refresh();
  }

  setMicrophone(deviceId: string): Promise<void> {
    return this.devices.setMicrophone(deviceId);
  }

  setSpeaker(deviceId: string): Promise<void> {
    return this.devices.setSpeaker(deviceId);
  }
}
