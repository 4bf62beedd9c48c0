/**
 * A TCP proxy between a desk and a server that injects network faults, one plan decision per connection (the
 * test server closes each connection after its response, so one connection = one request):
 * pass, drop (connection reset on the first byte), delay (every chunk, both ways), cut-request (the server
 * sees part of the request, then the connection dies), cut-response (the server did the work; the desk sees
 * part of the answer), duplicate (the request is delivered twice: once now, once again later on a second
 * connection whose answer nobody reads).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  | { kind: 'cut-request'; afterBytes: number }
  | { kind: 'cut-response'; afterBytes: number }
  | { kind: 'duplicate'; delayMs: number };

export interface FaultProxy {
  url: string;
  /** Decides the fault of each new connection (n counts connections from 0). */
  plan(fn: (n: number) => Fault): void;
  /** Point at another upstream (a server that restarted on a new port). */
  retarget(port: number): void;
  /** Cuts every open connection now (a network blip). */
  cutAll(): void;
  stats: Record<Fault['kind'], number>;
  close(): Promise<void>;
}

export async function startFaultProxy(upstreamPort: number): Promise<FaultProxy> {
  let target = upstreamPort;
  let decide: (n: number) => Fault = () => ({ kind: 'pass' });
  let n = 0;
  const open = new Set<Socket>();
  const stats: FaultProxy['stats'] = { pass: 0, drop: 0, delay: 0, 'cut-request': 0, 'cut-response': 0, duplicate: 0 };
  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => s.destroy());
    return s;
  };

  const server: Server = createServer((client) => {
    track(client);
    const fault = decide(n++);
    stats[fault.kind]++;
    if (fault.kind === 'drop') {
      client.once('data', () => client.resetAndDestroy());
      return;
    }
    const upstream = track(connect(target, '127.0.0.1'));
    const kill = () => { client.destroy(); upstream.destroy(); };
    upstream.on('close', () => client.end());
    client.on('close', () => upstream.destroy());
    const later = (ms: number, fn: () => void) => setTimeout(fn, ms);

    let sentUp = 0;
    const copies: Buffer[] = [];
    client.on('data', (chunk: Buffer) => {
      if (fault.kind === 'cut-request') {
        const room = fault.afterBytes - sentUp;
        if (room <= chunk.length) {
          upstream.write(chunk.subarray(0, Math.max(0, room)), () => kill());
          sentUp = fault.afterBytes;
          return;
        }
      }
      sentUp += chunk.length;
      if (fault.kind === 'duplicate') copies.push(chunk);
      if (fault.kind === 'delay') later(fault.ms, () => upstream.write(chunk));
      else upstream.write(chunk);
    });
    if (fault.kind === 'duplicate') {
      // The copy leaves once the original request has gone through: a replay that arrives late.
      later(fault.delayMs, () => {
        if (copies.length === 0) return;
        const dup = track(connect(target, '127.0.0.1'));
        dup.on('data', () => undefined);
        dup.write(Buffer.concat(copies));
        later(5_000, () => dup.destroy()).unref();
      });
    }

    let sentDown = 0;
    upstream.on('data', (chunk: Buffer) => {
      if (fault.kind === 'cut-response') {
        const room = fault.afterBytes - sentDown;
        if (room <= chunk.length) {
          client.write(chunk.subarray(0, Math.max(0, room)), () => kill());
          sentDown = fault.afterBytes;
          return;
        }
      }
      sentDown += chunk.length;
      if (fault.kind === 'delay') later(fault.ms, () => client.write(chunk));
      else client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    plan: (fn) => { decide = fn; },
    retarget: (p) => { target = p; },
    cutAll: () => { for (const s of [...open]) s.destroy(); },
    stats,
    close: () => new Promise<void>((resolve) => {
      for (const s of [...open]) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A small seeded PRNG (mulberry32), so a failing fault schedule can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random fault mix: a third of requests pass, the rest spread over every fault. */
export function randomFaults(random: () => number): (n: number) => Fault {
  return () => {
    const r = random();
    if (r < 0.34) return { kind: 'pass' };
    if (r < 0.45) return { kind: 'drop' };
    if (r < 0.56) return { kind: 'delay', ms: 20 + Math.floor(random() * 150) };
    if (r < 0.67) return { kind: 'cut-request', afterBytes: Math.floor(random() * 900) };
    if (r < 0.84) return { kind: 'cut-response', afterBytes: Math.floor(random() * 400) };
    return { kind: 'duplicate', delayMs: Math.floor(random() * 100) };
  };
}
