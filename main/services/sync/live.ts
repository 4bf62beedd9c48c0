/**
 * The live channel: a WebSocket to the server that says "pull now". Reconnects with exponential backoff and
 * jitter (0.5 s → 30 s); a connection that opens resets the backoff and triggers a catch-up sync.
 */
import WebSocket from 'ws';
import { LiveMessage, syncRoutes } from '../../../shared/sync/wire';

export interface LiveOptions {
  baseUrl: () => string;
  token: () => string | null;
  onChanged: () => void;
  onOpen: () => void;
  onClose: () => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

export function createLive(opts: LiveOptions) {
  const min = opts.minBackoffMs ?? 500;
  const max = opts.maxBackoffMs ?? 30_000;
  const random = opts.random ?? Math.random;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let running = false;
  let connected = false;

  function schedule(): void {
    if (!running || timer) return;
    const delay = Math.min(max, min * 2 ** attempt) * (0.5 + random() / 2);
    attempt = Math.min(attempt + 1, 16);
    timer = setTimeout(() => { timer = null; connect(); }, delay);
    timer.unref?.();
  }

  function connect(): void {
    if (!running || socket) return;
    const token = opts.token();
    if (!token) { schedule(); return; }
    const url = new URL(opts.baseUrl().replace(/\/+$/, '') + syncRoutes.live.path);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, handshakeTimeout: 10_000 });
    socket = ws;
    ws.on('open', () => {
      attempt = 0;
      connected = true;
      opts.onOpen();
    });
    ws.on('message', (data) => {
      let parsed: unknown;
      try { parsed = JSON.parse(String(data)); } catch { return; }
      const m = LiveMessage.safeParse(parsed);
      if (m.success && m.data.type === 'changed') opts.onChanged();
    });
    const closed = () => {
      if (socket !== ws) return;
      socket = null;
      if (connected) { connected = false; opts.onClose(); }
      schedule();
    };
    ws.on('close', closed);
    ws.on('error', () => { ws.terminate(); closed(); });
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      attempt = 0;
      connect();
    },
    stop(): void {
      running = false;
      if (timer) { clearTimeout(timer); timer = null; }
      const ws = socket;
      socket = null;
      connected = false;
      ws?.terminate();
    },
    /** Drop the current socket and reconnect now (server URL changed, new token). */
    reconnect(): void {
      const ws = socket;
      socket = null;
      connected = false;
      ws?.terminate();
      if (timer) { clearTimeout(timer); timer = null; }
      attempt = 0;
      connect();
    },
    get connected() { return connected; },
  };
}
export type Live = ReturnType<typeof createLive>;
