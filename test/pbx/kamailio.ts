/**
 * Starts Debian's Kamailio as a foreground child process with its own generated config, runtime dir and a free
 * loopback port. Used by the softphone e2e tests, the softphone benchmark and (when installed) the demo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_NUMBERS, DEFAULT_USERS, PBX_DOMAIN, kamailioConfig } from './kamailio-config';

export const KAMAILIO_BIN = process.env.KAMAILIO_BIN ?? '/usr/sbin/kamailio';

export interface StartKamailioOptions {
  /** Loopback port for the WebSocket listener; a free one is chosen when omitted. */
  port?: number;
  users?: Readonly<Record<string, string>>;
  numbers?: Readonly<Record<string, string>>;
  debug?: number;
  /** See KamailioConfigOptions.reinviteDelayMs. */
  reinviteDelayMs?: number;
  /** Forward Kamailio's stderr (its log) to this process's stderr. */
  verbose?: boolean;
}

export interface KamailioHandle {
  port: number;
  domain: string;
  /** ws://127.0.0.1:<port> */
  wsUrl: string;
  users: Readonly<Record<string, string>>;
  configPath: string;
  /** Kamailio's log so far (stderr), for failure messages. */
  log(): string;
  stop(): Promise<void>;
  /** Stop and start again on the same port: every registration and WebSocket is lost, as in a PBX restart. */
  restart(): Promise<void>;
}

export function freePort(): Promise<number> {
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

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startKamailio(opts: StartKamailioOptions = {}): Promise<KamailioHandle> {
  if (!existsSync(KAMAILIO_BIN)) {
    throw new Error(`Kamailio not found at ${KAMAILIO_BIN}: apt-get install -y kamailio kamailio-websocket-modules`);
  }
  const port = opts.port ?? (await freePort());
  const users = opts.users ?? DEFAULT_USERS;
  const dir = mkdtempSync(join(tmpdir(), 'recaudo-kamailio-'));
  const configPath = join(dir, 'kamailio.cfg');
  writeFileSync(configPath, kamailioConfig({ port, users, numbers: opts.numbers ?? DEFAULT_NUMBERS, debug: opts.debug, reinviteDelayMs: opts.reinviteDelayMs }));

  let child: ChildProcess | null = null;
  let logText = '';

  const launch = async (): Promise<void> => {
    logText = '';
    const rundir = join(dir, 'run');
    rmSync(rundir, { recursive: true, force: true });
    const proc = spawn(
      KAMAILIO_BIN,
      ['-f', configPath, '-DD', '-E', '-Y', rundir, '-P', join(dir, 'kamailio.pid'), '-m', '32', '-M', '4', '-w', dir],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = proc;
    proc.stderr?.on('data', (d: Buffer) => {
      const s = d.toString();
      if (logText.length < 200_000) logText += s;
      if (opts.verbose) process.stderr.write(s);
    });
    let exited = false;
    proc.once('exit', () => {
      exited = true;
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`Kamailio exited on start (port ${port}):\n${logText.slice(-3000)}`);
      if (await canConnect(port)) return;
      await sleep(25);
    }
    proc.kill('SIGKILL');
    throw new Error(`Kamailio did not listen on 127.0.0.1:${port} within 10 s:\n${logText.slice(-3000)}`);
  };

  const halt = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
    // The listener must be gone before a restart binds the port again.
    for (let i = 0; i < 100 && (await canConnect(port)); i++) await sleep(20);
  };

  await launch();
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);

  return {
    port,
    domain: PBX_DOMAIN,
    wsUrl: `ws://127.0.0.1:${port}`,
    users,
    configPath,
    log: () => logText,
    async stop() {
      await halt();
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await halt();
      await launch();
    },
  };
}
