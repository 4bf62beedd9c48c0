/**
 * Re-segments a creditor's accounts with a rule set: pages through accounts by id (keyset), evaluates each in
 * memory, writes only the accounts whose segment changes (one statement per page, one transaction per page),
 * so the sync cursor (row_seq) moves only for what the agents must re-pull. `dryRun` counts without writing.
 */
import type { Database } from '../db/port';
import { compileSegmenter } from './evaluate';
import type { SegmentRuleSet } from './rules';

export interface ResegmentResult {
  accounts: number;
  changed: number;
  bySegment: Record<string, number>;
}

interface AccountForSegment {
  id: string;
  segment: string;
  days_past_due: number;
  balance_minor: number;
  currency: string;
  product: string;
  profile: string;
  region: string | null;
  country: string;
  birth_date: string | null;
  language: string;
  [k: string]: unknown;
}

export async function resegment(
  db: Database,
  creditorId: string,
  ruleSet: SegmentRuleSet,
  opts: { asOf: string; dryRun?: boolean; pageSize?: number },
): Promise<ResegmentResult> {
  const seg = compileSegmenter(ruleSet, opts.asOf);
  const pageSize = opts.pageSize ?? 5000;
  const result: ResegmentResult = { accounts: 0, changed: 0, bySegment: {} };
  let after = '';
  for (;;) {
    const page = await db.query<AccountForSegment>(
      `select a.id, a.segment, a.days_past_due, a.balance_minor, a.currency, a.product,
              d.profile, d.region, d.country, d.birth_date, d.language
         from accounts a join debtors d on d.id = a.debtor_id
        where a.creditor_id = $1 and a.id > $2
        order by a.id limit $3`,
      [creditorId, after, pageSize],
    );
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const ids: string[] = [];
    const segments: string[] = [];
    for (const a of page) {
      const s = seg({
        daysPastDue: a.days_past_due,
        balanceMinor: a.balance_minor,
        currency: a.currency,
        profile: a.profile,
        product: a.product,
        region: a.region,
        country: a.country,
        birthDate: a.birth_date,
        language: a.language,
      });
      result.bySegment[s] = (result.bySegment[s] ?? 0) + 1;
      if (s !== a.segment) {
        ids.push(a.id);
        segments.push(s);
      }
    }
    result.accounts += page.length;
    result.changed += ids.length;
    if (!opts.dryRun && ids.length > 0) {
      await db.transaction((tx) =>
        tx.query(
          `update accounts a set segment = t.sg from unnest($1::text[], $2::text[]) as t(id, sg)
            where a.id = t.id and a.segment is distinct from t.sg`,
          [ids, segments],
        ),
      );
    }
    if (page.length < pageSize) break;
  }
  return result;
}
