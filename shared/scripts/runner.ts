import type { ReasonEntry } from '../negotiation/reasons';
import type { Reached } from '../negotiation/dispositions';
import { restrictedSteps } from './graph';
import { PLACEHOLDER_PATTERN, PLACEHOLDERS, type Phase, type Script, type Step, type VerificationField } from './schema';

/**
 * A pure state machine over a validated script: every action takes the state and returns a new one (or an error
 * code), so the UI store holds it and tests drive it without a UI. It decides which account details are
 * speakable: none before right-party verification passes, none once the call is on a third-party path.
 */

export interface RunState {
  scriptId: string;
  scriptVersion: number;
  current: string;
  /** Steps visited before the current one, oldest first (for back and for the contact record). */
  history: string[];
  answers: Array<{ step: string; answer: string }>;
  /** Disclosures ticked as read, in order. */
  ticked: string[];
  verification: 'pending' | 'passed' | 'failed';
  verificationAttempts: Record<string, number>;
  thirdParty: boolean;
  reason: ReasonEntry | null;
  promiseId: string | null;
  callbackAt: string | null;
  ended: boolean;
}

export interface RunError {
  code: string;
  params: Record<string, string | number>;
}
export type RunResult = { ok: true; state: RunState } | { ok: false; error: RunError };

/** What the runner needs to check identity answers; never shown to the agent by the runner. */
export interface Identity {
  documentNumber?: string | null;
  /** YYYY-MM-DD */
  birthDate?: string | null;
  postalCode?: string | null;
}

/** Account details the UI may show as "speakable" (readable to the person on the line). */
export const ACCOUNT_DETAILS = ['creditor', 'product', 'accountNumberLast4', 'balance', 'daysPastDue', 'dueSince', 'payments', 'promises', 'offers'] as const;
export type AccountDetail = (typeof ACCOUNT_DETAILS)[number];

const ok = (state: RunState): RunResult => ({ ok: true, state });
const err = (code: string, params: Record<string, string | number> = {}): RunResult => ({ ok: false, error: { code, params } });

function stepOf(script: Script, id: string): Step {
  const s = script.steps.find((x) => x.id === id);
  if (!s) throw new Error(`script ${script.id}: no step ${id} (scripts must come from parseScript)`);
  return s;
}

export function startRun(script: Script): RunState {
  return enter(script, {
    scriptId: script.id,
    scriptVersion: script.version,
    current: script.start,
    history: [],
    answers: [],
    ticked: [],
    verification: 'pending',
    verificationAttempts: {},
    thirdParty: false,
    reason: null,
    promiseId: null,
    callbackAt: null,
    ended: false,
  }, script.start, false);
}

function enter(script: Script, s: RunState, to: string, pushHistory = true): RunState {
  const step = stepOf(script, to);
  return {
    ...s,
    history: pushHistory ? [...s.history, s.current] : s.history,
    current: to,
    thirdParty: s.thirdParty || step.type === 'third_party',
    ended: step.type === 'end',
  };
}

/** Checks that moving into `to` is allowed now (verification and mandatory disclosures), then moves. */
function go(script: Script, s: RunState, to: string): RunResult {
  const target = stepOf(script, to);
  if (target.type === 'offers' || target.type === 'promise' || target.type === 'reason') {
    if (s.verification !== 'passed' || s.thirdParty) return err('script.run.verification_locked');
    const missing = script.disclosures.find((d) => d.mandatory && !s.ticked.includes(d.id));
    if (missing) return err('script.run.disclosure_not_ticked', { id: missing.id });
  }
  return ok(enter(script, s, to));
}

/** Picks an answer of a question, offers or third-party step. */
export function answer(script: Script, s: RunState, answerId: string): RunResult {
  if (s.ended) return err('script.run.ended');
  const step = stepOf(script, s.current);
  if (!('answers' in step)) return err('script.run.wrong_step_type');
  const a = step.answers.find((x) => x.id === answerId);
  if (!a) return err('script.run.unknown_answer', { answer: answerId });
  const r = go(script, s, a.next);
  return r.ok ? ok({ ...r.state, answers: [...s.answers, { step: step.id, answer: a.id }] }) : r;
}

export function tickDisclosure(script: Script, s: RunState, disclosureId: string): RunResult {
  const step = stepOf(script, s.current);
  if (step.type !== 'disclosure') return err('script.run.wrong_step_type');
  if (!step.disclosures.includes(disclosureId)) return err('script.run.unknown_disclosure', { id: disclosureId });
  return ok(s.ticked.includes(disclosureId) ? s : { ...s, ticked: [...s.ticked, disclosureId] });
}

export function setReason(script: Script, s: RunState, reason: ReasonEntry | null): RunResult {
  if (stepOf(script, s.current).type !== 'reason') return err('script.run.wrong_step_type');
  return ok({ ...s, reason });
}

