/**
 * A compact hash map from a string key to (a 32-bit fingerprint, the line it was first seen on), for the
 * in-file duplicate checks of a 1,000,000-row import without holding 1,000,000 strings: keys are stored as two
 * independent 32-bit hashes (a false "duplicate" needs a 64-bit collision: ~3e-8 over 10^6 keys), 12 bytes per
 * slot (16 with fingerprints), open addressing with linear probing, grows at 70% load. Sized up front from the expected row count
 * when known, so a large file does not pay the transient of growing (old and new arrays alive at once).
 */
export function hash32(s: string, seed: number): number {
  let h = seed ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const EMPTY = 0;
const MAX_LOAD = 0.7;

export class KeyTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private fp: Uint32Array;
  private line: Uint32Array;
  private used = 0;

  /** `expectedKeys`: how many keys will likely be stored; `fingerprints`: whether `seen` records them. */
  constructor(expectedKeys = 1 << 15, private readonly fingerprints = true) {
    // Any size, not a power of two: sized to the guess, a 1,000,000-row file takes 17 MB, not 24.
    const cap = Math.max(16, Math.ceil(expectedKeys / MAX_LOAD) + 1);
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.fp = new Uint32Array(fingerprints ? cap : 0);
    this.line = new Uint32Array(cap);
  }

  get size(): number {
    return this.used;
  }

  /**
   * Records `key` first seen on `line` with `fingerprint`, or returns what was recorded for it before.
   * (hi is never 0 for a stored key: 0 marks an empty slot.)
   */
  seen(key: string, line: number, fingerprint = 0): { line: number; fingerprint: number } | undefined {
    const h1 = hash32(key, 0x9747b28c) | 1;
    const h2 = hash32(key, 0x1b873593);
    const cap = this.hi.length;
    let i = ((h2 ^ h1) >>> 0) % cap;
    for (;;) {
      const cur = this.hi[i]!;
      if (cur === EMPTY) break;
      if (cur === h1 >>> 0 && this.lo[i] === h2) return { line: this.line[i]!, fingerprint: this.fingerprints ? this.fp[i]! : 0 };
      i = i + 1 === cap ? 0 : i + 1;
    }
    this.hi[i] = h1 >>> 0;
    this.lo[i] = h2;
    if (this.fingerprints) this.fp[i] = fingerprint >>> 0;
    this.line[i] = line;
    this.used++;
    if (this.used > this.hi.length * MAX_LOAD) this.grow();
    return undefined;
  }

  /** Counts occurrences of `key`: 1 the first time, 2 the second… */
  bump(key: string): number {
    const prev = this.seen(key, 0, 1);
    if (!prev) return 1;
    const n = prev.fingerprint + 1;
    this.setFingerprint(key, n);
    return n;
  }

  private setFingerprint(key: string, fp: number): void {
    const h1 = (hash32(key, 0x9747b28c) | 1) >>> 0;
    const h2 = hash32(key, 0x1b873593);
    const cap = this.hi.length;
    let i = ((h2 ^ h1) >>> 0) % cap;
    while (!(this.hi[i] === h1 && this.lo[i] === h2)) i = i + 1 === cap ? 0 : i + 1;
    this.fp[i] = fp;
  }

  private grow(): void {
    const { hi, lo, fp, line } = this;
    const cap = hi.length * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.fp = new Uint32Array(this.fingerprints ? cap : 0);
    this.line = new Uint32Array(cap);
    for (let j = 0; j < hi.length; j++) {
      const h1 = hi[j]!;
      if (h1 === EMPTY) continue;
      let i = ((lo[j]! ^ h1) >>> 0) % cap;
      while (this.hi[i] !== EMPTY) i = i + 1 === cap ? 0 : i + 1;
      this.hi[i] = h1;
      this.lo[i] = lo[j]!;
      if (this.fingerprints) this.fp[i] = fp[j]!;
      this.line[i] = line[j]!;
    }
  }
}
