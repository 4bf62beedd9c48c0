/**
 * The negotiation desk service (issue 6): scripts, offers, promises, contacts and the follow-up agenda over the
 * local store. Every write is the row plus its outbox mutation(s) in one transaction (saved offline first).
 */
import type { NegotiationHandlers } from './handlers';
export { createNegotiationHandlers } from './handlers';
export type { NegotiationHandlers };
