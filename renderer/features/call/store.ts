/**
 * The guided call: one zustand store over the pure script runner (shared/scripts) and the desk's negotiation
 * methods. The runner decides what is speakable (nothing about the debt before right-party verification, nothing
 * on a third-party path); this store only moves it and talks to the desk. React renders its state.
 */
import { create } from 'zustand';
import { api } from '../../api';
import type { FormError, OffersResult, ScriptForResult } from '../../../shared/api/methods/negotiation';
import type { Identity, RunResult, RunState, Script, VerificationField } from '../../../shared/scripts';
import * as runner from '../../../shared/scripts';
import { callbackAt, DISPOSITIONS, dispositionsFor, REASONS, type Disposition, type NonPaymentReason, type PromiseRecord } from '../../../shared/negotiation';
import { endSessionIfUnauthorized } from '../session/expiry';
import { isBusinessDay } from '../../../shared/calendar';
import { EMPTY_FORM, fillPlanDates, formFromOffer, resizeDates, toDraft, type PromiseForm } from './form';

export type CallPhase = 'idle' | 'loading' | 'running' | 'wrapup' | 'done';
/** Seconds of wrap-up the agent gets after the conversation before the desk offers the next call. */
export const WRAP_UP_SECONDS = 60;

export interface LocalError {
  code: string;
  params: Record<string, string | number>;
}

interface CallState {
  phase: CallPhase;
  debtorId: string | null;
  accountId: string | null;
  info: Omit<ScriptForResult, 'script'> | null;
  script: Script | null;
  run: RunState | null;
  identity: Identity;
  /** The runner refused an action (i18n code). */
  runError: LocalError | null;
  error: unknown;
  verifyInputs: Partial<Record<VerificationField, string>>;
  verifyOutcome: 'retry' | 'failed' | 'passed' | null;
  attemptsLeft: number | null;
  reason: NonPaymentReason | '';
  reasonText: string;
  offers: OffersResult | null;
  offersLoading: boolean;
  offersError: unknown;
  form: PromiseForm;
  formErrors: FormError[];
  readBack: string | null;
  confirmed: boolean;
  saving: boolean;
  promise: PromiseRecord | null;
  callbackDate: string;
  callbackTime: string;
  callbackError: LocalError | null;
  disposition: Disposition | '';
  /** The number the call was on (E.164), when known: a wrong-number disposition marks it. */
  phoneE164: string;
  notes: string;
  wrapErrors: FormError[];
  endedAt: number | null;
  startedAt: number | null;
  start(debtorId: string, accountId: string, identity: Identity, phoneE164?: string): Promise<void>;
  reset(): void;
  answer(answerId: string): void;
  setVerifyInput(field: VerificationField, value: string): void;
  verify(): void;
  tick(disclosureId: string): void;
  setReason(code: NonPaymentReason | '', text?: string): void;
  next(): void;
  back(): void;
  loadOffers(): Promise<void>;
  pickOffer(offerId: string, locale: string): void;
  setForm(patch: Partial<PromiseForm>): void;
  preview(locale: string): Promise<boolean>;
  setConfirmed(v: boolean): void;
  savePromise(locale: string): Promise<boolean>;
  setCallback(date: string, time: string): void;
  applyCallback(): boolean;
  endCall(): void;
  setDisposition(d: Disposition | ''): void;
  setNotes(text: string): void;
  setPhone(e164: string): void;
  finish(): Promise<boolean>;
}

const initial = {
  phase: 'idle' as CallPhase, debtorId: null, accountId: null, info: null, script: null, run: null, identity: {},
  runError: null, error: null, verifyInputs: {}, verifyOutcome: null, attemptsLeft: null, reason: '' as const, reasonText: '',
  offers: null, offersLoading: false, offersError: null, form: EMPTY_FORM, formErrors: [], readBack: null, confirmed: false,
  saving: false, promise: null, callbackDate: '', callbackTime: '', callbackError: null, disposition: '' as const, phoneE164: '', notes: '',
  wrapErrors: [], endedAt: null, startedAt: null,
};

let generation = 0;

