/**
 * Where the local database key comes from. The Electron shell implements it with safeStorage (the OS keychain
 * protects the key); the browser host uses the key file (./key-file). 32 random bytes, used as a raw SQLCipher
 * key (no KDF: the key is already uniformly random).
 */
export interface KeyProvider {
  getKey(): Buffer;
  /** True when the key is protected by the OS (keychain/DPAPI/libsecret) rather than a file beside the DB. */
  readonly osProtected: boolean;
}

export const KEY_BYTES = 32;
