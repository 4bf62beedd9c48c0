/**
 * A throwaway PostgreSQL for tests and benchmarks: Debian's PostgreSQL 15 in a temp dir on a free loopback
 * port, trust auth, durability off (tests, not production). PostgreSQL refuses to run as root, so under root
 * initdb and the server run as the `postgres` user. A watchdog stops the cluster and removes its dir if this
 * process dies without calling stop().
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  host: string;
  port: number;
  dir: string;
  /** Connection URL to a database of the cluster (`postgres` by default). */
  url(database?: string): string;
  /** CREATE DATABASE with a fresh unique name; returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function runAsPostgres(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const passwd = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!passwd) throw new Error('running as root and there is no `postgres` user to run PostgreSQL as (apt-get install postgresql)');
  const [, , uid, gid] = passwd.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(cmd: string, args: string[], as: RunAs, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { ...as, cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', HOME: cwd } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const initdb = join(PG_BIN, 'initdb');
  if (!existsSync(initdb)) throw new Error(`PostgreSQL not found at ${PG_BIN} (apt-get install postgresql, or set PG_BIN)`);
  const as = runAsPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'recaudo-pg-'));
  chmodSync(dir, 0o700);
  if (as.uid !== undefined) chownSync(dir, as.uid, as.gid ?? as.uid);
  const data = join(dir, 'data');
  const port = await freePort();
  const host = '127.0.0.1';
  try {
    await run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], as, dir);
    const opts = [
      `-k ${dir}`,
      `-p ${port}`,
      `-h ${host}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    await run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start'], as, dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // If this process dies without stop(), the watchdog shuts the cluster down and removes its files.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ` +
        `[ -f '${data}/postmaster.pid' ] && kill -QUIT $(head -1 '${data}/postmaster.pid') 2>/dev/null; sleep 2; rm -rf '${dir}'`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();

  const url = (database = 'postgres') => `postgres://postgres@${host}:${port}/${database}`;
  let stopped = false;
  return {
    host,
    port,
    dir,
    url,
    createDatabase: (prefix = 'test') => createDatabaseOn(url(), prefix),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], as, dir);
      } finally {
        watchdog.kill();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** CREATE DATABASE on an existing cluster given its URL (e.g. the one the global setup provides). */
export async function createDatabaseOn(baseUrl: string, prefix = 'test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

