/**
 * One call: wraps a JsSIP RTCSession, keeps its snapshot, and owns everything the call created (cloned mic
 * tracks, remote audio element, stats timer, recorder, listeners) so ending the call releases all of it.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import { RemoteAudio } from './audio-output';
import { CallRecorder } from './call-recorder';
import { applyIceBudget } from './ice-budget';
import { stopStream } from './local-media';
import type { CallEvent, CallEventSink, PhoneLogger, RecordingSink } from './ports';
import { QualityMonitor } from './quality-monitor';
import { holdAttempt, isOffering } from './reoffer';
import { ReofferQueue, type ReofferOutcome } from './reoffer-queue';
import { endReason, type EndCause } from './sip-causes';
import type { CallDirection, CallSnapshot, DtmfMode, HangupBy } from './types';

export interface PhoneCallHost {
  sink: CallEventSink;
  logger: PhoneLogger;
  recordings?: RecordingSink;
  speakerId(): string;
  dtmfMode(): DtmfMode;
  iceBudget: { budgetMs: number; gatheringTimeoutMs: number } | null;
  autoRecord(): boolean;
  changed(call: PhoneCall): void;
  ended(call: PhoneCall): void;
  notice(key: string, params?: Record<string, string | number>, level?: 'info' | 'warning' | 'error'): void;
  remoteDtmf(call: PhoneCall, tone: string): void;
  /** The far end asks us to call someone (REFER); returns false when refused. */
  refer(call: PhoneCall, e: { request: unknown; accept: (init?: (s: RTCSession) => void, options?: object) => void; reject: () => void }): void;
  replaces(call: PhoneCall, e: { accept: (init?: (s: RTCSession) => void) => void; reject: () => void }): void;
}

export interface PhoneCallInit {
  session: RTCSession;
  direction: CallDirection;
  remote: string;
  remoteName?: string;
  contactId?: string;
  consultFor?: string;
  localStream: MediaStream | null;
}

let seq = 0;
const newId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `call-${Date.now()}-${++seq}`);

type Listener = [string, (...args: never[]) => void];

export class PhoneCall {
  readonly id = newId();
  readonly session: RTCSession;
  readonly sipCallId: string;
  private snap: CallSnapshot;
  private readonly queue: ReofferQueue;
  private readonly listeners: Listener[] = [];
  private readonly disposers: Array<() => void> = [];
  private localStreamRef: MediaStream | null;
  private remoteStreamRef: MediaStream | null = null;
  private readonly audio: RemoteAudio;
  private quality: QualityMonitor | null = null;
  private recorder: CallRecorder | null = null;
  private endOverride: { cause: EndCause; by: HangupBy } | null = null;
  private pc: RTCPeerConnection | null = null;
  private finished = false;

  constructor(
    private readonly host: PhoneCallHost,
    init: PhoneCallInit,
  ) {
    this.session = init.session;
    const req = (init.session as unknown as { _request?: { call_id?: string } })._request;
    this.sipCallId = req?.call_id ?? init.session.id;
    this.localStreamRef = init.localStream;
    this.audio = new RemoteAudio(host.logger);
    this.snap = {
      id: this.id,
      direction: init.direction,
      remote: init.remote,
      status: init.direction === 'incoming' ? 'incoming' : 'dialing',
      startedAt: Date.now(),
      muted: false,
      onHold: false,
      remoteHold: false,
      pending: false,
      recording: false,
      ...(init.remoteName ? { remoteName: init.remoteName } : {}),
      ...(init.contactId ? { contactId: init.contactId } : {}),
      ...(init.consultFor ? { consultFor: init.consultFor } : {}),
    };
    this.queue = new ReofferQueue({ ownsCallId: init.direction === 'outgoing' });
    if (host.iceBudget) this.disposers.push(applyIceBudget(this.session as never, host.iceBudget, undefined, this.session.connection));
    this.wire();
    if (this.session.connection) this.attachPc(this.session.connection);
  }

  get snapshot(): CallSnapshot {
    return this.snap;
  }
  get localStream(): MediaStream | null {
    return this.localStreamRef;
  }
  get remoteStream(): MediaStream | null {
    return this.remoteStreamRef;
  }
  get peerConnection(): RTCPeerConnection | null {
    return this.pc;
  }
  get glareRetries(): number {
    return this.queue.glareRetries;
  }
  get isEnded(): boolean {
    return this.finished;
  }

