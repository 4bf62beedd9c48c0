/**
 * What a party hears: frequency analysis of a call's remote audio (Goertzel over AnalyserNode time-domain
 * frames), DTMF detection (row+column tone pairs), and analysis of a recorded blob.
 */
import { createDtmfDecoder, DTMF_HOP } from './dtmf-decoder';
import { goertzel } from './goertzel';

export function toDb(amplitude: number): number {
  return amplitude > 0 ? 20 * Math.log10(amplitude) : -200;
}

let sharedCtx: AudioContext | null = null;
function ctx(): AudioContext {
  sharedCtx ??= new AudioContext();
  if (sharedCtx.state === 'suspended') void sharedCtx.resume();
  return sharedCtx;
}

/** Max level (dBFS) of each frequency over `ms` of the stream. */
export async function toneLevels(stream: MediaStream, freqs: number[], ms = 600): Promise<Record<number, number>> {
  const best: Record<number, number> = Object.fromEntries(freqs.map((f) => [f, -200]));
  // A receiver made inactive by hold leaves the remote stream without a track: nothing is heard.
  if (stream.getAudioTracks().length === 0) {
    await new Promise((r) => setTimeout(r, ms));
    return best;
  }
  const c = ctx();
  const src = c.createMediaStreamSource(stream);
  const an = c.createAnalyser();
  an.fftSize = 4096;
  src.connect(an);
  const buf = new Float32Array(an.fftSize);
  const end = performance.now() + ms;
  try {
    while (performance.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      an.getFloatTimeDomainData(buf);
      for (const f of freqs) best[f] = Math.max(best[f]!, toDb(goertzel(buf, c.sampleRate, f)));
    }
  } finally {
    src.disconnect();
    an.disconnect();
  }
  return best;
}

/**
 * Listens for DTMF tone pairs on a stream; peek() and stop() yield the digits heard so far, in order. Every
 * block of audio is analysed (a ScriptProcessor sees all samples, in order), so a busy main thread delays the
 * analysis but cannot skip a short tone the way timer polling of an AnalyserNode did under CPU load.
 */
export function listenDtmf(stream: MediaStream): { peek(): string; stop(): string } {
  const c = ctx();
  const src = c.createMediaStreamSource(stream);
  const proc = c.createScriptProcessor(DTMF_HOP, 1, 1);
  const mute = c.createGain();
  mute.gain.value = 0;
  src.connect(proc);
  proc.connect(mute);
  mute.connect(c.destination);
  const decoder = createDtmfDecoder(c.sampleRate);
  proc.onaudioprocess = (ev) => decoder.push(ev.inputBuffer.getChannelData(0));
  return {
    peek: () => decoder.digits(),
    stop: () => {
      proc.onaudioprocess = null;
      src.disconnect();
      proc.disconnect();
      mute.disconnect();
      return decoder.digits();
    },
  };
}

/** Max level of each frequency over a decoded recording. */
export async function blobToneLevels(blob: Blob, freqs: number[]): Promise<{ seconds: number; levels: Record<number, number> }> {
  const audio = await ctx().decodeAudioData(await blob.arrayBuffer());
  const data = audio.getChannelData(0);
  const frame = 4096;
  const levels: Record<number, number> = Object.fromEntries(freqs.map((f) => [f, -200]));
  for (let i = 0; i + frame <= data.length; i += frame) {
    const slice = data.subarray(i, i + frame);
    for (const f of freqs) levels[f] = Math.max(levels[f]!, toDb(goertzel(slice, audio.sampleRate, f)));
  }
  return { seconds: audio.duration, levels };
}
