/**
 * Goertzel power of `freq` in `samples`, normalized to an amplitude (0..1 for a full-scale sine). Pure: the
 * page's probes and the unit tests share it.
 */
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
