/**
 * What a party hears: frequency analysis of a call's remote audio (Goertzel over AnalyserNode time-domain
 * frames), DTMF detection (row+column tone pairs), and analysis of a recorded blob.
 */

const DTMF_ROWS = [697, 770, 852, 941];
const DTMF_COLS = [1209, 1336, 1477, 1633];
const DTMF_KEYS = ['123A', '456B', '789C', '*0#D'];

/** Goertzel power of `freq` in `samples`, normalized to an amplitude (0..1 for a full-scale sine). */
export function goertzel(samples: Float32Array, sampleRate: number, freq: number): number {
  const n = samples.length;
  const k = Math.round((n * freq) / sampleRate);
  const w = (2 * Math.PI * k) / n;
  const coeff = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    // Hann window against leakage from the other tones.
    const win = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
    const s0 = samples[i]! * win + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return (2 * Math.sqrt(Math.max(0, power))) / (n * 0.5);
}

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
  const HOP = 512;
  const WINDOW = 1024;
  const proc = c.createScriptProcessor(HOP, 1, 1);
  const mute = c.createGain();
  mute.gain.value = 0;
  src.connect(proc);
  proc.connect(mute);
  mute.connect(c.destination);
  const win = new Float32Array(WINDOW);
  let digits = '';
  let current: string | null = null;
  let run = 0;
  // A frame straddling two digits holds two rows or two columns at similar levels (e.g. '1'→'5' reads as
  // 697+1336, a '2'): a tone counts only when its row and column each clearly dominate the others.
  const dominant = (levels: number[], i: number) => levels.every((l, k) => k === i || l < levels[i]! * 0.5);
  proc.onaudioprocess = (ev) => {
    const block = ev.inputBuffer.getChannelData(0);
    win.copyWithin(0, HOP);
    win.set(block.subarray(0, HOP), WINDOW - HOP);
    const rows = DTMF_ROWS.map((f) => goertzel(win, c.sampleRate, f));
    const cols = DTMF_COLS.map((f) => goertzel(win, c.sampleRate, f));
    const r = rows.indexOf(Math.max(...rows));
    const col = cols.indexOf(Math.max(...cols));
    const on = rows[r]! > 0.02 && cols[col]! > 0.02 && dominant(rows, r) && dominant(cols, col);
    const key = on ? DTMF_KEYS[r]![col]! : null;
    if (key === current) {
      run++;
      if (key && run === 2) digits += key; // two consecutive windows: a real tone, not a transient
    } else {
      current = key;
      run = 1;
    }
  };
  return {
    peek: () => digits,
    stop: () => {
      proc.onaudioprocess = null;
      src.disconnect();
      proc.disconnect();
      mute.disconnect();
      return digits;
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
