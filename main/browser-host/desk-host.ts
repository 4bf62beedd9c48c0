/** The browser host around a desk: what the CLI and the e2e tests start. */
import { openDesk, type Desk, type OpenDeskOptions } from '../services/desk';
import { keyFileProvider } from '../services/store/key-file';
import { agendaWorkerFromSource } from '../services/negotiation/agenda-worker-source';
import { startBrowserHost, type BrowserHost } from './host';

export interface DeskHostOptions {
  userDataDir: string;
  serverUrl: string;
  rendererDir: string;
  port?: number;
  /** WebSocket origins the page may reach besides the host (the PBX). */
  connectSrc?: string[];
  deferral?: OpenDeskOptions['deferral'];
  now?: () => Date;
}

export interface DeskHost {
  desk: Desk;
  host: BrowserHost;
  close(): Promise<void>;
}

export async function startDeskHost(opts: DeskHostOptions): Promise<DeskHost> {
  const desk = openDesk({
    userDataDir: opts.userDataDir,
    // The browser host's weaker mode: a 0600 key file beside the store (docs/store.md).
    keyProvider: keyFileProvider(opts.userDataDir),
    serverUrl: opts.serverUrl,
    host: { kind: 'browser', autoUpdate: false },
    agendaWorker: agendaWorkerFromSource,
    ...(opts.deferral ? { deferral: opts.deferral } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  // connect-src: the server, the caller's extra origins, and every PBX origin saved in this desk's phone settings.
  // The host reads this array on each page load, so a PBX saved in the form is allowed from the next load on.
  const fixed = [new URL(opts.serverUrl).origin, ...(opts.connectSrc ?? [])];
  const connectSrc = [...fixed];
  const refreshConnect = () => connectSrc.splice(0, connectSrc.length, ...new Set([...fixed, ...desk.pbxOrigins()]));
  refreshConnect();
  try {
    const host = await startBrowserHost({
      rendererDir: opts.rendererDir,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      connectSrc,
      desk: {
        dispatch: async (channel, input) => {
          const r = await desk.dispatch(channel, input);
          if (channel === 'phone.save' && r.ok) refreshConnect();
          return r;
        },
        onEvent: (listener) => desk.events.onAny(listener),
      },
    });
    return {
      desk,
      host,
      async close() {
        await host.close();
        desk.close();
      },
    };
  } catch (err) {
    desk.close();
    throw err;
  }
}