export const useCall = create<CallState>((set, get) => {
  /** Applies a runner result: the new state, or its refusal as a message. */
  const apply = (r: RunResult): boolean => {
    if (!r.ok) {
      set({ runError: r.error });
      return false;
    }
    set({ run: r.state, runError: null });
    afterMove(r.state);
    return true;
  };
  const afterMove = (s: RunState) => {
    const script = get().script;
    if (!script) return;
    const step = script.steps.find((x) => x.id === s.current);
    if (step?.type === 'offers' && !get().offers && !get().offersLoading) void get().loadOffers();
    if (s.ended && get().phase === 'running') get().endCall();
  };

  return {
    ...initial,
    async start(debtorId, accountId, identity, phoneE164) {
      const mine = ++generation;
      set({ ...initial, phase: 'loading', debtorId, accountId, identity, phoneE164: phoneE164 ?? '', startedAt: Date.now() });
      try {
        const r = await api.negotiation.scriptFor({ debtorId, accountId });
        if (mine !== generation) return;
        const { script, ...info } = r;
        const parsed = runner.ScriptSchema.parse(script);
        set({ phase: 'running', script: parsed, info, run: runner.startRun(parsed) });
      } catch (error) {
        endSessionIfUnauthorized(error);
        if (mine === generation) set({ phase: 'idle', error });
      }
    },
    reset() {
      generation++;
      set({ ...initial });
    },
    answer(answerId) {
      const { script, run } = get();
      if (script && run) apply(runner.answer(script, run, answerId));
    },
    setVerifyInput(field, value) {
      set((s) => ({ verifyInputs: { ...s.verifyInputs, [field]: value } }));
    },
    verify() {
      const { script, run, verifyInputs, identity } = get();
      if (!script || !run) return;
      const out = runner.verify(script, run, verifyInputs, identity);
      // What the person said is not kept once checked.
      set({ verifyOutcome: out.outcome, attemptsLeft: out.attemptsLeft, verifyInputs: {} });
      apply(out.result);
    },
    tick(disclosureId) {
      const { script, run } = get();
      if (script && run) apply(runner.tickDisclosure(script, run, disclosureId));
    },
    setReason(code, text) {
      const { script, run } = get();
      const reasonText = text ?? get().reasonText;
      set({ reason: code, reasonText });
      if (!script || !run) return;
      if (code === '') {
        apply(runner.setReason(script, run, null));
        return;
      }
      if (REASONS[code].textRequired && reasonText.trim() === '') {
        set({ run: { ...run, reason: null }, runError: { code: 'reason.text_required', params: {} } });
        return;
      }
      apply(runner.setReason(script, run, { code, text: reasonText.trim() }));
    },
    next() {
      const { script, run } = get();
      if (!script || !run) return;
      const step = script.steps.find((x) => x.id === run.current);
      if (step?.type === 'callback' && !run.callbackAt && !get().applyCallback()) return;
      apply(runner.next(script, get().run!));
    },
    back() {
      const { script, run } = get();
      if (!script || !run) return;
      // A failed verification is final for this call: no way back into the checks (and to the debt).
      const prev = run.history[run.history.length - 1];
      if (run.verification === 'failed' && prev !== undefined && script.steps.find((x) => x.id === prev)?.type === 'verification') {
        set({ runError: { code: 'guided.verifyLocked', params: {} } });
        return;
      }
      apply(runner.back(script, run));
    },
    async loadOffers() {
      const accountId = get().accountId;
      if (!accountId) return;
      set({ offersLoading: true, offersError: null });
      try {
        const offers = await api.negotiation.offers({ accountId });
        set({ offers, offersLoading: false });
      } catch (offersError) {
        endSessionIfUnauthorized(offersError);
        set({ offersLoading: false, offersError });
      }
    },
    pickOffer(offerId, locale) {
      const o = get().offers?.offers.find((x) => x.id === offerId);
      if (!o) return;
      set({ form: formFromOffer(o, locale), formErrors: [], readBack: null, confirmed: false });
    },
    setForm(patch) {
      const country = get().info?.country ?? '';
      const next = { ...get().form, ...patch };
      // A change to the plan's shape or first date lays its dates out again; a later date typed by hand stays.
      const reshape = ['kind', 'installments', 'frequency', 'downPayment'].some((k) => k in patch) || (patch.dates && patch.dates[0] !== get().form.dates[0]);
      const form = reshape ? fillPlanDates(next, (iso) => isBusinessDay(iso, country)) : resizeDates(next);
      set({ form, formErrors: [], readBack: null, confirmed: false });
    },
    async preview(locale) {
      const { accountId, offers, form } = get();
      if (!accountId) return false;
      const d = toDraft(form, offers?.currency ?? '', locale);
      if (!d.ok) {
        set({ formErrors: d.errors });
        return false;
      }
      set({ saving: true });
      try {
        const r = await api.negotiation.savePromise({ accountId, draft: d.draft, dryRun: true, confirmedByDebtor: false });
        if (!r.ok) {
          set({ saving: false, formErrors: r.errors, readBack: null });
          return false;
        }
        set({ saving: false, formErrors: [], readBack: r.readBack, confirmed: false });
        return true;
      } catch (error) {
        endSessionIfUnauthorized(error);
        set({ saving: false, error });
        return false;
      }
    },
    setConfirmed(confirmed) {
      set({ confirmed });
    },
    async savePromise(locale) {
      const { accountId, offers, form, confirmed, script } = get();
      if (!accountId || !script) return false;
      const d = toDraft(form, offers?.currency ?? '', locale);
      if (!d.ok) {
        set({ formErrors: d.errors });
        return false;
      }
      set({ saving: true });
      try {
        const r = await api.negotiation.savePromise({ accountId, draft: d.draft, dryRun: false, confirmedByDebtor: confirmed });
        if (!r.ok) {
          set({ saving: false, formErrors: r.errors });
          return false;
        }
        set({ saving: false, formErrors: [], promise: r.promise, disposition: 'promise_to_pay' });
        const run = get().run!;
        const withPromise = runner.setPromise(script, run, r.promise.id);
        if (withPromise.ok) apply(runner.next(script, withPromise.state));
        return true;
      } catch (error) {
        endSessionIfUnauthorized(error);
        set({ saving: false, error });
        return false;
      }
    },
    setCallback(callbackDate, callbackTime) {
      set({ callbackDate, callbackTime, callbackError: null });
    },
    applyCallback() {
      const { script, run, info, callbackDate, callbackTime } = get();
      if (!script || !run || !info) return false;
      const r = callbackAt(callbackDate, callbackTime, info.zone, new Date().toISOString());
      if (!r.ok) {
        set({ callbackError: r.error });
        return false;
      }
      set({ callbackError: null, disposition: get().disposition || 'callback' });
      return apply(runner.setCallback(script, run, r.utc));
    },
    endCall() {
      const run = get().run;
      const suggested = get().disposition || (run ? suggestedDisposition(get().script, run) : '');
      set({ phase: 'wrapup', endedAt: Date.now(), disposition: suggested });
    },
    setDisposition(disposition) {
      set({ disposition, wrapErrors: [] });
    },
    setNotes(notes) {
      set({ notes, wrapErrors: [] });
    },
    setPhone(phoneE164) {
      set({ phoneE164, wrapErrors: [] });
    },
    async finish() {
      const s = get();
      if (!s.debtorId || !s.script || !s.run || s.saving) return false;
      if (s.disposition === '') {
        set({ wrapErrors: [{ field: 'disposition', code: 'guided.wrap.dispositionRequired', params: {} }] });
        return false;
      }
      const verification = s.run.thirdParty ? 'third_party' : s.run.verification;
      const wantsCallback = DISPOSITIONS[s.disposition].callback !== 'no' && s.callbackDate !== '' && s.callbackTime !== '';
      set({ saving: true });
      try {
        const r = await api.negotiation.recordContact({
          debtorId: s.debtorId,
          accountId: s.accountId,
          disposition: s.disposition,
          reason: s.run.reason?.code ?? null,
          reasonText: s.run.reason?.text ?? '',
          notes: s.notes,
          scriptId: s.script.id,
          scriptVersion: s.script.version,
          disclosures: s.run.ticked,
          verification,
          promiseId: s.promise?.id ?? null,
          callbackAt: wantsCallback ? { date: s.callbackDate, time: s.callbackTime } : null,
          phoneE164: s.phoneE164 || null,
          ...(s.startedAt ? { startedAt: new Date(s.startedAt).toISOString() } : {}),
          ...(s.endedAt ? { endedAt: new Date(s.endedAt).toISOString() } : {}),
        });
        if (!r.ok) {
          set({ saving: false, wrapErrors: r.errors });
          return false;
        }
        set({ saving: false, phase: 'done', wrapErrors: [] });
        return true;
      } catch (error) {
        endSessionIfUnauthorized(error);
        set({ saving: false, error });
        return false;
      }
    },
  };
});

/** The end step's first outcome the call has reached, else nothing (the agent picks). */
export function suggestedDisposition(script: Script | null, run: RunState): Disposition | '' {
  if (!script) return '';
  const step = script.steps.find((x) => x.id === run.current);
  const allowed = dispositionsFor(runner.reached(run));
  if (step?.type === 'end') {
    const hit = step.outcomes.find((o) => allowed.includes(o as Disposition));
    if (hit) return hit as Disposition;
  }
  return '';
}
export { useOffers } from './offers-store';
