/**
 * The ONE dialing path of the desk. Every call the agent places — a phone on the debtor's card, the queue's next
 * account, progressive dialing, a callback — goes through `dial()`: the compliance check runs first on the desk
 * (recorded in the audit log whatever it decides), and only an allowed attempt reaches the phone. A blocked one
 * leaves its decision here for the panel in the debtor column; a lead can authorize an exception with a reason.
 */
import { create } from 'zustand';
import { api } from '../../api';
import type { DialDecision } from '../../../shared/api/methods/compliance';
import { endSessionIfUnauthorized } from '../session/expiry';
import { placeCall, type PlaceResult } from './phone-link';

export type DialSource = 'manual' | 'queue' | 'progressive' | 'callback';

export interface DialRequest {
  debtorId: string;
  /** The account the call is about (queue, callback); omitted from the card = the debtor in general. */
  accountId?: string;
  phoneE164: string;
  source: DialSource;
}

export type DialOutcome =
  | { kind: 'blocked'; request: DialRequest; decision: DialDecision }
  | { kind: 'placed'; request: DialRequest; decision: DialDecision }
  | { kind: 'not_connected'; request: DialRequest; decision: DialDecision }
  | { kind: 'phone_error'; request: DialRequest; decision: DialDecision; error: { key: string; params?: Record<string, unknown> } };

interface DialState {
  /** The request being checked, if any. */
  checking: DialRequest | null;
  /** The last outcome, shown in the debtor column until dismissed or another dial. */
  outcome: DialOutcome | null;
  /** A failure of the check itself (not a block): shown with ErrorNotice. */
  error: unknown;
  overriding: boolean;
  overrideError: unknown;
  dial(req: DialRequest): Promise<DialOutcome | null>;
  /** A lead authorizes the blocked attempt on screen, with a reason. */
  authorize(reason: string): Promise<DialOutcome | null>;
  dismiss(): void;
}

function afterAllowed(request: DialRequest, decision: DialDecision): DialOutcome {
  const r: PlaceResult = placeCall(request.phoneE164, request.debtorId);
  if (r.ok) return { kind: 'placed', request, decision };
  if (r.reason === 'not_connected') return { kind: 'not_connected', request, decision };
  return { kind: 'phone_error', request, decision, error: r.error };
}

export const useDial = create<DialState>((set, get) => ({
  checking: null,
  outcome: null,
  error: null,
  overriding: false,
  overrideError: null,
  async dial(request) {
    if (get().checking) return null; // one dial at a time: a double click does not check twice
    set({ checking: request, error: null, outcome: null, overrideError: null });
    try {
      const decision = await api.compliance.checkDial({
        debtorId: request.debtorId, phoneE164: request.phoneE164, channel: 'call',
        ...(request.accountId ? { accountId: request.accountId } : {}),
      });
      const outcome: DialOutcome = decision.allowed ? afterAllowed(request, decision) : { kind: 'blocked', request, decision };
      set({ checking: null, outcome });
      return outcome;
    } catch (error) {
      if (endSessionIfUnauthorized(error)) return null;
      set({ checking: null, error });
      return null;
    }
  },
  async authorize(reason) {
    const current = get().outcome;
    if (!current || current.kind !== 'blocked' || get().overriding) return null;
    const { request } = current;
    set({ overriding: true, overrideError: null });
    try {
      const decision = await api.compliance.override({
        debtorId: request.debtorId, phoneE164: request.phoneE164, channel: 'call', reason,
        ...(request.accountId ? { accountId: request.accountId } : {}),
      });
      const outcome: DialOutcome = decision.allowed ? afterAllowed(request, decision) : { kind: 'blocked', request, decision };
      set({ overriding: false, outcome });
      return outcome;
    } catch (error) {
      if (endSessionIfUnauthorized(error)) return null;
      set({ overriding: false, overrideError: error });
      return null;
    }
  },
  dismiss: () => set({ outcome: null, error: null, overrideError: null }),
}));

/** The dial action every caller uses. */
export function dial(req: DialRequest): Promise<DialOutcome | null> {
  return useDial.getState().dial(req);
}
