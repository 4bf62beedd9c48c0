import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyStoreError, SEALED_KEY_FILE, openSealedKey } from './key-store';
import { FakeSafeStorage } from './testing/fake-electron';

let dir: string;
let safeStorage: FakeSafeStorage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recaudo-key-'));
  safeStorage = new FakeSafeStorage();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (platform: NodeJS.Platform = 'win32') =>
  openSealedKey({ safeStorage: safeStorage as never, userDataDir: dir, platform });

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof KeyStoreError) return err.problem;
    throw err;
  }
  throw new Error('expected a KeyStoreError');
}

describe('sealed DB key', () => {
  it('creates a random 32-byte key, stores only its sealed form, and returns the same key next time', () => {
    const first = open();
    const key = first.getKey();
    expect(key).toHaveLength(32);
    expect(first.osProtected).toBe(true);
    const onDisk = readFileSync(join(dir, SEALED_KEY_FILE));
    expect(onDisk.toString('latin1')).not.toContain(key.toString('hex'));
    expect(onDisk.includes(key)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(join(dir, SEALED_KEY_FILE)).mode & 0o077).toBe(0);
    expect(open().getKey().equals(key)).toBe(true);
    expect(readdirSync(dir)).toEqual([SEALED_KEY_FILE]);
  });

  it('hands out copies, so a caller wiping its buffer does not wipe the key', () => {
    const p = open();
    const a = p.getKey();
    a.fill(0);
    expect(p.getKey().equals(Buffer.alloc(32))).toBe(false);
  });

  it('two workstations (two users) get different keys', () => {
    const a = open().getKey();
    rmSync(join(dir, SEALED_KEY_FILE));
    expect(open().getKey().equals(a)).toBe(false);
  });

  it('refuses when OS encryption is unavailable and writes nothing', () => {
    safeStorage.available = false;
    expect(problemOf(open)).toBe('unavailable');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses the Linux basic_text backend, which is plain text in effect', () => {
    safeStorage.backend = 'basic_text';
    expect(problemOf(() => open('linux'))).toBe('weak_backend');
    safeStorage.backend = 'kwallet6';
    expect(open('linux').getKey()).toHaveLength(32);
  });

  it('never replaces a key it cannot unseal (that would orphan the database)', () => {
    writeFileSync(join(dir, SEALED_KEY_FILE), Buffer.from('sealed by another OS user'));
    expect(problemOf(open)).toBe('unreadable');
    expect(readFileSync(join(dir, SEALED_KEY_FILE), 'utf8')).toBe('sealed by another OS user');
  });

  it('reports a sealed file that does not hold a key as damaged', () => {
    writeFileSync(join(dir, SEALED_KEY_FILE), safeStorage.encryptString('not-a-key'));
    expect(problemOf(open)).toBe('damaged');
  });
});
