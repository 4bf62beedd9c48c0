import type { Migration } from './types';

/**
 * The staff directory the sync pull brings (server 0021): a name and a role per user id, so the card says who did
 * what instead of printing ids. Not part of the agent's slice: it survives a change of desk owner and is never
 * swept, because history keeps naming people who left. Keyed by id, read by primary key from the card query.
 */
export const m0006: Migration = {
  version: 6,
  name: 'staff',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
