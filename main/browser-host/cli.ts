/**
 * `npm start`: the central server on its embedded default (PGlite) with the demo portfolio, the desk's services,
 * and the renderer opened in Chromium's app mode. Everything listens on 127.0.0.1 and stops with Ctrl-C.
 *
 *   tsx main/browser-host/cli.ts [--data-dir DIR] [--port N] [--server-port N] [--server-url URL]
 *                                [--debtors N] [--no-open] [--no-pbx] [--pbx-port N]
 *
 * When Debian's Kamailio is installed, the demo also starts the test PBX on loopback, fills in the phone settings
 * of agent1…agent5 on this desk, gives a few of agent1's demo debtors a SIP account named by their mobile number,
 * and serves a caller page (the phone bar over its own engine) so a "debtor" can call the desk.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, type RunningServer } from '../../server/start';
import { openAppWindow } from './chromium';
import { startDeskHost } from './desk-host';
import { KAMAILIO_BIN, startKamailio, type KamailioHandle } from '../../test/pbx/kamailio';
import { DEFAULT_USERS } from '../../test/pbx/kamailio-config';
import { createPhoneSettingsRepo } from '../services/calls/phone-settings-repo';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data' },
    port: { type: 'string', default: '5180' },
    'server-port': { type: 'string', default: '5181' },
    'server-url': { type: 'string' },
    debtors: { type: 'string', default: '2000' },
    'no-open': { type: 'boolean', default: false },
    'no-pbx': { type: 'boolean', default: false },
    'pbx-port': { type: 'string', default: '5183' },
  },
});

/** A static loopback server for the caller page (files only under `dir`). */
function serveDir(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };
  const srv = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const file = resolve(dir, `.${path}`);
    if (!file.startsWith(resolve(dir)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[file.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => srv.listen(0, '127.0.0.1', () => {
    const a = srv.address();
    const port = typeof a === 'object' && a ? a.port : 0;
    ok({ url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => srv.close(() => r())) });
  }));
}

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

// The demo's PBX: Debian's Kamailio on loopback, when installed. Demo debtors of agent1 with a mobile number of
// their own get a SIP account named by that E.164, so a call from it carries the debtor's caller ID.
let pbx: KamailioHandle | null = null;
let callers: Array<{ name: string; e164: string }> = [];
const CALLER_PASSWORD = 'debtor-secret';
if (!values['no-pbx'] && existsSync(KAMAILIO_BIN)) {
  if (server) {
    callers = await server.db.query<{ name: string; e164: string }>(`
      SELECT d.full_name AS name, p.e164 FROM phones p JOIN debtors d ON d.id = p.debtor_id
      WHERE p.valid AND p.status = 'ok' AND p.type = 'mobile'
        AND EXISTS (SELECT 1 FROM accounts a WHERE a.debtor_id = d.id AND a.assigned_agent_id = 'u-agent1')
        AND (SELECT count(*) FROM phones q WHERE q.e164 = p.e164) = 1
      ORDER BY d.id LIMIT 5`);
  }
  try {
    pbx = await startKamailio({
      port: Number(values['pbx-port']),
      users: { ...DEFAULT_USERS, ...Object.fromEntries(callers.map((c) => [c.e164, CALLER_PASSWORD])) },
    });
  } catch (err) {
    console.warn(`recaudo: the demo PBX did not start (${(err as Error).message}); the desk runs without a phone.`);
  }
} else if (!values['no-pbx']) {
  console.log(`recaudo: Kamailio not found at ${KAMAILIO_BIN}: no demo PBX (apt-get install kamailio kamailio-websocket-modules).`);
}

const deskHost = await startDeskHost({
  userDataDir: join(dataDir, 'desk'),
  serverUrl,
  rendererDir,
  port: Number(values.port),
  ...(pbx ? { connectSrc: [pbx.wsUrl] } : {}),
});
const url = deskHost.host.launchUrl();

// Each demo agent's phone on this desk, unless already set (an agent's own changes are kept).
if (pbx) {
  const phones = createPhoneSettingsRepo(deskHost.desk.db);
  for (let i = 1; i <= 5; i++) {
    const agentId = `u-agent${i}`;
    const mine = phones.credentials(agentId);
    if (mine && !mine.wsUrl.startsWith('ws://127.0.0.1:')) continue;
    phones.save(agentId, {
      wsUrl: pbx.wsUrl, sipUser: `agent${i}`, password: pbx.users[`agent${i}`]!, displayName: `Agente ${i}`,
      iceServers: [], dtmfMode: 'rfc4733', autoRecord: false,
    });
  }
}

// A caller page: the real phone bar over its own engine, registered as a demo debtor's number.
let callerPage: { url: string; close(): Promise<void> } | null = null;
if (pbx && callers.length > 0) {
  try {
    const out = join(dataDir, 'caller-page');
    process.env.SOFTPHONE_PAGE_OUT = out;
    const { build } = await import('vite');
    await build({ configFile: resolve('test/softphone/vite.config.ts'), logLevel: 'warn' });
    callerPage = await serveDir(out);
  } catch (err) {
    console.warn(`recaudo: no caller page (${(err as Error).message})`);
  }
}

console.log(`
Recaudo is running.
  central server   ${serverUrl}
  desk             ${deskHost.host.origin}
  log in as        agent1 … agent5, lead1, admin1 — password: recaudo
`);
if (pbx) {
  console.log(`Demo PBX (Kamailio) on ${pbx.wsUrl}, domain ${pbx.domain}; agent1…agent5 have their phone set up.
  SIP test accounts:`);
  for (const [user, password] of Object.entries(pbx.users)) console.log(`    sip:${user}@${pbx.domain}  password ${password}`);
  if (callers.length > 0) {
    console.log(`  Demo debtors of agent1 who can call (their number is their SIP user, password ${CALLER_PASSWORD}):`);
    for (const c of callers) {
      const page = callerPage
        ? `${callerPage.url}bar.html?ws=${encodeURIComponent(pbx.wsUrl)}&uri=${encodeURIComponent(`sip:${c.e164}@${pbx.domain}`)}&pw=${CALLER_PASSWORD}`
        : '';
      console.log(`    ${c.e164}  ${c.name}${page ? `\n      caller page: ${page}` : ''}`);
    }
    console.log('  Open a caller page in another window, type agent1 and press Llamar: the desk pops that debtor\'s card.');
  }
  console.log('');
}
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
  await callerPage?.close();
  await pbx?.stop();
  await server?.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
