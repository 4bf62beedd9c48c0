/** Rule sets per creditor, versioned: saving writes a new version, the newest is the one in force. */
import type { Queryable } from '../db/port';
import { DEFAULT_RULE_SET, SegmentRuleSet } from './rules';

export interface StoredRuleSet {
  version: number;
  ruleSet: SegmentRuleSet;
  createdBy: string | null;
  createdAt: string | null;
}

export async function currentRuleSet(db: Queryable, creditorId: string): Promise<StoredRuleSet> {
  const [row] = await db.query<{ version: number; body: unknown; created_by: string | null; created_at: Date }>(
    'select version, body, created_by, created_at from segment_rule_sets where creditor_id = $1 order by version desc limit 1',
    [creditorId],
  );
  if (!row) return { version: 0, ruleSet: DEFAULT_RULE_SET, createdBy: null, createdAt: null };
  return {
    version: row.version,
    ruleSet: SegmentRuleSet.parse(row.body),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

export async function saveRuleSet(db: Queryable, creditorId: string, ruleSet: SegmentRuleSet, userId: string | null): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    `insert into segment_rule_sets (creditor_id, version, body, created_by)
     select $1, coalesce(max(version), 0) + 1, $2::jsonb, $3 from segment_rule_sets where creditor_id = $1
     returning version`,
    [creditorId, JSON.stringify(ruleSet), userId],
  );
  return row!.version;
}