  setContact(contactId: string): void {
    this.update({ contactId });
  }

  private update(patch: Partial<CallSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    this.host.changed(this);
  }

  record<T extends CallEvent['type']>(type: T, extra: Omit<Extract<CallEvent, { type: T }>, keyof EventBase | 'type'>): void {
    const base: EventBase = {
      callId: this.id,
      sipCallId: this.sipCallId,
      direction: this.snap.direction,
      remote: this.snap.remote,
      at: Date.now(),
      ...(this.snap.contactId ? { contactId: this.snap.contactId } : {}),
    };
    try {
      this.host.sink.record({ ...base, type, ...extra } as CallEvent);
    } catch (err) {
      this.host.logger.error('call event sink threw', String(err));
    }
  }

  private on(event: string, fn: (...args: never[]) => void): void {
    (this.session as unknown as { on(e: string, f: unknown): void }).on(event, fn);
    this.listeners.push([event, fn]);
  }

  private wire(): void {
    this.on('peerconnection', ((e: { peerconnection: RTCPeerConnection }) => this.attachPc(e.peerconnection)) as never);
    this.on('progress', ((e: { originator: string }) => {
      if (this.snap.direction === 'outgoing' && e.originator === 'remote' && this.snap.status === 'dialing') {
        this.update({ status: 'ringing' });
        this.record('ringing', {});
      }
    }) as never);
    this.on('accepted', (() => {
      if (this.snap.status === 'active') return;
      this.update({ status: 'active', answeredAt: Date.now() });
      this.record('answer', {});
      if (this.pc) {
        this.quality = new QualityMonitor(this.pc, (quality) => this.update({ quality }));
        this.quality.start();
      }
      if (this.host.autoRecord() && this.startRecording()) this.host.notice('phone.notice.recordingOn', {}, 'info');
    }) as never);
    this.on('reinvite', ((e: { reject: (o: { status_code: number }) => void }) => {
      if (isOffering(this.session)) e.reject({ status_code: 491 });
    }) as never);
    this.on('hold', ((e: { originator: string }) => {
      if (e.originator === 'remote') this.update({ remoteHold: true });
    }) as never);
    this.on('unhold', ((e: { originator: string }) => {
      if (e.originator === 'remote') this.update({ remoteHold: false });
    }) as never);
    this.on('newDTMF', ((e: { originator: string; dtmf: { tone: string } }) => {
      if (e.originator === 'remote') this.host.remoteDtmf(this, e.dtmf.tone);
    }) as never);
    this.on('refer', ((e: Parameters<PhoneCallHost['refer']>[1]) => this.host.refer(this, e)) as never);
    this.on('replaces', ((e: Parameters<PhoneCallHost['replaces']>[1]) => this.host.replaces(this, e)) as never);
    this.on('ended', ((e: { originator: HangupBy; cause: string; message?: { status_code?: number; reason_phrase?: string } }) =>
      void this.finish(e.originator, e.cause, e.message)) as never);
    this.on('failed', ((e: { originator: HangupBy; cause: string; message?: { status_code?: number; reason_phrase?: string } }) =>
      void this.finish(e.originator, e.cause, e.message)) as never);
  }

  private attachPc(pc: RTCPeerConnection): void {
    if (this.pc === pc) return;
    this.pc = pc;
    // Our own stream of the receivers' tracks: the browser's remote stream drops its track whenever hold makes the
    // receiver inactive and does not always re-add it on resume; the receiver's track itself stays.
    const onTrack = (e: RTCTrackEvent) => {
      const fresh = this.remoteStreamRef === null;
      const stream = this.remoteStreamRef ?? new MediaStream();
      if (!stream.getTracks().includes(e.track)) stream.addTrack(e.track);
      this.remoteStreamRef = stream;
      if (fresh) void this.audio.play(stream, this.host.speakerId());
    };
    pc.addEventListener('track', onTrack);
    this.disposers.push(() => pc.removeEventListener('track', onTrack));
  }

