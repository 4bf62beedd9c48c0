import { tsWorker } from '../threads/ts-worker';
import type { SpawnAgendaWorker } from './agenda-thread';

/**
 * The agenda's thread from its TypeScript source, as the browser host, the benches and the tests start it (the
 * Electron shell starts the bundled `agenda-worker.cjs` instead).
 */
export const agendaWorkerFromSource: SpawnAgendaWorker = (workerData) =>
  tsWorker(new URL('./agenda-worker.ts', import.meta.url), { workerData });
