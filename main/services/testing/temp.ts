import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A temp dir removed by the returned cleanup; tests use real files, never :memory:, to exercise the cipher. */
export function tempDir(prefix = 'recaudo-desk-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const testKey = (): Buffer => randomBytes(32);
