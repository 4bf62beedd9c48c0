/**
 * `npm start`: the central server on its embedded default (PGlite) with the demo portfolio, the desk's services,
 * and the renderer opened in Chromium's app mode. Everything listens on 127.0.0.1 and stops with Ctrl-C.
 *
 *   tsx main/browser-host/cli.ts [--data-dir DIR] [--port N] [--server-port N] [--server-url URL]
 *                                [--debtors N] [--no-open]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, type RunningServer } from '../../server/start';
import { openAppWindow } from './chromium';
import { startDeskHost } from './desk-host';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data' },
    port: { type: 'string', default: '5180' },
    'server-port': { type: 'string', default: '5181' },
    'server-url': { type: 'string' },
    debtors: { type: 'string', default: '2000' },
    'no-open': { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values['data-dir']!);
const rendererDir = resolve('dist/renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('recaudo: the renderer is not built; run `npm run build:renderer` (npm start does it for you).');
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });

let server: RunningServer | null = null;
let serverUrl = values['server-url'];
if (!serverUrl) {
  const debtors = Number(values.debtors);
  console.log(`recaudo: starting the central server (embedded PGlite in ${join(dataDir, 'server')})…`);
  server = await startServer({
    dataDir: join(dataDir, 'server'),
    port: Number(values['server-port']),
    demo: { seed: 'recaudo-demo', debtors },
  });
  serverUrl = server.url;
  if (server.seeded) console.log(`recaudo: demo portfolio seeded (${debtors} debtors).`);
}

const deskHost = await startDeskHost({
  userDataDir: join(dataDir, 'desk'),
  serverUrl,
  rendererDir,
  port: Number(values.port),
});
const url = deskHost.host.launchUrl();

console.log(`
Recaudo is running.
  central server   ${serverUrl}
  desk             ${deskHost.host.origin}
  log in as        agent1 … agent5, lead1, admin1 — password: recaudo
`);
if (values['no-open']) {
  console.log(`Open this address once (it carries a one-time token):\n  ${url}\n`);
} else {
  const child = openAppWindow(url, join(dataDir, 'chromium-profile'));
  if (!child) console.log(`No Chromium found; open this address once (one-time token):\n  ${url}\n`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await deskHost.close();
  await server?.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