  // ---- controls -------------------------------------------------------------------------------------------

  answer(localStream: MediaStream, pcConfig: RTCConfiguration): void {
    this.localStreamRef = localStream;
    this.session.answer({ mediaStream: localStream, pcConfig, mediaConstraints: { audio: true, video: false } });
  }

  decline(): void {
    if (this.finished) return;
    this.endOverride = { cause: 'declined', by: 'local' };
    this.record('decline', {});
    this.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
  }

  hangup(): void {
    if (this.finished) return;
    this.session.terminate();
  }

  /** Ends our leg after a completed transfer. */
  endTransferred(): void {
    if (this.finished) return;
    this.endOverride = { cause: 'transferred', by: 'local' };
    this.session.terminate();
  }

  async setHold(hold: boolean): Promise<boolean> {
    if (this.finished) return false;
    this.update({ pending: true });
    const outcome: ReofferOutcome = await this.queue.run(() => holdAttempt(this.session, hold));
    if (this.finished) return false;
    const onHold = this.session.isOnHold().local;
    this.update({ pending: false, onHold });
    if (outcome === 'ok') this.record(hold ? 'hold' : 'resume', {});
    if (outcome === 'failed') {
      this.host.notice(hold ? 'phone.error.holdFailed' : 'phone.error.resumeFailed', { number: this.snap.remote }, 'error');
    }
    return onHold === hold;
  }

  setMuted(muted: boolean): void {
    if (this.finished || this.snap.muted === muted) return;
    if (muted) this.session.mute({ audio: true });
    else this.session.unmute({ audio: true });
    this.update({ muted });
    this.record('mute', { muted });
  }

