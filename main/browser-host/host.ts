/**
 * The browser host: serves the built renderer on 127.0.0.1 and carries the typed contract over an
 * authenticated loopback WebSocket, so a plain Chromium gets the same `window.recaudo` as the Electron shell.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_PATH, HostClientMessage, LAUNCH_TOKEN_PARAM, type HostServerMessage } from '../../shared/api/host-protocol';
import type { Dispatch } from '../../shared/api/dispatch';
import { contentSecurityPolicy } from './csp';
import { loadStatic } from './static-files';
import { TokenBook } from './tokens';

/** What the host needs from the desk services: the dispatcher and the main → renderer events. */
export interface DeskPort {
  dispatch: Dispatch;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

export interface BrowserHostOptions {
  desk: DeskPort;
  rendererDir: string;
  port?: number;
  /** Origins the page may connect to besides itself (central server, PBX WebSocket). */
  connectSrc?: string[];
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

export interface BrowserHost {
  origin: string;
  /** A URL that opens the app with a fresh one-time launch token. */
  launchUrl(): string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1 << 20;

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const tokens = new TokenBook();
  const log = opts.log ?? (() => {});
  let origin = '';

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const file = await loadStatic(opts.rendererDir, req.url ?? '/');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': contentSecurityPolicy(origin, opts.connectSrc ?? []),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    })().catch((err: unknown) => {
      log('static error', { err: String(err) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    // Only our own page may open the bridge: a page on any other origin (another local server, a web site
    // doing DNS rebinding) is refused before the handshake.
    if (path !== BRIDGE_PATH || req.headers.origin !== origin) {
      log('bridge refused', { origin: req.headers.origin, path });
      socket.write('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveBridge(ws));
  });

  function serveBridge(ws: WebSocket): void {
    let authed = false;
    let unsubscribe: (() => void) | null = null;
    const send = (m: HostServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    };
    const authTimer = setTimeout(() => ws.close(4401, 'auth timeout'), 5_000);

    ws.on('message', (data) => {
      let msg: HostClientMessage;
      try {
        const parsed = HostClientMessage.safeParse(JSON.parse(String(data)));
        if (!parsed.success) throw new Error(parsed.error.message);
        msg = parsed.data;
      } catch (err) {
        log('bridge bad message', { err: String(err) });
        ws.close(4400, 'bad message');
        return;
      }
      if (!authed) {
        if (msg.type !== 'auth') {
          ws.close(4401, 'not authenticated');
          return;
        }
        const resume = msg.token ? tokens.redeemLaunchToken(msg.token) : msg.resume && tokens.checkResume(msg.resume) ? msg.resume : null;
        if (!resume) {
          send({ type: 'auth_failed', reason: 'invalid or used token' });
          ws.close(4401, 'invalid token');
          return;
        }
        authed = true;
        clearTimeout(authTimer);
        unsubscribe = opts.desk.onEvent((event, payload) => send({ type: 'event', event, payload }));
        send({ type: 'authed', resume });
        return;
      }
      if (msg.type !== 'call') return;
      const { id, channel, input } = msg;
      void opts.desk.dispatch(channel, input).then((envelope) => send({ type: 'result', id, envelope }));
    });
    ws.on('close', () => {
      clearTimeout(authTimer);
      unsubscribe?.();
    });
  }

  await new Promise<void>((resolveListen) => server.listen(opts.port ?? 0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    launchUrl: () => `${origin}/#${LAUNCH_TOKEN_PARAM}=${tokens.mintLaunchToken()}`,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
