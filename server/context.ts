import type { Database } from './db/port';

/** What route modules need from the running server. */
export interface ServerContext {
  db: Database;
  /** Verifying keys; the first one signs. */
  keys: readonly Buffer[];
  tokenTtlSeconds: number;
  version: string;
}
