import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildBridge } from '../shared/api/bridge';
import { contract, events } from '../shared/api/contract';
import { channelsOf } from '../shared/api/define';

/** Records what the preload hands to the page and sends to main, as contextBridge/ipcRenderer would see it. */
const electron = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  return {
    exposed,
    invoked,
    listeners,
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          if (key in exposed) throw new Error(`${key} already exposed`);
          exposed[key] = api;
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          invoked.push({ channel, args });
          return { ok: true, value: { channel } };
        },
        on(channel: string, l: (...a: unknown[]) => void) {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)!.add(l);
          return this;
        },
        removeListener(channel: string, l: (...a: unknown[]) => void) {
          listeners.get(channel)?.delete(l);
          return this;
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

await import('./preload');

type Bridge = Record<string, unknown> & { on: (e: string, l: (p: unknown) => void) => () => void };
const bridge = () => electron.exposed.recaudo as Bridge;

/** namespace → sorted method names, plus top-level functions: the shape the page sees. */
function shapeOf(api: Record<string, unknown>): Record<string, string[] | 'function'> {
  const out: Record<string, string[] | 'function'> = {};
  for (const [k, v] of Object.entries(api)) {
    if (typeof v === 'function') out[k] = 'function';
    else out[k] = Object.entries(v as Record<string, unknown>).map(([m, f]) => `${m}:${typeof f}`).sort();
  }
  return out;
}

beforeEach(() => {
  electron.invoked.length = 0;
});

describe('preload bridge', () => {
  it('exposes only window.recaudo', () => {
    expect(Object.keys(electron.exposed)).toEqual(['recaudo']);
  });

  it('exposes exactly the contract channels, each a function', () => {
    const api = bridge();
    const exposedChannels = Object.entries(api)
      .filter(([, v]) => typeof v === 'object')
      .flatMap(([ns, methods]) => Object.keys(methods as object).map((m) => `${ns}.${m}`))
      .sort();
    expect(exposedChannels).toEqual(channelsOf(contract));
    expect(Object.keys(api).filter((k) => typeof api[k] === 'function')).toEqual(['on']);
  });

  it('has the same shape as the bridge the browser host builds', () => {
    const hostBridge = buildBridge(contract, events, async () => ({ ok: true, value: null }), () => () => {});
    expect(shapeOf(bridge())).toEqual(shapeOf(hostBridge as unknown as Record<string, unknown>));
  });

  it('never exposes ipcRenderer or any of its functions', () => {
    const seen = new Set<unknown>();
    const walk = (v: unknown) => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
      seen.add(v);
      expect(v).not.toBe(electron.module.ipcRenderer);
      for (const fn of Object.values(electron.module.ipcRenderer)) expect(v).not.toBe(fn);
      if (typeof v === 'object') Object.values(v as object).forEach(walk);
    };
    walk(bridge());
  });

  it('invokes the method channel with the input', async () => {
    const api = bridge() as unknown as { portfolio: { card: (i: unknown) => Promise<unknown> }; app: { info: () => Promise<unknown> } };
    await api.portfolio.card({ debtorId: 'd-1' });
    await api.app.info();
    expect(electron.invoked).toEqual([
      { channel: 'portfolio.card', args: [{ debtorId: 'd-1' }] },
      { channel: 'app.info', args: [{}] },
    ]);
  });

  it('subscribes to known events only, hands the listener the payload alone, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge().on('session.changed', (p) => got.push(p));
    const channel = 'recaudo:event:session.changed';
    expect(electron.listeners.get(channel)?.size).toBe(1);
    const fakeEvent = { sender: electron.module.ipcRenderer, senderId: 0 };
    for (const l of electron.listeners.get(channel)!) l(fakeEvent, { user: null });
    expect(got).toEqual([{ user: null }]);
    off();
    expect(electron.listeners.get(channel)?.size).toBe(0);
    expect(() => bridge().on('ipc.raw', () => {})).toThrow(/unknown event/);
    expect(electron.listeners.has('recaudo:event:ipc.raw')).toBe(false);
  });
});
