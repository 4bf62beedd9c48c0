import type { Db } from '../store/open';
import type { DebtorHit } from '../../../shared/api/methods/portfolio';
import { alnum } from '../store/search-text';
import { createHitSummaries, type MatchedOn } from './hits';
import { createPhoneLookup } from './lookup';

export const SEARCH_LIMIT = 50;

/**
 * Search by name (any word, prefix, accents ignored: "jose per" finds "José Pérez"), document id or account number
 * (punctuation ignored: "1.023.456" finds 1023456789), or phone in any format. One FTS5 index (migration 0002).
 */
export function createSearch(db: Db) {
  const fts = db.prepare(`
    SELECT d.id AS debtorId, d.document_id AS documentId,
      (SELECT group_concat(account_number, ' ') FROM accounts WHERE debtor_id = d.id) AS numbers
    FROM debtor_search s JOIN debtors d ON d.num = s.rowid
    WHERE debtor_search MATCH ? ORDER BY s.rank LIMIT ${SEARCH_LIMIT}`);
  const lookup = createPhoneLookup(db);
  const hits = createHitSummaries(db);

  return function search(query: string): DebtorHit[] {
    const matches: Array<{ debtorId: string; matchedOn: MatchedOn }> = [];
    const digits = query.replace(/\D/g, '');
    // Phone first when it looks like one: a number typed in the search box is almost always a phone.
    if (digits.length >= 7 && /^[+\d\s().\-/]+$/.test(query.trim())) {
      for (const id of lookup(query)) matches.push({ debtorId: id, matchedOn: 'phone' });
    }
    const compact = alnum(query);
    if (/\d/.test(compact) && compact.length >= 2) {
      const rows = fts.all(`{document accounts} : ${quote(compact)}*`) as Array<{
        debtorId: string; documentId: string; numbers: string | null;
      }>;
      for (const r of rows) {
        matches.push({ debtorId: r.debtorId, matchedOn: alnum(r.documentId).startsWith(compact) ? 'document' : 'account' });
      }
    }
    const words = query.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
    if (words.length > 0 && /\p{L}/u.test(query)) {
      const expr = words.map((w) => `${quote(w)}*`).join(' AND ');
      const rows = fts.all(`{name accounts} : (${expr})`) as Array<{ debtorId: string }>;
      for (const r of rows) matches.push({ debtorId: r.debtorId, matchedOn: 'name' });
    }
    return hits(matches).slice(0, SEARCH_LIMIT);
  };
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}
