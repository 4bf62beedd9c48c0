import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, writeSync, chmodSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './errors';
import { KEY_BYTES, type KeyProvider } from './key-provider';

export const KEY_FILE_NAME = 'store.key';

/**
 * Browser-host mode: a random 32-byte key in a 0600 file in the user-data dir. This is the weaker mode — anyone
 * who can read the user's files gets both the key and the database — documented in docs/store.md. Under
 * Electron the key is sealed with safeStorage instead.
 */
export function keyFileProvider(userDataDir: string): KeyProvider {
  const path = join(userDataDir, KEY_FILE_NAME);
  let cached: Buffer | null = null;
  return {
    osProtected: false,
    getKey(): Buffer {
      if (cached) return Buffer.from(cached);
      mkdirSync(userDataDir, { recursive: true, mode: 0o700 });
      cached = readOrCreate(path);
      return Buffer.from(cached);
    },
  };
}

function readOrCreate(path: string): Buffer {
  try {
    // 'wx': create only if absent, so two processes starting together cannot each write a different key.
    const fd = openSync(path, 'wx', 0o600);
    try {
      const key = randomBytes(KEY_BYTES);
      writeSync(fd, key.toString('hex') + '\n');
      fsyncSync(fd);
      return key;
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new StoreError('key_file', `cannot create the key file ${path}: ${(err as Error).message}`, { path }, err);
    }
  }
  const fd = openSync(path, 'r');
  try {
    const mode = fstatSync(fd).mode & 0o777;
    // Someone widened the permissions: narrow them back rather than refuse to start the desk.
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) chmodSync(path, 0o600);
  } finally {
    closeSync(fd);
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) {
    throw new StoreError('key_file', `the key file ${path} is damaged (expected 64 hex digits)`, { path });
  }
  return Buffer.from(text, 'hex');
}
