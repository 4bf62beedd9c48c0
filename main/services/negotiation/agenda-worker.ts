/**
 * The follow-up agenda's own thread (agenda-thread.ts starts it): a read-only connection to the desk's store and
 * the same `createAgenda` the desk runs in-thread. Rebuilding the agenda reads and tracks every open promise of
 * the agent (~0.9 s at 200,000 accounts, after every wrap-up); here it no longer holds the desk's event loop,
 * so a call that rings meanwhile is looked up at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/open';
import { createAgenda } from './agenda';
import type { AgendaReply, AgendaRequest, AgendaWorkerData } from './agenda-protocol';

const data = workerData as AgendaWorkerData;
const key = Buffer.from(data.key);
data.key.fill(0);
const { db } = openStore({ file: data.file, key, readonly: true });
key.fill(0);
const agenda = createAgenda(db);
// One read transaction per agenda: its queries (promises, payments, callbacks…) see one snapshot of the store, as
// they did on the desk's thread, where no write could land between them.
const agendaAt = db.transaction((req: AgendaRequest) => agenda(req.agentId, req.range, req.zone, new Date(req.now), req.limit));

parentPort!.on('message', (req: AgendaRequest) => {
  let reply: AgendaReply;
  try {
    reply = { id: req.id, ok: true, result: agendaAt(req) };
  } catch (err) {
    reply = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
