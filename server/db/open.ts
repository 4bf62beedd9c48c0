import { mkdirSync } from 'node:fs';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './port';

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; wins over `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded PGlite database; in memory when neither is given. */
  dataDir?: string | undefined;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    return openPglite(opts.dataDir);
  }
  return openPglite();
}
