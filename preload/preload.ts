/**
 * The only bridge between the page and the main process: `window.recaudo`, built from the contract by the same
 * `buildBridge` the browser host uses, so both shells expose the identical API. Calls go out only on channels
 * the contract names; events come in only for names the contract lists, and the listener receives the payload
 * alone — never the IpcRendererEvent, whose `sender` would hand the page ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge, type Invoke, type Subscribe } from '../shared/api/bridge';
import { contract, events } from '../shared/api/contract';
import { channelsOf } from '../shared/api/define';
import type { Envelope } from '../shared/api/envelope';

export const EVENT_CHANNEL_PREFIX = 'recaudo:event:';

const allowedChannels = new Set(channelsOf(contract));
const allowedEvents = new Set(Object.keys(events));

const invoke: Invoke = async (channel, input) => {
  if (!allowedChannels.has(channel)) {
    const env: Envelope = {
      ok: false,
      error: { code: 'unknown_method', message: `unknown method ${channel}`, key: 'errors.unknownMethod', params: { channel } },
    };
    return env;
  }
  return (await ipcRenderer.invoke(channel, input)) as Envelope;
};

const subscribe: Subscribe = (event, listener) => {
  if (!allowedEvents.has(event)) throw new Error(`unknown event ${event}`);
  const channel = `${EVENT_CHANNEL_PREFIX}${event}`;
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
};

contextBridge.exposeInMainWorld('recaudo', buildBridge(contract, events, invoke, subscribe));
