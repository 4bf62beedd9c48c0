import type { Db } from '../store/open';
import type { DebtorHit } from '../../../shared/api/methods/portfolio';

export type MatchedOn = DebtorHit['matchedOn'];

/**
 * Summaries for a search or phone-lookup result list. A debtor's total is shown in the currency most of their
 * balance is in; accounts in other currencies are counted but not added (money of different currencies never
 * sums).
 */
export function createHitSummaries(db: Db) {
  const summary = db.prepare(`
    SELECT d.id AS debtorId, d.full_name AS fullName, d.document_id AS documentId, d.city AS city,
           a.currency AS currency, count(a.id) AS accounts, coalesce(sum(a.balance_minor), 0) AS total
    FROM debtors d LEFT JOIN accounts a ON a.debtor_id = d.id
    WHERE d.id = ? GROUP BY a.currency ORDER BY total DESC`);
  return function hits(matches: ReadonlyArray<{ debtorId: string; matchedOn: MatchedOn }>): DebtorHit[] {
    const out: DebtorHit[] = [];
    const seen = new Set<string>();
    for (const m of matches) {
      if (seen.has(m.debtorId)) continue;
      seen.add(m.debtorId);
      const rows = summary.all(m.debtorId) as Array<{
        debtorId: string; fullName: string; documentId: string; city: string | null; currency: string | null;
        accounts: number; total: number;
      }>;
      const top = rows[0];
      if (!top) continue;
      out.push({
        debtorId: top.debtorId, fullName: top.fullName, documentId: top.documentId, city: top.city,
        accounts: rows.reduce((n, r) => n + r.accounts, 0), totalMinor: top.total, currency: top.currency ?? '',
        matchedOn: m.matchedOn,
      });
    }
    return out;
  };
}
