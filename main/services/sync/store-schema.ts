import type { Migration } from '../store/migrations/types';
import type { Db } from '../store/open';

const SQL = `
  -- The wire sequence of each outbox row: contiguous per client id (one client id per agent on this desk),
  -- assigned once, durably, before the row is first sent, so a retry always carries the same number.
  CREATE TABLE IF NOT EXISTS sync_wire (
    outbox_seq INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL,
    wire_seq INTEGER NOT NULL,
    UNIQUE (client_id, wire_seq)
  );
`;

/**
 * The desk store's sync step, for the store's migration list (main/services/store/migrations — the integrator
 * appends it with the next number). Until then `ensureSyncStore` creates the same table idempotently.
 */
export const syncStoreMigration: Omit<Migration, 'version'> = {
  name: 'sync-wire',
  up(db) {
    db.exec(SQL);
  },
};

export function ensureSyncStore(db: Db): void {
  db.exec(SQL);
}
