/** The browser host around a desk: what the CLI and the e2e tests start. */
import { openDesk, type Desk, type OpenDeskOptions } from '../services/desk';
import { keyFileProvider } from '../services/store/key-file';
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
    ...(opts.deferral ? { deferral: opts.deferral } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  try {
    const host = await startBrowserHost({
      rendererDir: opts.rendererDir,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      connectSrc: [new URL(opts.serverUrl).origin, ...(opts.connectSrc ?? [])],
      desk: {
        dispatch: desk.dispatch,
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
