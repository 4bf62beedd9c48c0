/**
 * The desk's copy of the staff directory (id → display name, role), written from pulled pages and read by the
 * card. Upserts only: a user never leaves the directory, since old history keeps naming them.
 */
import type { StaffMember } from '../../../shared/domain/users';
import type { Db } from '../store/open';

export function createStaffStore(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO staff (id, display_name, role) VALUES (@id, @displayName, @role)
     ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role
     WHERE display_name IS NOT excluded.display_name OR role IS NOT excluded.role`,
  );
  // One statement for any number of ids: the card asks for the handful its rows name.
  const byIds = db.prepare(
    `SELECT id, display_name AS displayName, role FROM staff
      WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  return {
    /** Call inside the caller's transaction (the pull applies a page and its cursor atomically). */
    upsert(list: readonly StaffMember[]): void {
      for (const m of list) upsert.run(m);
    },
    named(ids: Iterable<string>): StaffMember[] {
      const list = [...new Set(ids)];
      return list.length ? (byIds.all(JSON.stringify(list)) as StaffMember[]) : [];
    },
  };
}
