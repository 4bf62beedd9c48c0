/**
 * The renderer's half of the browser host: builds `window.recaudo` over the host's WebSocket when no preload
 * put it there (i.e. we are not under Electron). Same `buildBridge`, so the same shape as the preload's.
 */
import { buildBridge } from '../../shared/api/bridge';
import { contract, events, type RecaudoBridge } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { BRIDGE_PATH, HostServerMessage, LAUNCH_TOKEN_PARAM } from '../../shared/api/host-protocol';

const RESUME_KEY = 'recaudo.resume';

interface Pending {
  channel: string;
  input: unknown;
  resolve: (e: Envelope) => void;
}

export function takeLaunchToken(): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get(LAUNCH_TOKEN_PARAM);
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

export function createWsBridge(launchToken: string | null): RecaudoBridge {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const pending = new Map<number, Pending>();
  const queue: number[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let ready = false;
  let retry = 0;
  let token = launchToken;

  const unavailable = (why: string): Envelope => ({ ok: false, error: { code: 'unavailable', message: why, key: 'errors.hostUnavailable' } });

  function connect(): void {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${BRIDGE_PATH}`);
    socket = ws;
    ws.onopen = () => {
      const resume = sessionStorage.getItem(RESUME_KEY);
      ws.send(JSON.stringify(token ? { type: 'auth', token } : { type: 'auth', resume: resume ?? undefined }));
      token = null;
    };
    ws.onmessage = (ev) => {
      const parsed = HostServerMessage.safeParse(JSON.parse(String(ev.data)));
      if (!parsed.success) return;
      const msg = parsed.data;
      switch (msg.type) {
        case 'authed':
          sessionStorage.setItem(RESUME_KEY, msg.resume);
          ready = true;
          retry = 0;
          for (const id of queue.splice(0)) flush(id);
          break;
        case 'auth_failed':
          sessionStorage.removeItem(RESUME_KEY);
          for (const [id, p] of pending) {
            pending.delete(id);
            p.resolve(unavailable(`host refused this page: ${msg.reason}`));
          }
          break;
        case 'result': {
          const p = pending.get(msg.id);
          if (p) {
            pending.delete(msg.id);
            p.resolve(msg.envelope as Envelope);
          }
          break;
        }
        case 'event':
          for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
          break;
        default: {
          const never: never = msg;
          void never;
        }
      }
    };
    ws.onclose = (ev) => {
      ready = false;
      if (ev.code === 4401) return; // refused: reconnecting would not help
      // Calls in flight may or may not have run; resend them only if they are reads? We cannot know, so fail
      // them and let the caller decide; queued (unsent) ones wait for the reconnect.
      for (const [id, p] of pending) {
        if (!queue.includes(id)) {
          pending.delete(id);
          p.resolve(unavailable('connection to the host was lost'));
        }
      }
      setTimeout(connect, Math.min(5_000, 200 * 2 ** retry++));
    };
  }

  function flush(id: number): void {
    const p = pending.get(id);
    if (!p || !socket) return;
    socket.send(JSON.stringify({ type: 'call', id, channel: p.channel, input: p.input }));
  }

  connect();

  return buildBridge(
    contract,
    events,
    (channel, input) =>
      new Promise<Envelope>((resolve) => {
        const id = nextId++;
        pending.set(id, { channel, input, resolve });
        if (ready) flush(id);
        else queue.push(id);
      }),
    (event, listener) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  );
}