export function setPromise(script: Script, s: RunState, promiseId: string): RunResult {
  if (stepOf(script, s.current).type !== 'promise') return err('script.run.wrong_step_type');
  return ok({ ...s, promiseId });
}

export function setCallback(script: Script, s: RunState, callbackAtUtc: string): RunResult {
  if (stepOf(script, s.current).type !== 'callback') return err('script.run.wrong_step_type');
  return ok({ ...s, callbackAt: callbackAtUtc });
}

/** What keeps the current step from moving on (empty when `next` may be called). */
export function blockers(script: Script, s: RunState): RunError[] {
  const step = stepOf(script, s.current);
  switch (step.type) {
    case 'disclosure':
      return step.disclosures.filter((id) => !s.ticked.includes(id)).map((id) => ({ code: 'script.run.disclosure_not_ticked', params: { id } }));
    case 'reason':
      return step.mode === 'ask' && !s.reason ? [{ code: 'script.run.reason_required', params: {} }] : [];
    case 'promise':
      return s.promiseId ? [] : [{ code: 'script.run.promise_required', params: {} }];
    case 'callback':
      return s.callbackAt ? [] : [{ code: 'script.run.callback_required', params: {} }];
    default:
      return [];
  }
}

/** Moves on from a say, disclosure, reason, promise or callback step. */
export function next(script: Script, s: RunState): RunResult {
  if (s.ended) return err('script.run.ended');
  const step = stepOf(script, s.current);
  if (!('next' in step)) return err('script.run.wrong_step_type');
  const b = blockers(script, s)[0];
  if (b) return { ok: false, error: b };
  return go(script, s, step.next);
}

function digits(x: string): string {
  return x.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

function normalizeDate(x: string): string | null {
  const t = x.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t); // day first, as said in LatAm
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}

function expected(field: VerificationField, id: Identity): string | null {
  switch (field) {
    case 'document_number':
      return id.documentNumber ? digits(id.documentNumber) : null;
    case 'document_last4':
      return id.documentNumber && digits(id.documentNumber).length >= 4 ? digits(id.documentNumber).slice(-4) : null;
    case 'birth_date':
      return id.birthDate ?? null;
    case 'birth_year':
      return id.birthDate ? id.birthDate.slice(0, 4) : null;
    case 'postal_code':
      return id.postalCode ? digits(id.postalCode) : null;
  }
}

function given(field: VerificationField, v: string): string | null {
  if (field === 'birth_date') return normalizeDate(v);
  const d = digits(v);
  return d.length > 0 ? d : null;
}

export interface VerifyOutcome {
  result: RunResult;
  outcome: 'passed' | 'retry' | 'failed';
  attemptsLeft: number;
}

/**
 * Checks what the person said against the identity on file. Checks with no data on file are skipped; `all` means
 * every check that has data (at least one). A failed attempt with attempts left stays on the step; the last one
 * takes `onFail` and locks the call out of account details.
 */
export function verify(script: Script, s: RunState, responses: Partial<Record<VerificationField, string>>, identity: Identity): VerifyOutcome {
  const step = stepOf(script, s.current);
  if (step.type !== 'verification' || s.ended) return { result: err('script.run.wrong_step_type'), outcome: 'failed', attemptsLeft: 0 };
  // Attempts used up, or verification already failed on this call: no later answer can pass, whatever route
  // led back to this step. A caller who guessed wrong is not given another try.
  if (s.verification === 'failed' || (s.verificationAttempts[step.id] ?? 0) >= step.maxAttempts) {
    return { result: ok(enter(script, { ...s, verification: 'failed' }, step.onFail)), outcome: 'failed', attemptsLeft: 0 };
  }
  const usable = step.checks.filter((c) => expected(c.field, identity) !== null);
  const matches = usable.filter((c) => {
    const g = responses[c.field];
    return g !== undefined && given(c.field, g) === expected(c.field, identity);
  }).length;
  const needed = step.require === 'all' ? usable.length : step.require;
  const passed = usable.length > 0 && matches >= needed;
  const attempts = (s.verificationAttempts[step.id] ?? 0) + 1;
  const counted = { ...s, verificationAttempts: { ...s.verificationAttempts, [step.id]: attempts } };
  if (passed) return { result: ok(enter(script, { ...counted, verification: 'passed' }, step.onPass)), outcome: 'passed', attemptsLeft: step.maxAttempts - attempts };
  if (attempts < step.maxAttempts && usable.length > 0) return { result: ok(counted), outcome: 'retry', attemptsLeft: step.maxAttempts - attempts };
  return { result: ok(enter(script, { ...counted, verification: 'failed' }, step.onFail)), outcome: 'failed', attemptsLeft: 0 };
}

/** Follows an objection card's jump; refused when it would reach account steps without verification. */
export function useObjection(script: Script, s: RunState, objectionId: string): RunResult {
  if (s.ended) return err('script.run.ended');
  const o = script.objections.find((x) => x.id === objectionId);
  if (!o) return err('script.run.unknown_answer', { answer: objectionId });
  if (!o.goTo) return ok(s);
  const verified = s.verification === 'passed' && !s.thirdParty;
  if (!verified && !restrictedSteps(script).has(o.goTo)) return err('script.run.jump_not_allowed', { step: o.goTo });
  return go(script, s, o.goTo);
}

