/**
 * DTMF tone pairs to digits, one block of samples at a time (pure: the page feeds it from a ScriptProcessor, the
 * unit test from synthesized audio).
 */
import { goertzel } from './goertzel';

const DTMF_ROWS = [697, 770, 852, 941];
const DTMF_COLS = [1209, 1336, 1477, 1633];
const DTMF_KEYS = ['123A', '456B', '789C', '*0#D'];

/** Samples each push() brings; the analysis window is two blocks. */
export const DTMF_HOP = 512;
const WINDOW = 2 * DTMF_HOP;
/**
 * A pause shorter than this inside one key's tone is a dropout, not two presses. Under CPU load the receiver's
 * jitter buffer conceals late packets, which can cut a 160 ms tone for a block or two: counted naively, '5' became
 * '55'. The softphone sends 120 ms between tones, so 60 ms leaves room on both sides.
 */
const MIN_PAUSE_MS = 60;

export interface DtmfDecoder {
  push(block: Float32Array): void;
  digits(): string;
}

export function createDtmfDecoder(sampleRate: number): DtmfDecoder {
  const win = new Float32Array(WINDOW);
  const minPauseBlocks = Math.ceil((MIN_PAUSE_MS / 1000) * (sampleRate / DTMF_HOP));
  let digits = '';
  let current: string | null = null;
  let run = 0;
  let counted: string | null = null;
  let sinceCounted = Infinity; // blocks since the last counted key was last heard
  let pauseBeforeRun = Infinity; // that count when the current run of one key began
  // A frame straddling two digits holds two rows or two columns at similar levels (e.g. '1'→'5' reads as
  // 697+1336, a '2'): a tone counts only when its row and column each clearly dominate the others.
  const dominant = (levels: number[], i: number) => levels.every((l, k) => k === i || l < levels[i]! * 0.5);
  return {
    push(block) {
      win.copyWithin(0, DTMF_HOP);
      win.set(block.subarray(0, DTMF_HOP), WINDOW - DTMF_HOP);
      const rows = DTMF_ROWS.map((f) => goertzel(win, sampleRate, f));
      const cols = DTMF_COLS.map((f) => goertzel(win, sampleRate, f));
      const r = rows.indexOf(Math.max(...rows));
      const col = cols.indexOf(Math.max(...cols));
      const on = rows[r]! > 0.02 && cols[col]! > 0.02 && dominant(rows, r) && dominant(cols, col);
      const key = on ? DTMF_KEYS[r]![col]! : null;
      if (key === current) run++;
      else {
        current = key;
        run = 1;
        pauseBeforeRun = sinceCounted;
      }
      // Two consecutive windows make a real tone, not a transient; the same key again only after a real pause.
      if (key && run === 2 && (key !== counted || pauseBeforeRun >= minPauseBlocks)) digits += key;
      if (key && run >= 2) counted = key;
      sinceCounted = key !== null && key === counted ? 0 : sinceCounted + 1;
    },
    digits: () => digits,
  };
}
