import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildServer } from './app';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { openDatabase } from './db/open';
import type { Database } from './db/port';
import { generateDemoPortfolio } from './demo/generate';
import { seedDemo, type SeedResult } from './demo/seed';
import { countUsers } from './users/repository';

export interface StartServerOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  /** Embedded PGlite in this folder (in memory when neither this nor databaseUrl is given). */
  dataDir?: string;
  /** PostgreSQL; wins over dataDir. */
  databaseUrl?: string;
  /** Seeds the demo portfolio when the database has no users yet. */
  demo?: { seed: string | number; debtors?: number; asOf?: string };
  logger?: boolean | Logger;
  jwtSecrets?: string[];
  tokenTtlSeconds?: number;
  /** Broken-promise job interval; 0 = only on demand. Default 15 min. */
  promiseJobIntervalMs?: number;
}

export interface RunningServer {
  url: string;
  db: Database;
  app: FastifyInstance;
  /** Set when this start seeded the demo portfolio. */
  seeded: SeedResult | undefined;
  close(): Promise<void>;
}

/** Today in UTC as YYYY-MM-DD: the demo's "as of" date when none is given. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Opens the database, migrates, seeds the demo if asked and empty, listens. For the CLI and for tests. */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  try {
    await migrate(db, migrations);
    let seeded: SeedResult | undefined;
    if (opts.demo && (await countUsers(db)) === 0) {
      const demo = generateDemoPortfolio({ seed: opts.demo.seed, debtors: opts.demo.debtors, asOf: opts.demo.asOf ?? todayUtc() });
      seeded = await seedDemo(db, demo);
    }
    const app = await buildServer({
      db,
      logger: opts.logger ?? false,
      jwtSecrets: opts.jwtSecrets,
      tokenTtlSeconds: opts.tokenTtlSeconds,
      databaseUrl: opts.databaseUrl,
      promiseJobIntervalMs: opts.promiseJobIntervalMs,
    });
    const address = await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
    let closed = false;
    return {
      url: address,
      db,
      app,
      seeded,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}
