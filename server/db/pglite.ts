import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseInt8, PG_TYPE, type Database, type Queryable, type Row } from './port';

/**
 * PGlite runs PostgreSQL inside this process, and PostgreSQL touches its whole shared buffer pool when it starts:
 * with PostgreSQL's 128 MB default the server sat at ~385 MB before any work. The embedded database serves one
 * team; its files are read through the operating system, whose page cache keeps the hot pages anyway. 32 MB of
 * buffers brings a restarted server to ~270 MB, and an import runs as fast within the machine's noise
 * (docs/import.md). Set on the command line, after PGlite's own defaults, so postgresql.conf stays initdb's.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';
const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

const parsers = {
  [PG_TYPE.INT8]: (v: string) => parseInt8(v),
  [PG_TYPE.DATE]: (v: string) => v,
};

function pgliteVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * A new PGlite cluster pays initdb (3–10 s on a busy 2-core box). A freshly initialised cluster is kept as a
 * tarball in the temp dir, per PGlite version, and loaded instead (≈0.7 s in memory): tests, `startServer()`
 * and a first run on an empty data dir start fast. Any problem with the cache falls back to a plain initdb.
 */
const templatePath = join(tmpdir(), `recaudo-pglite-initdb-${pgliteVersion()}.tar`);

async function openFresh(dataDir: string | undefined): Promise<PGlite> {
  try {
    const tar = readFileSync(templatePath);
    const pg = new PGlite({ ...(dataDir ? { dataDir } : {}), parsers, startParams, loadDataDir: new Blob([tar]) });
    await pg.waitReady;
    return pg;
  } catch {
    // No usable template: start over from an empty dir.
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
  const fresh = new PGlite({ ...(dataDir ? { dataDir } : {}), parsers, startParams });
  await fresh.waitReady;
  if (!dataDir) {
    try {
      const dump = await fresh.dumpDataDir('none');
      const tmp = `${templatePath}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      renameSync(tmp, templatePath);
    } catch {
      /* the cache is an optimisation only */
    }
  }
  return fresh;
}

/** Embedded PostgreSQL (WASM) in `dataDir`, or in memory when no dir is given. One connection, serialized. */
export async function openPglite(dataDir?: string): Promise<Database> {
  let pg: PGlite;
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) {
    pg = new PGlite({ dataDir, parsers, startParams });
    await pg.waitReady;
  } else {
    pg = await openFresh(dataDir);
  }
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
