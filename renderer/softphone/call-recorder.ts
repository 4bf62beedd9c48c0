/** Records both sides of a call, mixed, as Opus (WebAudio mix → MediaRecorder). */

export class CallRecorder {
  private ctx: AudioContext | null = null;
  private recorder: MediaRecorder | null = null;
  private chunks: Blob[] = [];
  readonly startedAt = Date.now();
  readonly mimeType: string;

  constructor() {
    const preferred = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'];
    this.mimeType = preferred.find((m) => typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(m)) ?? '';
  }

  start(local: MediaStream, remote: MediaStream): void {
    const ctx = new AudioContext();
    this.ctx = ctx;
    const dest = ctx.createMediaStreamDestination();
    for (const s of [local, remote]) {
      if (s.getAudioTracks().length > 0) ctx.createMediaStreamSource(s).connect(dest);
    }
    const rec = new MediaRecorder(dest.stream, this.mimeType ? { mimeType: this.mimeType, audioBitsPerSecond: 32_000 } : undefined);
    rec.ondataavailable = (e) => {
      if (e.data.size > 0) this.chunks.push(e.data);
    };
    rec.start(1000);
    this.recorder = rec;
  }

  /** Stops and returns the recording (empty blob if nothing was captured). */
  stop(): Promise<Blob> {
    const rec = this.recorder;
    const ctx = this.ctx;
    this.recorder = null;
    this.ctx = null;
    const type = this.mimeType || 'audio/webm';
    if (!rec || rec.state === 'inactive') {
      void ctx?.close().catch(() => undefined);
      return Promise.resolve(new Blob(this.chunks.splice(0), { type }));
    }
    return new Promise((resolve) => {
      rec.onstop = () => {
        for (const t of rec.stream.getTracks()) t.stop();
        void ctx?.close().catch(() => undefined);
        resolve(new Blob(this.chunks.splice(0), { type }));
      };
      rec.stop();
    });
  }
}