  sendDtmf(digits: string): void {
    if (!/^[0-9A-D#*,]+$/i.test(digits)) throw new Error(`phone.error.invalidDtmf:${digits}`);
    const mode = this.host.dtmfMode();
    this.session.sendDTMF(digits.toUpperCase(), {
      transportType: mode === 'info' ? 'INFO' : 'RFC2833',
      duration: 160,
      interToneGap: 120,
    } as never);
  }

  blindTransfer(target: string, targetUri: string): void {
    this.record('transfer', { kind: 'blind', target, outcome: 'requested' });
    this.session.refer(targetUri, {
      eventHandlers: {
        requestFailed: (e: { response?: { status_code?: number } }) => this.transferFailed('blind', target, e?.response?.status_code),
        accepted: () => {
          this.record('transfer', { kind: 'blind', target, outcome: 'accepted' });
          this.endTransferred();
        },
        failed: (e: { status_line?: { status_code?: number | string } }) => this.transferFailed('blind', target, notifyCode(e)),
      },
    } as never);
  }

  attendedTransfer(consult: PhoneCall): void {
    const target = consult.snapshot.remote;
    this.record('transfer', { kind: 'attended', target, outcome: 'requested' });
    this.session.refer(consult.session.remote_identity.uri.toString(), {
      replaces: consult.session,
      eventHandlers: {
        requestFailed: (e: { response?: { status_code?: number } }) => this.transferFailed('attended', target, e?.response?.status_code),
        accepted: () => {
          this.record('transfer', { kind: 'attended', target, outcome: 'accepted' });
          this.endTransferred();
          // The target ends the consult leg when the replacing call is confirmed; make sure it does end.
          consult.endOverride = { cause: 'transferred', by: 'remote' };
          setTimeout(() => consult.endTransferred(), 5000);
        },
        failed: (e: { status_line?: { status_code?: number | string } }) => this.transferFailed('attended', target, notifyCode(e)),
      },
    } as never);
  }

  private transferFailed(kind: 'blind' | 'attended', target: string, statusCode?: number): void {
    this.record('transfer', { kind, target, outcome: 'failed', ...(statusCode ? { statusCode } : {}) });
    this.host.notice('phone.error.transferFailed', { number: target, code: statusCode ?? '—' }, 'error');
  }

  startRecording(): boolean {
    if (this.recorder || this.finished || !this.localStreamRef || !this.remoteStreamRef) return false;
    try {
      const rec = new CallRecorder();
      rec.start(this.localStreamRef, this.remoteStreamRef);
      this.recorder = rec;
      this.update({ recording: true });
      this.record('recording', { state: 'started' });
      return true;
    } catch (err) {
      this.host.logger.error('recording failed to start', String(err));
      this.record('recording', { state: 'failed' });
      this.host.notice('phone.error.recordingFailed', {}, 'error');
      return false;
    }
  }

  async stopRecording(): Promise<void> {
    const rec = this.recorder;
    if (!rec) return;
    this.recorder = null;
    const blob = await rec.stop();
    if (!this.finished) this.update({ recording: false });
    this.record('recording', { state: 'stopped' });
    try {
      await this.host.recordings?.save({
        callId: this.id,
        sipCallId: this.sipCallId,
        startedAt: rec.startedAt,
        endedAt: Date.now(),
        mimeType: blob.type,
        blob,
        ...(this.snap.contactId ? { contactId: this.snap.contactId } : {}),
      });
    } catch (err) {
      this.host.logger.error('saving recording failed', String(err));
      this.host.notice('phone.error.recordingFailed', {}, 'error');
    }
  }

  /** Swap the microphone track (device change) without renegotiation. */
  async replaceMicrophone(stream: MediaStream): Promise<void> {
    const track = stream.getAudioTracks()[0];
    const sender = this.pc?.getSenders().find((s) => s.track?.kind === 'audio' || s.track === null);
    if (!track || !sender || this.finished) {
      stopStream(stream);
      return;
    }
    track.enabled = !this.snap.muted && !this.snap.onHold && !this.snap.remoteHold;
    await sender.replaceTrack(track);
    const old = this.localStreamRef;
    this.localStreamRef = stream;
    stopStream(old);
  }

  setSpeaker(speakerId: string): Promise<boolean> {
    return this.audio.setSpeaker(speakerId);
  }

  // ---- end ------------------------------------------------------------------------------------------------

  private async finish(originator: HangupBy, jssipCause: string, message?: { status_code?: number; reason_phrase?: string }): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const sipCode = message && typeof message.status_code === 'number' && message.status_code >= 300 ? message.status_code : undefined;
    const reason = endReason({ statusCode: sipCode, reasonPhrase: sipCode ? message?.reason_phrase : undefined, jssipCause });
    const by = this.endOverride?.by ?? originator;
    if (this.endOverride) {
      reason.cause = this.endOverride.cause;
      reason.messageKey = `phone.end.${reason.cause}`;
    }
    const now = Date.now();
    const talkSec = this.snap.answeredAt ? Math.round((now - this.snap.answeredAt) / 1000) : 0;
    this.quality?.stop();
    const mos = this.snap.quality?.mos;
    const recording = this.recorder ? this.stopRecording() : Promise.resolve();
    this.snap = { ...this.snap, status: 'ended', endedAt: now, pending: false, end: { ...reason, by } };
    this.record('hangup', {
      by,
      cause: reason.cause,
      talkSec,
      ...(reason.statusCode ? { statusCode: reason.statusCode } : {}),
      ...(reason.reasonPhrase ? { reasonPhrase: reason.reasonPhrase } : {}),
      ...(mos !== undefined ? { mos } : {}),
    });
    await recording.catch(() => undefined);
    this.dispose();
    this.host.ended(this);
  }

  private dispose(): void {
    this.queue.dispose();
    this.quality?.stop();
    this.quality = null;
    const s = this.session as unknown as { removeListener(e: string, f: unknown): void };
    for (const [event, fn] of this.listeners.splice(0)) s.removeListener(event, fn);
    for (const d of this.disposers.splice(0)) d();
    this.audio.dispose();
    stopStream(this.localStreamRef);
    this.localStreamRef = null;
    this.remoteStreamRef = null;
    this.pc = null;
  }
}

/** The final status the transfer target answered, from the REFER's NOTIFY body (a sipfrag status line). */
function notifyCode(e: { status_line?: { status_code?: number | string } } | undefined): number | undefined {
  const code = Number(e?.status_line?.status_code);
  return Number.isFinite(code) && code > 0 ? code : undefined;
}

type EventBase = { callId: string; sipCallId: string; contactId?: string; direction: CallDirection; remote: string; at: number };