/** Back to the previous step; what was learned (verification, ticks, reason) stays. */
export function back(script: Script, s: RunState): RunResult {
  const prev = s.history[s.history.length - 1];
  if (prev === undefined) return err('script.run.nothing_to_undo');
  return ok({ ...s, current: prev, history: s.history.slice(0, -1), ended: stepOf(script, prev).type === 'end' });
}

/** Who the agent has on the line, for the disposition list. */
export function reached(s: RunState): Reached {
  if (s.verification === 'passed' && !s.thirdParty) return 'right_party';
  if (s.thirdParty || s.verification === 'failed') return 'third_party';
  return 'none';
}

export function speakableDetails(s: RunState): AccountDetail[] {
  return reached(s) === 'right_party' ? [...ACCOUNT_DETAILS] : [];
}

export type ScriptVars = Partial<Record<keyof typeof PLACEHOLDERS, string>>;

/** Fills placeholders; sensitive ones only when account details are speakable, else "[…]". */
export function renderText(text: string, vars: ScriptVars, speakable: boolean): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    const info = PLACEHOLDERS[name as keyof typeof PLACEHOLDERS];
    if (!info) return whole;
    if (info.sensitive && !speakable) return '[…]';
    return vars[name as keyof typeof PLACEHOLDERS] ?? whole;
  });
}

const PHASES: Phase[] = ['contact', 'verification', 'disclosure', 'circumstances', 'options', 'arrangement', 'closing'];

export interface StepView {
  id: string;
  type: Step['type'];
  phase: Phase;
  /** 1-based position of the phase in the collection process, and how many phases there are. */
  phaseIndex: number;
  phaseCount: number;
  title: string;
  say: string | null;
  hint: string | null;
  answers: Array<{ id: string; label: string; key: string | null }>;
  disclosures: Array<{ id: string; title: string; text: string; ticked: boolean; mandatory: boolean }>;
  checks: Array<{ field: VerificationField; prompt: string }>;
  outcomes: string[];
  blockers: RunError[];
  reached: Reached;
  speakable: AccountDetail[];
  objections: Array<{ id: string; trigger: string; response: string; canJump: boolean }>;
  ended: boolean;
}

/** Everything the script panel shows for the current step, wording already filled. */
export function view(script: Script, s: RunState, vars: ScriptVars): StepView {
  const step = stepOf(script, s.current);
  const speak = speakableDetails(s);
  const r = (t: string) => renderText(t, vars, speak.length > 0);
  const restricted = restrictedSteps(script);
  const verified = speak.length > 0;
  return {
    id: step.id,
    type: step.type,
    phase: step.phase,
    phaseIndex: PHASES.indexOf(step.phase) + 1,
    phaseCount: PHASES.length,
    title: r(step.title),
    say: step.say ? r(step.say) : null,
    hint: step.hint ? r(step.hint) : null,
    answers: 'answers' in step ? step.answers.map((a) => ({ id: a.id, label: r(a.label), key: a.key ?? null })) : [],
    disclosures:
      step.type === 'disclosure'
        ? step.disclosures.map((id) => {
            const d = script.disclosures.find((x) => x.id === id)!;
            return { id, title: r(d.title), text: r(d.text), ticked: s.ticked.includes(id), mandatory: d.mandatory };
          })
        : [],
    checks: step.type === 'verification' ? step.checks.map((c) => ({ field: c.field, prompt: r(c.prompt) })) : [],
    outcomes: step.type === 'end' ? step.outcomes : [],
    blockers: blockers(script, s),
    reached: reached(s),
    speakable: speak,
    objections: script.objections.map((o) => ({
      id: o.id,
      trigger: r(o.trigger),
      response: r(o.response),
      canJump: o.goTo !== undefined && !s.ended && (verified || restricted.has(o.goTo)),
    })),
    ended: s.ended,
  };
}

/** What the contact record keeps about the scripted part of the call. */
export interface ScriptContactRecord {
  scriptId: string;
  scriptVersion: number;
  disclosuresRead: string[];
  verification: RunState['verification'];
  reached: Reached;
  path: string[];
  answers: RunState['answers'];
  reason: ReasonEntry | null;
  promiseId: string | null;
  callbackAt: string | null;
}

export function contactRecord(s: RunState): ScriptContactRecord {
  return {
    scriptId: s.scriptId,
    scriptVersion: s.scriptVersion,
    disclosuresRead: s.ticked,
    verification: s.verification,
    reached: reached(s),
    path: [...s.history, s.current],
    answers: s.answers,
    reason: s.reason,
    promiseId: s.promiseId,
    callbackAt: s.callbackAt,
  };
}
