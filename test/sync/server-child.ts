/**
 * A sync server in its own process, for kill -9 tests: `server-child.ts <pglite-dir | postgres-url> [--seed]
 * [--crash-on-commit]`. Prints `listening <url>`; with --crash-on-commit, the first push that reaches the end
 * of its transaction prints `in-transaction <clientId>` and waits there for the parent's SIGKILL.
 */
import { openDatabase } from '../../server/db/open';
import { seedOrg, startSyncServer } from './harness';
import { migrateWithSync } from '../../server/sync/schema';

const [target, ...flags] = process.argv.slice(2) as [string, ...string[]];
const db = await openDatabase(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
await migrateWithSync(db);
if (flags.includes('--seed')) await seedOrg(db, 20);
const crash = flags.includes('--crash-on-commit');
const server = await startSyncServer(db, {
  ...(target.startsWith('postgres') ? { databaseUrl: target } : {}),
  hooks: crash
    ? {
        beforeCommit: async ({ clientId }) => {
          process.stdout.write(`in-transaction ${clientId}\n`);
          await new Promise(() => undefined);
        },
      }
    : {},
});
process.stdout.write(`listening ${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => db.close()).then(() => process.exit(0)));
