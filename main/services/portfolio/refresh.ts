import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/open';
import type { ServerClient } from '../server-client';
import { SliceWriter, type SweepResult } from './slice-writer';

export const PAGE_SIZE = 1000;

export interface RefreshResult extends SweepResult {
  accounts: number;
  debtors: number;
  pages: number;
}

/**
 * Pulls the agent's whole slice page by page (each page one transaction), then sweeps what the server no longer
 * assigns. A failure mid-way leaves the previous slice plus the pages already applied: never less than before.
 * When another agent's slice is in this desk's store, it is cleared first (their unsynced outbox stays).
 */
export async function refreshSlice(db: Db, server: ServerClient, token: string, ownerId: string): Promise<RefreshResult> {
  const getOwner = db.prepare("SELECT value FROM sync_meta WHERE key = 'slice.owner'").pluck();
  const owner = getOwner.get() as string | undefined;
  if (owner !== undefined && owner !== ownerId) clearSlice(db);
  db.prepare("INSERT INTO sync_meta(key, value) VALUES ('slice.owner', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(ownerId);
  const writer = new SliceWriter(db);
  const gen = writer.begin();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await server.portfolioPage(token, cursor, PAGE_SIZE);
    writer.applyPage(gen, page.slice);
    pages++;
    cursor = page.nextCursor;
  } while (cursor !== null);
  const sweep = writer.finish(gen);
  const accounts = db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  const debtors = db.prepare('SELECT count(*) FROM debtors').pluck().get() as number;
  return { ...sweep, accounts, debtors, pages };
}

// Every portfolio call asks it (handlers' requireSliceUser): one prepared statement per store, not one per call
// (compiling it cost ~0.5 ms of each screen-pop's lookup).
const ownerQueries = new WeakMap<Db, Database.Statement>();

export function sliceOwner(db: Db): string | null {
  let q = ownerQueries.get(db);
  if (!q) {
    q = db.prepare("SELECT value FROM sync_meta WHERE key = 'slice.owner'").pluck();
    ownerQueries.set(db, q);
  }
  return (q.get() as string | undefined) ?? null;
}

function clearSlice(db: Db): void {
  db.transaction(() => {
    db.exec('DELETE FROM debtors; DELETE FROM policies; DELETE FROM creditors; DELETE FROM debtor_search;');
  })();
}
