import { PGlite } from '@electric-sql/pglite';
import { parseInt8, PG_TYPE, type Database, type Queryable, type Row } from './port';

const parsers = {
  [PG_TYPE.INT8]: (v: string) => parseInt8(v),
  [PG_TYPE.DATE]: (v: string) => v,
};

/** Embedded PostgreSQL (WASM) in `dataDir`, or in memory when no dir is given. One connection, serialized. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = new PGlite({ ...(dataDir ? { dataDir } : {}), parsers });
  await pg.waitReady;
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
