import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Migration } from './types';
import { searchDocument, searchAccounts } from '../search-text';

/**
 * Search: phones get their national significant digits (what an agent types: "311 904 9511"), and an FTS5 index
 * over debtor name, document id and account numbers, keyed by debtors.num. Backfills what 0001 already holds.
 */
export const m0002: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      ALTER TABLE phones ADD COLUMN national_digits TEXT NOT NULL DEFAULT '';
      CREATE INDEX phones_national ON phones(national_digits);
      CREATE VIRTUAL TABLE debtor_search USING fts5(
        name, document, accounts,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      CREATE TRIGGER debtors_search_delete AFTER DELETE ON debtors
        BEGIN DELETE FROM debtor_search WHERE rowid = old.num; END;
    `);
    const setDigits = db.prepare('UPDATE phones SET national_digits = ? WHERE id = ?');
    for (const row of db.prepare('SELECT id, e164 FROM phones').all() as Array<{ id: string; e164: string }>) {
      setDigits.run(nationalDigits(row.e164), row.id);
    }
    const insert = db.prepare('INSERT INTO debtor_search(rowid, name, document, accounts) VALUES (?, ?, ?, ?)');
    const rows = db.prepare(`
      SELECT d.num, d.full_name, d.document_id, group_concat(a.account_number, ' ') AS numbers
      FROM debtors d LEFT JOIN accounts a ON a.debtor_id = d.id GROUP BY d.num`).all() as Array<{
      num: number; full_name: string; document_id: string; numbers: string | null;
    }>;
    for (const r of rows) insert.run(r.num, r.full_name, searchDocument(r.document_id), searchAccounts((r.numbers ?? '').split(' ')));
  },
};

/** National significant number of an E.164 number ("+573119049511" → "3119049511"); '' when unparsable. */
export function nationalDigits(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? String(parsed.nationalNumber) : '';
}
