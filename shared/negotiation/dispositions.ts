import { z } from 'zod';

/**
 * How a contact attempt ended. Each code says who was reached and what the wrap-up must carry (a promise, a
 * callback time, a note), and what it changes (a phone marked wrong, a stop flag raised). Labels in
 * messages.ts `disposition.<code>`.
 */
export const DispositionSchema = z.enum([
  'promise_to_pay',
  'already_paid',
  'refused',
  'callback',
  'dispute',
  'cease_request',
  'attorney',
  'no_answer',
  'busy',
  'voicemail',
  'disconnected',
  'wrong_number',
  'third_party',
  'hung_up',
  'deceased',
]);
export type Disposition = z.infer<typeof DispositionSchema>;

export type Reached = 'none' | 'third_party' | 'right_party';
export type Need = 'required' | 'optional' | 'no';

export interface DispositionInfo {
  reached: Reached;
  promise: Need;
  callback: Need;
  note: Need;
  /** Reason for non-payment may be recorded (right-party conversations only). */
  reason: Need;
  /** Phone status the disposition sets. */
  phoneStatus?: 'wrong_number' | 'not_debtor';
  /** Stop flag it raises on the debtor (shared/domain StopFlag). */
  flag?: 'dispute_pending' | 'cease_communication' | 'attorney_represented' | 'deceased';
  /** Whether it counts as a conversation (Reg F's 7-day rule counts from one). */
  conversation: boolean;
}

const attempt = (extra: Partial<DispositionInfo> = {}): DispositionInfo => ({
  reached: 'none',
  promise: 'no',
  callback: 'optional',
  note: 'optional',
  reason: 'no',
  conversation: false,
  ...extra,
});
const rightParty = (extra: Partial<DispositionInfo> = {}): DispositionInfo => ({
  reached: 'right_party',
  promise: 'no',
  callback: 'optional',
  note: 'optional',
  reason: 'optional',
  conversation: true,
  ...extra,
});

export const DISPOSITIONS: Record<Disposition, DispositionInfo> = {
  promise_to_pay: rightParty({ promise: 'required', callback: 'no' }),
  already_paid: rightParty({ note: 'required' }),
  refused: rightParty(),
  callback: rightParty({ callback: 'required' }),
  dispute: rightParty({ note: 'required', callback: 'no', flag: 'dispute_pending' }),
  cease_request: rightParty({ callback: 'no', note: 'required', reason: 'no', flag: 'cease_communication' }),
  attorney: rightParty({ callback: 'no', note: 'required', reason: 'no', flag: 'attorney_represented' }),
  no_answer: attempt(),
  busy: attempt(),
  voicemail: attempt(),
  disconnected: attempt({ callback: 'no', phoneStatus: 'wrong_number' }),
  wrong_number: attempt({ callback: 'no', phoneStatus: 'not_debtor' }),
  third_party: attempt({ reached: 'third_party' }),
  hung_up: attempt(),
  deceased: attempt({ reached: 'third_party', callback: 'no', note: 'required', flag: 'deceased' }),
};

export const DISPOSITION_CODES = DispositionSchema.options;

/** Dispositions the agent may pick given how far the call got (no right-party codes before verification). */
export function dispositionsFor(reached: Reached): Disposition[] {
  const rank: Record<Reached, number> = { none: 0, third_party: 1, right_party: 2 };
  return DISPOSITION_CODES.filter((c) => rank[DISPOSITIONS[c].reached] <= rank[reached]);
}

export interface WrapUpInput {
  disposition: Disposition;
  promiseId?: string | null;
  /** UTC instant from `callbackAt`. */
  callbackAt?: string | null;
  note?: string;
  reason?: string | null;
  /** How far the call got (from the script runner). */
  reached: Reached;
}

export interface WrapUpError {
  field: 'disposition' | 'promise' | 'callback' | 'note' | 'reason';
  code: string;
  params: Record<string, string | number>;
}

/** Checks the wrap-up carries what its disposition needs; one error per field, i18n codes. */
export function validateWrapUp(w: WrapUpInput): WrapUpError[] {
  const info = DISPOSITIONS[w.disposition];
  const out: WrapUpError[] = [];
  if (!dispositionsFor(w.reached).includes(w.disposition)) {
    out.push({ field: 'disposition', code: 'disposition.not_reached', params: { disposition: w.disposition } });
  }
  const has = (v: string | null | undefined) => typeof v === 'string' && v.trim().length > 0;
  if (info.promise === 'required' && !has(w.promiseId)) out.push({ field: 'promise', code: 'disposition.promise_required', params: {} });
  if (info.promise === 'no' && has(w.promiseId)) out.push({ field: 'promise', code: 'disposition.promise_not_allowed', params: {} });
  if (info.callback === 'required' && !has(w.callbackAt)) out.push({ field: 'callback', code: 'disposition.callback_required', params: {} });
  if (info.callback === 'no' && has(w.callbackAt)) out.push({ field: 'callback', code: 'disposition.callback_not_allowed', params: {} });
  if (info.note === 'required' && !has(w.note)) out.push({ field: 'note', code: 'disposition.note_required', params: {} });
  if (info.reason === 'no' && has(w.reason)) out.push({ field: 'reason', code: 'disposition.reason_not_allowed', params: {} });
  return out;
}

/** Seconds of wrap-up left after the call ended (the agent is not offered a new call until it is 0 or done). */
export function wrapUpRemainingSeconds(endedAtUtc: string, nowUtc: string, wrapUpSeconds: number): number {
  const elapsed = (Date.parse(nowUtc) - Date.parse(endedAtUtc)) / 1000;
  return Math.max(0, Math.ceil(wrapUpSeconds - elapsed));
}
