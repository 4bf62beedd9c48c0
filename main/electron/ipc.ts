/**
 * One ipcMain.handle per contract channel. Each call is answered only for our own page: the sending frame must
 * be the main frame of our window and be showing the app origin (a frame that navigated away, an iframe, or
 * another window get `forbidden`). Arguments are checked against the contract here too, so malformed input is
 * refused with field-level issues before it reaches any service.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelsOf, specFor, type ContractShape, type EventsShape } from '../../shared/api/define';
import type { Envelope } from '../../shared/api/envelope';
import { invalidInput } from '../../shared/api/errors';
import type { DeskEvents } from './desk-port';
import { isAppUrl } from './origin';

export const EVENT_CHANNEL_PREFIX = 'recaudo:event:';

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope>;

const forbidden = (channel: string): Envelope => ({
  ok: false,
  error: { code: 'forbidden', message: `${channel}: caller is not the Recaudo window`, key: 'errors.forbiddenCaller', params: { channel } },
});

/** True when the IPC message comes from the main frame of `win`, currently on the app origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  if (event.sender !== win.webContents) return false;
  if (frame !== win.webContents.mainFrame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  contract: ContractShape;
  /** The window whose page may call; read at call time (the window can be recreated). */
  window: () => BrowserWindow | null;
  dispatch: Dispatch;
  onRefused?: (channel: string, why: string) => void;
}

/** Registers the handlers; returns a function that removes them (for tests and shutdown). */
export function registerIpc(options: IpcOptions): () => void {
  const channels = channelsOf(options.contract);
  for (const channel of channels) {
    const spec = specFor(options.contract, channel)!;
    options.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope> => {
      if (!isTrustedSender(event, options.window())) {
        options.onRefused?.(channel, `sender ${event.senderFrame?.url ?? '(gone)'}`);
        return forbidden(channel);
      }
      const parsed = spec.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, channel).toData() };
      return options.dispatch(channel, input);
    });
  }
  return () => {
    for (const channel of channels) options.ipcMain.removeHandler(channel);
  };
}

/**
 * Sends the service's events to the window's page, as `recaudo:event:<name>`. Only known events, and only
 * payloads their schema accepts: the renderer never receives something the contract does not describe.
 */
export function forwardEvents(options: {
  source: DeskEvents;
  events: EventsShape;
  window: () => BrowserWindow | null;
  onDropped?: (event: string, why: string) => void;
}): () => void {
  const disposers: Array<() => void> = [];
  for (const [name, schema] of Object.entries(options.events)) {
    const listener = (payload: unknown) => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        options.onDropped?.(name, parsed.error.message);
        return;
      }
      const win = options.window();
      if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
      if (!isAppUrl(win.webContents.getURL())) {
        options.onDropped?.(name, 'page not on the app origin');
        return;
      }
      win.webContents.send(`${EVENT_CHANNEL_PREFIX}${name}`, parsed.data);
    };
    const off = options.source.on(name, listener);
    disposers.push(typeof off === 'function' ? (off as () => void) : () => options.source.off?.(name, listener));
  }
  return () => disposers.forEach((d) => d());
}

/** Routes whole namespaces to shell-local dispatchers (e.g. `updates`), everything else to the desk. */
export function routeDispatch(local: Record<string, Dispatch>, fallback: Dispatch): Dispatch {
  return (channel, input) => {
    const ns = channel.slice(0, channel.indexOf('.'));
    const target = Object.hasOwn(local, ns) ? local[ns]! : fallback;
    return target(channel, input);
  };
}
