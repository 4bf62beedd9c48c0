import type { z } from 'zod';
import type { ContractShape, EventsShape, MethodSpec } from './define';
import type { Envelope } from './envelope';
import { ApiError } from './errors';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "accepts an empty object" is exactly the test
type Arg<M extends MethodSpec> = {} extends z.input<M['input']> ? [input?: z.input<M['input']>] : [input: z.input<M['input']>];

/** `window.recaudo` as both shells expose it: every method returns an Envelope (errors as data). */
export type RawBridge<C extends ContractShape, E extends EventsShape> = {
  [N in keyof C]: { [M in keyof C[N]]: (...args: Arg<C[N][M]>) => Promise<Envelope<z.output<C[N][M]['output']>>> };
} & {
  on<K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void): () => void;
};

/** What renderer code calls: the same methods, resolving to the value or throwing ApiError. */
export type Client<C extends ContractShape, E extends EventsShape> = {
  [N in keyof C]: { [M in keyof C[N]]: (...args: Arg<C[N][M]>) => Promise<z.output<C[N][M]['output']>> };
} & {
  on<K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void): () => void;
};

export type Invoke = (channel: string, input: unknown) => Promise<Envelope>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.recaudo` from the contract and a transport. The preload (ipcRenderer) and the browser host
 * (WebSocket) both call this, so the shape is identical by construction. Plain functions and objects only:
 * it must survive contextBridge's structured cloning.
 */
export function buildBridge<C extends ContractShape, E extends EventsShape>(
  contract: C,
  events: E,
  invoke: Invoke,
  subscribe: Subscribe,
): RawBridge<C, E> {
  const bridge: Record<string, unknown> = {};
  for (const [ns, methods] of Object.entries(contract)) {
    const group: Record<string, (input?: unknown) => Promise<Envelope>> = {};
    for (const m of Object.keys(methods)) {
      const channel = `${ns}.${m}`;
      group[m] = (input?: unknown) => invoke(channel, input === undefined ? {} : input);
    }
    bridge[ns] = group;
  }
  const known = new Set(Object.keys(events));
  bridge.on = (event: string, listener: (payload: unknown) => void) => {
    if (!known.has(event)) throw new Error(`unknown event ${event}`);
    return subscribe(event, listener);
  };
  return bridge as RawBridge<C, E>;
}

/** Wraps a raw bridge so renderer code gets values and ApiError exceptions. */
export function createClient<C extends ContractShape, E extends EventsShape>(
  contract: C,
  raw: RawBridge<C, E>,
): Client<C, E> {
  const client: Record<string, unknown> = {};
  const rawAny = raw as unknown as Record<string, Record<string, (input?: unknown) => Promise<Envelope>>>;
  for (const [ns, methods] of Object.entries(contract)) {
    const group: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const m of Object.keys(methods)) {
      group[m] = async (input?: unknown) => {
        const env = await rawAny[ns]![m]!(input);
        if (env.ok) return env.value;
        throw new ApiError(env.error);
      };
    }
    client[ns] = group;
  }
  client.on = raw.on.bind(raw);
  return client as Client<C, E>;
}
