/**
 * Bytes of a creditor's file → text, deciding the encoding on the fly: a UTF-8 BOM means UTF-8; otherwise the
 * file stays undecided while it is pure ASCII (identical in both), and the first non-ASCII bytes decide: valid
 * UTF-8 → UTF-8, anything else → Latin-1 (read as Windows-1252, what Excel on Windows writes). A file decided
 * UTF-8 that later carries invalid bytes gets U+FFFD there, and that row is reported as `bad_encoding`.
 */
import { TextDecoder } from 'node:util';

export type TextEncoding = 'utf-8' | 'latin1';

const BOM = [0xef, 0xbb, 0xbf];

export async function* decodeText(
  source: AsyncIterable<Uint8Array>,
  forced: TextEncoding | 'auto',
  onDecided: (enc: TextEncoding) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let first = true;
  const decide = (enc: TextEncoding) => {
    decoder = new TextDecoder(enc === 'utf-8' ? 'utf-8' : 'windows-1252');
    onDecided(enc);
  };
  if (forced !== 'auto') decide(forced);
  let pending: Uint8Array | null = null;
  for await (const raw of source) {
    let chunk: Uint8Array = raw;
    if (pending) {
      chunk = concat(pending, chunk);
      pending = null;
    }
    if (first) {
      if (chunk.length < 3 && BOM.slice(0, chunk.length).every((b, i) => chunk[i] === b)) {
        pending = chunk;
        continue;
      }
      first = false;
      if (chunk[0] === BOM[0] && chunk[1] === BOM[1] && chunk[2] === BOM[2]) {
        chunk = chunk.subarray(3);
        if (!decoder) decide('utf-8');
      }
    }
    if (decoder) {
      const text = (decoder as TextDecoder).decode(chunk, { stream: true });
      if (text) yield text;
      continue;
    }
    const at = chunk.findIndex((b) => b >= 0x80);
    if (at < 0) {
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      continue;
    }
    // Need the whole first multi-byte sequence to judge; keep a short tail for the next chunk.
    if (chunk.length - at < 4 && !isCompleteUtf8(chunk.subarray(at))) {
      if (at > 0) yield Buffer.from(chunk.buffer, chunk.byteOffset, at).toString('latin1');
      pending = chunk.slice(at);
      continue;
    }
    decide(looksUtf8(chunk.subarray(at)) ? 'utf-8' : 'latin1');
    const text = (decoder as unknown as TextDecoder).decode(chunk, { stream: true });
    if (text) yield text;
  }
  if (pending) {
    if (!decoder) decide(looksUtf8(pending) ? 'utf-8' : 'latin1');
    const text = (decoder as unknown as TextDecoder).decode(pending, { stream: true });
    if (text) yield text;
  }
  if (decoder) {
    const tail = (decoder as TextDecoder).decode();
    if (tail) yield tail;
  } else {
    onDecided('utf-8');
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function seqLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isCompleteUtf8(b: Uint8Array): boolean {
  const n = seqLength(b[0]!);
  return n === 0 || b.length >= n;
}

/** Whether the bytes from the first non-ASCII one on are valid UTF-8 (an unfinished last sequence is fine). */
function looksUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, Math.min(b.length, 64 * 1024)), { stream: true });
    return true;
  } catch {
    return false;
  }
}
