/**
 * The local database key, sealed with Electron's safeStorage (DPAPI on Windows, the Keychain on macOS,
 * libsecret/kwallet on Linux). The file beside the database holds only the sealed bytes; without the user's
 * OS account the key — and so the database — cannot be read. If the OS cannot seal it we refuse to start
 * rather than fall back to plain text.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { KEY_BYTES, type KeyProvider } from '../services/store/key-provider';

export const SEALED_KEY_FILE = 'store.key.sealed';

export type KeyStoreProblem = 'unavailable' | 'weak_backend' | 'unreadable' | 'damaged' | 'write_failed';

export class KeyStoreError extends Error {
  constructor(
    readonly problem: KeyStoreProblem,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

type Sealer = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * Checks safeStorage and reads (or creates) the sealed key at once, so a problem surfaces at start-up as a
 * dialog and never later in the middle of a call. Must be called after app 'ready'.
 */
export function openSealedKey(options: { safeStorage: Sealer; userDataDir: string; platform: NodeJS.Platform }): KeyProvider {
  const path = join(options.userDataDir, SEALED_KEY_FILE);
  const { safeStorage } = options;
  if (!safeStorage.isEncryptionAvailable()) {
    throw new KeyStoreError('unavailable', 'safeStorage: OS encryption is not available', path);
  }
  // On Linux without a keyring Chromium "encrypts" with a hard-coded password: that is plain text in effect.
  if (options.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') {
      throw new KeyStoreError('weak_backend', `safeStorage backend ${backend} does not protect secrets`, path);
    }
  }
  const key = readOrCreate(path, options.userDataDir, safeStorage);
  return {
    osProtected: true,
    getKey: () => Buffer.from(key),
  };
}

function readOrCreate(path: string, dir: string, safeStorage: Sealer): Buffer {
  let sealed: Buffer | null = null;
  try {
    sealed = readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new KeyStoreError('unreadable', `cannot read ${path}: ${(err as Error).message}`, path);
    }
  }
  if (sealed) {
    let hex: string;
    try {
      hex = safeStorage.decryptString(sealed);
    } catch (err) {
      // Never replace it: a new key would orphan the existing database and its unsynced work.
      throw new KeyStoreError('unreadable', `cannot unseal ${path} (another OS user or a reset keychain?): ${(err as Error).message}`, path);
    }
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new KeyStoreError('damaged', `${path} does not hold a ${KEY_BYTES}-byte key`, path);
    return Buffer.from(hex, 'hex');
  }
  const key = randomBytes(KEY_BYTES);
  const bytes = safeStorage.encryptString(key.toString('hex'));
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Write then rename: a crash mid-write never leaves a half key file that would lock the database out.
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    throw new KeyStoreError('write_failed', `cannot write ${path}: ${(err as Error).message}`, path);
  }
  return key;
}
