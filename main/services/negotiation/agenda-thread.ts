import type { Worker } from 'node:worker_threads';
import type { AgendaResult } from '../../../shared/api/methods/negotiation';
import type { AgendaReply, AgendaRequest, AgendaWorkerData } from './agenda-protocol';

/**
 * Starts agenda-worker.ts with this data: the Electron shell runs its bundled file, the browser host and the
 * tests its TypeScript source (threads/ts-worker.ts). The desk never needs to know which.
 */
export type SpawnAgendaWorker = (data: AgendaWorkerData) => Worker;

export interface AgendaThread {
  /** The agenda, computed on the thread. Rejects when the thread is gone or failed: the caller computes it itself. */
  agenda(agentId: string, range: 'today' | 'week', zone: string, now: Date, limit?: number): Promise<AgendaResult>;
  close(): Promise<void>;
}

/**
 * The desk's side of the agenda's thread, started at once (its start-up overlaps the agent's login, not their first
 * wrap-up). The thread gets its own copy of the key; the caller zeroes the one it passed. A thread that fails to
 * start or dies is not restarted (the key is gone by then): every later call rejects and the desk computes the
 * agenda itself, as before there was a thread.
 */
export function startAgendaThread(spawn: SpawnAgendaWorker, data: AgendaWorkerData, log: (msg: string, detail?: unknown) => void): AgendaThread {
  const pending = new Map<number, { resolve: (r: AgendaResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let down: Error | null = null;
  let worker: Worker | null = null;

  const fail = (err: Error) => {
    if (!down) log('the agenda thread stopped; the desk computes the agenda itself from now on', err.message);
    down ??= err;
    for (const p of pending.values()) p.reject(down);
    pending.clear();
  };
  try {
    worker = spawn(data);
    // An idle thread must not keep the process alive (tests, the browser host's shutdown).
    worker.unref();
    worker.on('message', (reply: AgendaReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.message));
    });
    worker.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
    worker.on('exit', (code) => fail(new Error(`the agenda thread exited (${code})`)));
  } catch (err) {
    fail(err instanceof Error ? err : new Error(String(err)));
  }

  return {
    agenda(agentId, range, zone, now, limit) {
      if (down || !worker) return Promise.reject(down ?? new Error('no agenda thread'));
      const id = nextId++;
      const req: AgendaRequest = { id, agentId, range, zone, now: now.toISOString(), limit };
      return new Promise<AgendaResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Referenced while a request is out, so a pending agenda is answered even when nothing else runs.
        worker!.ref();
        worker!.postMessage(req);
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      });
    },
    async close() {
      down ??= new Error('the desk is closed');
      for (const p of pending.values()) p.reject(down);
      pending.clear();
      const w = worker;
      worker = null;
      if (w) {
        w.removeAllListeners('exit');
        await w.terminate();
      }
    },
  };
}
