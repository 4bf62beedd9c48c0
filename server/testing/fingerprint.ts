import type { Queryable } from '../db/port';

/**
 * Row counts of every table in the current schema plus the change sequence's high-water mark among rows:
 * equal before and after a request means the request wrote nothing.
 */
export async function fingerprint(db: Queryable): Promise<Record<string, number>> {
  const tables = await db.query<{ t: string }>(
    `select table_name as t from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    const [row] = await db.query<{ n: number }>(`select count(*)::int8 as n from "${t}"`);
    out[t] = Number(row?.n ?? 0);
    const [col] = await db.query<{ c: string }>(
      `select column_name as c from information_schema.columns
        where table_schema = current_schema() and table_name = $1 and column_name = 'row_seq'`,
      [t],
    );
    if (col) {
      const [m] = await db.query<{ m: number | null }>(`select max(row_seq) as m from "${t}"`);
      out[`${t}.max_row_seq`] = Number(m?.m ?? 0);
    }
  }
  return out;
}
