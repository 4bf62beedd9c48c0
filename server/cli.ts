/**
 * `tsx server/cli.ts [--port 8787] [--host 127.0.0.1] [--data-dir DIR] [--demo [--debtors N] [--seed S]]`
 * DATABASE_URL set → PostgreSQL; otherwise embedded PGlite in --data-dir (default ./data/server).
 * RECAUDO_JWT_SECRET (≥32 bytes, comma-separated for rotation) overrides the key kept in the database.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { LOG_REDACT } from './app';
import { DEMO_PASSWORD } from './demo/seed';
import { missingServerFlags } from './node-flags';
import { startServer } from './start';

const USAGE = `usage: tsx server/cli.ts [--port N] [--host H] [--data-dir DIR] [--demo] [--debtors N] [--seed S] [--token-ttl SECONDS]`;

function fail(message: string): never {
  console.error(`recaudo-server: ${message}\n${USAGE}`);
  process.exit(2);
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a whole number, got "${value}"`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      debtors: { type: 'string' },
      seed: { type: 'string' },
      'token-ttl': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = positiveInt('port', args.port, 8787);
const debtors = positiveInt('debtors', args.debtors, 2000);
if (debtors < 1) fail('--debtors must be at least 1');
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(args['data-dir'] ?? 'data/server');
const secrets = process.env.RECAUDO_JWT_SECRET?.split(',').filter(Boolean);
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: LOG_REDACT });

const missingFlags = missingServerFlags(process.execArgv);
// Started another way than `npm run server` (a systemd unit, a container): it runs, with more memory than documented.
if (missingFlags.length) logger.warn({ missingFlags }, 'Node started without the server flags (server/node-flags.ts): memory use will be higher than documented');

try {
  const server = await startServer({
    port,
    host: args.host ?? '127.0.0.1',
    ...(databaseUrl ? { databaseUrl } : { dataDir }),
    ...(args.demo ? { demo: { seed: args.seed ?? 'recaudo', debtors } } : {}),
    logger,
    ...(secrets?.length ? { jwtSecrets: secrets } : {}),
    ...(args['token-ttl'] ? { tokenTtlSeconds: positiveInt('token-ttl', args['token-ttl'], 900) } : {}),
  });
  const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`;
  if (server.seeded) {
    logger.info(server.seeded, 'demo portfolio seeded');
  }
  console.log(`\nRecaudo server on ${server.url} — database: ${where}`);
  if (args.demo) {
    console.log(`Demo users: agent1 … agent5 (team 1), lead1, admin1 — password "${DEMO_PASSWORD}"`);
    console.log(`  curl -s -X POST ${server.url}/api/v1/auth/login -H 'content-type: application/json' \\`);
    console.log(`       -d '{"username":"agent1","password":"${DEMO_PASSWORD}"}'`);
  }
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  logger.fatal({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'server failed to start');
  process.exit(1);
}
