import type { AgendaResult } from '../../../shared/api/methods/negotiation';

/** What the agenda's thread is started with: the store and its key (the thread opens its own connection). */
export interface AgendaWorkerData {
  file: string;
  key: Uint8Array;
}

export interface AgendaRequest {
  id: number;
  agentId: string;
  range: 'today' | 'week';
  zone: string;
  /** ISO instant: the desk's clock, so the thread answers for the same moment as the desk would. */
  now: string;
  limit: number | undefined;
}

export type AgendaReply = { id: number; ok: true; result: AgendaResult } | { id: number; ok: false; message: string };
