/**
 * Test page: exposes the real softphone engine (bundled by Vite with JsSIP) on `window.t` for Playwright, with
 * in-memory ports and audio probes. Not part of the product.
 */
import { MemoryCallEventSink, MemoryDevicePreferences, Softphone, type CallRecording, type PhoneSettings } from '../../renderer/softphone';
import { blobToneLevels, listenDtmf, toneLevels } from './audio-probe';

const sink = new MemoryCallEventSink();

// Counts SIP requests this page sends, by method (to prove e.g. no duplicate REGISTERs after a reconnect).
const sipSent: string[] = [];
const originalSend = WebSocket.prototype.send;
WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
  if (typeof data === 'string') sipSent.push(data.slice(0, data.indexOf(' ')));
  return originalSend.call(this, data);
};
const recordings: CallRecording[] = [];
const remoteDtmf: string[] = [];
const dtmfListeners = new Map<string, { peek(): string; stop(): string }>();
const regHistory: string[] = [];
const answering = new Set<string>();
let autoAnswerOff: (() => void) | null = null;
let phone: Softphone | null = null;

function need(): Softphone {
  if (!phone) throw new Error('phone not started');
  return phone;
}

const api = {
  async start(settings: PhoneSettings): Promise<void> {
    phone = new Softphone({
      settings,
      events: sink,
      devicePrefs: new MemoryDevicePreferences(),
      recordings: {
        async save(r) {
          recordings.push(r);
        },
      },
    });
    phone.onRemoteDtmf((_id, tone) => remoteDtmf.push(tone));
    phone.subscribe((snap) => {
      const kind = snap.registration.kind;
      if (regHistory.at(-1) !== kind) regHistory.push(kind);
    });
    await phone.start();
  },
  async stop(): Promise<void> {
    await phone?.stop();
    phone = null;
  },
  get phone(): Softphone {
    return need();
  },
  /** JSON-safe snapshot. */
  state() {
    return JSON.parse(JSON.stringify(need().snapshot())) as ReturnType<Softphone['snapshot']>;
  },
  events() {
    return JSON.parse(JSON.stringify(sink.events)) as typeof sink.events;
  },
  liveCalls() {
    return need()
      .snapshot()
      .calls.filter((c) => c.status !== 'ended')
      .map((c) => ({ id: c.id, status: c.status, remote: c.remote, onHold: c.onHold, remoteHold: c.remoteHold, muted: c.muted, direction: c.direction }));
  },
  async levels(callId: string, freqs: number[], ms = 600): Promise<Record<number, number>> {
    const remote = need().streams(callId).remote;
    if (!remote) throw new Error(`no remote stream for ${callId}`);
    return toneLevels(remote, freqs, ms);
  },
  listenDtmf(callId: string): void {
    const remote = need().streams(callId).remote;
    if (!remote) throw new Error(`no remote stream for ${callId}`);
    dtmfListeners.set(callId, listenDtmf(remote));
  },
  peekDtmf(callId: string): string {
    return dtmfListeners.get(callId)?.peek() ?? '';
  },
  stopDtmf(callId: string): string {
    const l = dtmfListeners.get(callId);
    dtmfListeners.delete(callId);
    return l ? l.stop() : '';
  },
  /** Answer every incoming call at once (the benchmark's callee). */
  autoAnswer(on: boolean): void {
    autoAnswerOff?.();
    autoAnswerOff = null;
    if (!on) return;
    const p = need();
    autoAnswerOff = p.subscribe((snap) => {
      for (const c of snap.calls) {
        if (c.status === 'incoming' && !answering.has(c.id)) {
          answering.add(c.id);
          void p.answer(c.id).catch(() => undefined);
        }
      }
      for (const id of answering) if (!snap.calls.some((c) => c.id === id)) answering.delete(id);
    });
  },
  sipRequestsSent(method: string): number {
    return sipSent.filter((m) => m === method).length;
  },
  registrationHistory(): string[] {
    return [...regHistory];
  },
  remoteDtmf(): string {
    return remoteDtmf.join('');
  },
  recordingCount(): number {
    return recordings.length;
  },
  async recordingLevels(i: number, freqs: number[]) {
    const r = recordings[i];
    if (!r) throw new Error(`no recording ${i}`);
    return { contactId: r.contactId, mimeType: r.mimeType, bytes: r.blob.size, ...(await blobToneLevels(r.blob, freqs)) };
  },
  /** Simulates the microphone being unplugged: the base track ends as the OS would end it. */
  unplugMicrophone(callId: string): boolean {
    const local = need().streams(callId).local;
    const internal = (need() as unknown as { media: { base: MediaStream | null } }).media.base;
    const track = internal?.getAudioTracks()[0];
    if (!track || !local) return false;
    for (const t of local.getAudioTracks()) t.stop();
    track.stop();
    track.dispatchEvent(new Event('ended'));
    return true;
  },
  /** Timing probe for the benchmark: Dial → first 18x at the caller, ms. */
  async timeToRinging(number: string): Promise<{ ms: number; callId: string }> {
    const p = need();
    const t0 = performance.now();
    const callId = p.dial(number);
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        off();
        reject(new Error('no 180 within 60 s'));
      }, 60_000);
      const check = () => {
        const c = p.snapshot().calls.find((x) => x.id === callId);
        if (c && (c.status === 'ringing' || c.status === 'active')) {
          off();
          clearTimeout(timeout);
          resolve({ ms: performance.now() - t0, callId });
        } else if (!c) {
          off();
          clearTimeout(timeout);
          reject(new Error(`call ended before ringing: ${JSON.stringify(p.snapshot().lastEnded?.end)}`));
        }
      };
      const off = p.subscribe(check);
      check();
    });
  },
  /** One full call for the memory benchmark: dial, wait until answered, hang up, wait until gone. */
  async fullCall(number: string): Promise<void> {
    const p = need();
    const callId = p.dial(number);
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => {
        off();
        reject(new Error('call not answered within 10 s'));
      }, 10_000);
      let hungUp = false;
      const check = () => {
        const c = p.snapshot().calls.find((x) => x.id === callId);
        if (c?.status === 'active' && !hungUp) {
          hungUp = true;
          p.hangup(callId);
        } else if (!c) {
          off();
          clearTimeout(timeout);
          resolve();
        }
      };
      const off = p.subscribe(check);
      check();
    });
  },
  heapMb(): number {
    const g = (globalThis as unknown as { gc?: () => void }).gc;
    g?.();
    g?.();
    return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1e6;
  },
};

declare global {
  interface Window {
    t: typeof api;
  }
}
window.t = api;
document.getElementById('status')!.textContent = 'ready';
