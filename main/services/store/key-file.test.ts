import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, keyFileProvider } from './key-file';
import { tempDir } from '../testing/temp';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('key file provider (browser host mode)', () => {
  it('creates a random 32-byte key in a 0600 file and returns the same key afterwards', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const dir = join(t.dir, 'profile');
    const k1 = keyFileProvider(dir).getKey();
    expect(k1).toHaveLength(32);
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(keyFileProvider(dir).getKey().equals(k1)).toBe(true);
    expect(keyFileProvider(dir).osProtected).toBe(false);
    const other = tempDir();
    expect(keyFileProvider(other.dir).getKey().equals(k1)).toBe(false);
    other.cleanup();
  });

  it('narrows widened permissions and refuses a damaged file with its path', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, KEY_FILE_NAME);
    keyFileProvider(t.dir).getKey();
    chmodSync(path, 0o644);
    keyFileProvider(t.dir).getKey();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, 'not a key');
    expect(() => keyFileProvider(t.dir).getKey()).toThrow(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('not a key');
  });
});
