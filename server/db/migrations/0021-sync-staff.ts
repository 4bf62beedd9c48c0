import type { Migration } from '../migrate';

/**
 * Sync of the staff directory (names on the agent's screen instead of user ids): users become a pulled table.
 * Their row_seq already moves on every update (0001's touch trigger); this indexes it so a pull reads the users
 * changed since a cursor with one range scan, puts users behind 0020's pull fence (a rename that commits late is
 * never stepped over by a cursor) and makes a change wake the desks (LISTEN recaudo_sync), so a new display name
 * reaches them on their next pull.
 */
const migration: Migration = {
  version: 21,
  name: 'sync-staff',
  sql: `
create index users_row_seq_idx on users (row_seq);
create trigger users_sync_fence before insert or update or delete on users
  for each statement execute function recaudo_sync_fence();
create trigger users_sync_notify after insert or update or delete on users
  for each statement execute function recaudo_sync_notify();
`,
};
export default migration;
