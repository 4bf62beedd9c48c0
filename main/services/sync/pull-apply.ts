/**
 * Applies pulled pages to the desk store, each page in ONE transaction together with the cursor that follows
 * it, so a crash between pages resumes at the right place and never applies half a page. Removals first (an
 * account reassigned away leaves with the callbacks on it, and a debtor with no account left leaves with
 * everything hanging off them), then upserts through the slice writer, and the staff directory (names for the user
 * ids on the card). The first pull is a generation: when its last page lands, whatever the copy did not contain is
 * swept. Unsynced local work is untouched: it lives in the outbox.
 */
import type { PullPage } from '../../../shared/sync/wire';
import { SliceWriter } from '../portfolio/slice-writer';
import { createStaffStore } from '../portfolio/staff';
import { searchAccounts, searchDocument } from '../store/search-text';
import type { Db } from '../store/open';

export function createPullApplier(db: Db) {
  const writer = new SliceWriter(db);
  const staff = createStaffStore(db);
  const getMeta = db.prepare('SELECT value FROM sync_meta WHERE key = ?').pluck();
  const setMeta = db.prepare('INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const delMeta = db.prepare('DELETE FROM sync_meta WHERE key = ?');
  const debtorOf = db.prepare('SELECT debtor_id FROM accounts WHERE id = ?').pluck();
  const deleteAccount = db.prepare('DELETE FROM accounts WHERE id = ?');
  // The account's callbacks the server has (pulled ones, and the agent's own once pushed): the other agent's work
  // now. Left to ON DELETE SET NULL they would stay here as debtor-wide callbacks, and the queue would call the
  // debtor a second time at the other agent's callback time. A callback whose `callback.add` is still in the outbox
  // (pending, or refused because the account left) is the agent's own unsynced work: it stays, unlinked.
  const deleteAccountCallbacks = db.prepare(`DELETE FROM callbacks WHERE account_id = ?
      AND (seen_gen IS NOT NULL OR NOT EXISTS (SELECT 1 FROM outbox o
        WHERE o.kind = 'callback.add' AND json_extract(o.payload, '$.id') = callbacks.id))`);
  const deleteLonelyDebtor = db.prepare('DELETE FROM debtors WHERE id = ? AND NOT EXISTS (SELECT 1 FROM accounts WHERE debtor_id = ?)');
  const upsertScript = db.prepare(
    'INSERT INTO scripts (id, version, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(id, version) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at',
  );
  const searchRow = db.prepare(`SELECT d.num, d.full_name, d.document_id,
      (SELECT group_concat(account_number, ' ') FROM accounts WHERE debtor_id = d.id) AS numbers
    FROM debtors d WHERE d.id = ?`);
  const searchDelete = db.prepare('DELETE FROM debtor_search WHERE rowid = ?');
  const searchInsert = db.prepare('INSERT INTO debtor_search(rowid, name, document, accounts) VALUES (?, ?, ?, ?)');

  const cursorKey = 'sync.cursor';
  const fullGenKey = 'sync.fullGeneration';
  const fromEmptyKey = 'sync.fullFromEmpty';
  const anyAccount = db.prepare('SELECT 1 FROM accounts LIMIT 1').pluck();

  function reindex(debtorId: string): void {
    const r = searchRow.get(debtorId) as { num: number; full_name: string; document_id: string; numbers: string | null } | undefined;
    if (!r) return;
    searchDelete.run(r.num);
    searchInsert.run(r.num, r.full_name, searchDocument(r.document_id), searchAccounts((r.numbers ?? '').split(' ')));
  }

  /** The store holds another agent's slice (a shared desk): it goes, with the cursor (their outbox stays). */
  function ensureOwner(agentId: string): void {
    const owner = getMeta.get('slice.owner') as string | undefined;
    if (owner === agentId) return;
    db.transaction(() => {
      if (owner !== undefined) db.exec('DELETE FROM debtors; DELETE FROM policies; DELETE FROM creditors; DELETE FROM debtor_search;');
      setMeta.run('slice.owner', agentId);
      delMeta.run(cursorKey);
      delMeta.run(fullGenKey);
    })();
  }

  const apply = db.transaction((page: PullPage, cursorBefore: string | null) => {
    if (page.full !== 'none' && cursorBefore === null) {
      setMeta.run(fullGenKey, String(writer.begin()));
      // Into an empty store nothing can be stale: the final sweep (full scans of every table) is skipped.
      setMeta.run(fromEmptyKey, anyAccount.get() === undefined ? '1' : '0');
    }
    // Rows are stamped with the newest generation begun, never an older one: a whole-slice refresh running at
    // the same time (portfolio/refresh.ts) sweeps what its generation did not see, and must not sweep these.
    const gen = Number(getMeta.get('slice.generation') ?? 0) || writer.begin();
    const touched = new Set<string>();
    for (const id of page.removedAccounts) {
      const debtor = debtorOf.get(id) as string | undefined;
      if (debtor === undefined) continue;
      deleteAccountCallbacks.run(id);
      deleteAccount.run(id);
      if (deleteLonelyDebtor.run(debtor, debtor).changes === 0) touched.add(debtor);
    }
    // A contact or callback naming an account this store does not hold (another agent's) is kept without the
    // link by the slice writer itself.
    writer.applyPage(gen, page.slice);
    for (const s of page.scripts) upsertScript.run(s.id, s.version, JSON.stringify(s.body ?? null), s.updatedAt);
    staff.upsert(page.staff ?? []);
    for (const d of touched) reindex(d);
    if (page.full === 'last') {
      const fullGen = Number(getMeta.get(fullGenKey) ?? gen);
      if (getMeta.get(fromEmptyKey) === '1') {
        setMeta.run('slice.completedGeneration', String(fullGen));
        setMeta.run('slice.refreshedAt', new Date().toISOString());
      } else {
        writer.finish(fullGen);
      }
      delMeta.run(fullGenKey);
      delMeta.run(fromEmptyKey);
    }
    setMeta.run(cursorKey, page.cursor);
  });

  // A first pull writes hundreds of MB: checkpoint the WAL every ~64 MB instead of every 4 MB while it runs.
  const normalCheckpoint = Number(db.pragma('wal_autocheckpoint', { simple: true }) ?? 1000);
  const applyPage = (page: PullPage, cursorBefore: string | null) => {
    if (page.full === 'none') return apply(page, cursorBefore);
    db.pragma('wal_autocheckpoint = 16384');
    try {
      apply(page, cursorBefore);
    } finally {
      if (page.full === 'last') db.pragma(`wal_autocheckpoint = ${normalCheckpoint}`);
    }
  };

  return {
    ensureOwner,
    cursor: () => (getMeta.get(cursorKey) as string | undefined) ?? null,
    /** Applies a page and stores the cursor after it, atomically. */
    apply: applyPage,
  };
}
