import { afterPaint } from '../../lib/after-paint';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Kbd } from '../../ui/Kbd';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Section } from '../../ui/Panel';
import { FollowUpCalendar } from '../calendar/FollowUpCalendar';
import { useCalendar } from '../calendar/store';
import { useDebtor } from '../debtor/store';
import { usePhone } from '../phone/store';
import { useQueue } from '../queue/store';
import { DebtDetails } from './DebtDetails';
import { keyOf } from '../../app/shortcuts';
import { callKeyFor } from './keys';
import { OffersPreview } from './OffersPreview';
import { PROMISE_FORM_ID, SavedPromise } from './PromiseFormView';
import { StepView } from './StepView';
import { useCall, useOffers } from './store';
import { WrapUp } from './WrapUp';
import * as runner from '../../../shared/scripts';
import './i18n';
import './call.css';

/**
 * The guided call column. Idle: what the call will run on (policy segments, restrictions, the policy's offers)
 * and the follow-up calendar. During a call: the script step with its suggested wording, verification before
 * any debt detail, disclosures to read and tick, reason, offers, the promise form with its read-back, and the
 * wrap-up with its disposition and timer.
 */
export function GuidedCallPanel() {
  const { t } = useTranslation();
  const card = useDebtor((s) => s.card);
  const phase = useCall((s) => s.phase);
  const callDebtor = useCall((s) => s.debtorId);
  const error = useCall((s) => s.error);
  const ended = useCall((s) => s.run?.ended ?? false);
  const colRef = useRef<HTMLElement>(null);
  const segments = card ? [...new Set(card.accounts.filter((a) => a.status === 'active').map((a) => a.segment))].sort() : [];
  const flags = card?.debtor.flags ?? [];
  // The account the call is about: the queue's cursor when it is this debtor's, else their largest open one.
  const cursor = useQueue((s) => s.items.find((i) => i.accountId === s.selectedId));
  const active = card ? card.accounts.filter((a) => a.status === 'active').sort((a, b) => b.balanceMinor - a.balanceMinor) : [];
  const account = active.find((a) => a.id === cursor?.accountId) ?? active[0] ?? null;
  const accountId = account?.id ?? null;
  useEffect(() => {
    if (!accountId) {
      useOffers.getState().clear();
      return undefined;
    }
    // After the card is painted: the screen-pop shows who is calling first (the preview says "loading" meanwhile).
    return afterPaint(() => void useOffers.getState().load(accountId));
  }, [accountId]);
  // Another debtor opened while a call is on screen that was never started: back to idle for them.
  useEffect(() => {
    const s = useCall.getState();
    if (card && s.debtorId && s.debtorId !== card.debtor.id && (s.phase === 'done' || s.phase === 'idle')) s.reset();
  }, [card]);
  useEffect(() => {
    if (phase === 'done') {
      // What the call saved shows at once: the card's timeline, the queue's reasons, the calendar.
      void useCalendar.getState().refresh();
      void useDebtor.getState().reload();
      // The local queue only (no server pull): the promise or callback is in the local store already.
      void useQueue.getState().load();
    }
    // The call takes the keyboard: Enter and Esc act on the script, not on the queue row that was focused.
    if (phase === 'running' && colRef.current && !colRef.current.contains(document.activeElement)) colRef.current.focus();
  }, [phase]);

  const start = () => {
    if (!card || !accountId || flags.length > 0) return;
    // The number of the answered softphone call, when it is one of the debtor's.
    const remote = usePhone.getState().snapshot?.calls.find((c) => c.answeredAt !== undefined && c.endedAt === undefined)?.remote ?? '';
    const digits = remote.replace(/\D/g, '');
    const phone = digits.length >= 7 ? card.phones.find((p) => p.e164.replace(/\D/g, '').endsWith(digits) || digits.endsWith(p.e164.replace(/\D/g, ''))) : undefined;
    void useCall.getState().start(card.debtor.id, accountId, { documentNumber: card.debtor.documentId, birthDate: card.debtor.birthDate }, phone?.e164);
  };

  // A call answered on the softphone while a debtor is open starts the guided call on it.
  const answeredId = usePhone((p) => p.snapshot?.calls.find((c) => c.answeredAt !== undefined && c.endedAt === undefined)?.id ?? null);
  useEffect(() => {
    if (answeredId && (useCall.getState().phase === 'idle' || useCall.getState().phase === 'done')) start();
    // start() reads the card on screen when the call is answered; later card changes do not restart it.
  }, [answeredId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const el = document.activeElement;
      const inField = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
      const action = callKeyFor({ key: keyOf(e), altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, inField }, useCall.getState().phase);
      if (!action) return;
      const col = colRef.current;
      if (!col) return;
      // Enter in a notes box is a new line; elsewhere the column's keys win only for the column or the page body.
      if (action.kind === 'confirm' && el instanceof HTMLTextAreaElement) return;
      const inColumn = !el || el === document.body || col.contains(el);
      if ((action.kind === 'confirm' || action.kind === 'back') && !inColumn) return;
      const click = (sel: string): boolean => {
        const b = col.querySelector<HTMLButtonElement>(sel);
        if (!b || b.disabled) return false;
        b.click();
        return true;
      };
      let handled = false;
      switch (action.kind) {
        case 'start':
          start();
          handled = true;
          break;
        case 'promise': {
          const s = useCall.getState();
          const step = s.script?.steps.find((x) => x.id === s.run?.current);
          if (step?.type === 'offers') {
            const toPromise = step.answers.find((a) => s.script!.steps.find((x) => x.id === a.next)?.type === 'promise');
            if (toPromise) s.answer(toPromise.id);
          }
          setTimeout(() => document.querySelector<HTMLElement>(`#${PROMISE_FORM_ID} select, #${PROMISE_FORM_ID} input`)?.focus(), 0);
          handled = true;
          break;
        }
        case 'wrapUp':
          useCall.getState().endCall();
          handled = true;
          break;
        case 'answer':
          handled = click(`[data-call-key="${action.key}"]`);
          break;
        case 'confirm':
          handled = click('[data-call-primary="true"]');
          break;
        case 'back':
          useCall.getState().back();
          handled = true;
          break;
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const inCall = phase === 'running' || phase === 'wrapup' || phase === 'loading';
  return (
    <section className="col col-call" aria-labelledby="call-h" ref={colRef} tabIndex={-1} data-testid="call-column" data-phase={phase}>
      <header className="col-head">
        <h2 id="call-h" className="col-title">{t('call.title')}</h2>
        {phase === 'running' && (
          <span className="col-tools">
            <button type="button" className="btn btn-small" onClick={() => useCall.getState().back()}>{t('guided.back')} <Kbd>Esc</Kbd></button>
            <button type="button" className="btn btn-small" data-testid="call-end" onClick={() => useCall.getState().endCall()}>{t('guided.endCall')} <Kbd>Alt+F</Kbd></button>
          </span>
        )}
      </header>
      <div className="col-body">
        {error ? <ErrorNotice error={error} onRetry={start} compact /> : null}
        {!inCall && (
          <>
            <div className="call-idle" data-testid="call-state">
              {phase === 'done' && callDebtor === card?.debtor.id ? (
                <Done />
              ) : (
                <>
                  <p className="call-idle-title">
                    <span className="state-mark" aria-hidden="true">○</span> {t('call.noCall')}
                  </p>
                  <p className="muted">{card ? t('call.noCallHint') : t('call.noDebtor')}</p>
                </>
              )}
              {card && segments.length > 0 && (
                <p className="call-policy">
                  {segments.length === 1 ? t('call.policy', { segment: segments[0] }) : t('call.policies', { segments: segments.join(', ') })}
                </p>
              )}
              {flags.length > 0 && (
                <p className="notice notice-error">
                  <span aria-hidden="true">⊘</span> {t('call.contactBlocked', { flags: flags.map((f) => t(`flag.${f}`)).join(', ') })}
                </p>
              )}
              {card && account && flags.length === 0 && (
                <button type="button" className="btn btn-primary btn-block" data-testid="call-start" onClick={start} title={t('guided.startHint', { name: card.debtor.fullName, account: account.accountNumber })}>
                  {t('guided.start')} <Kbd>Alt+G</Kbd>
                </button>
              )}
            </div>
            {accountId && (
              <Section title={t('call.offers')} aside={account ? account.accountNumber : undefined}>
                <OffersPreview accountId={accountId} onRetry={() => { useOffers.getState().clear(); void useOffers.getState().load(accountId); }} />
              </Section>
            )}
            <FollowUpCalendar />
          </>
        )}
        {phase === 'loading' && <p className="placeholder-text">{t('guided.loading')}</p>}
        {(phase === 'running' || phase === 'wrapup') && (
          <>
            <ScriptHeader />
            <DebtDetails card={card} />
            {phase === 'running' ? <><SavedPromise /><StepView /><Objections /></> : <>{ended && <StepView />}<WrapUp phones={card?.phones ?? []} /></>}
          </>
        )}
      </div>
    </section>
  );
}

function ScriptHeader() {
  const { t } = useTranslation();
  const script = useCall((s) => s.script);
  const allRefused = useCall((s) => s.info?.refused);
  if (!script) return null;
  const refused = (allRefused ?? []).filter((r) => r.id === script.id);
  return (
    <>
      <p className="muted small gc-script" data-testid="call-script">{t('guided.script', { title: script.title, version: script.version })}</p>
      {refused.length > 0 && (
        <p className="notice notice-warn notice-compact" data-testid="call-script-refused" title={refused.map((r) => r.issues.map((i) => `${r.id ?? '?'}: ${i.path}: ${i.message}`).join('\n')).join('\n')}>
          {t('guided.scriptRefused', { count: refused.length, version: script.version })}
        </p>
      )}
    </>
  );
}

function Objections() {
  const { t } = useTranslation();
  const s = useCall();
  if (!s.script || !s.run || !s.info || s.script.objections.length === 0) return null;
  // Wording through the runner: sensitive placeholders stay "[…]" until the right party is verified.
  const { objections } = runner.view(s.script, s.run, s.info.vars);
  return (
    <details className="gc-objections">
      <summary>{t('guided.objections')} ({objections.length})</summary>
      {objections.map((o) => (
        <div key={o.id} className="gc-objection">
          <strong>«{o.trigger}»</strong>
          <p>{o.response}</p>
          {o.canJump && <button type="button" className="btn btn-small" onClick={() => { const r = useCall.getState(); const res = r.script && r.run ? runner.useObjection(r.script, r.run, o.id) : null; if (res?.ok) useCall.setState({ run: res.state, runError: null }); }}>{t('guided.objectionGo')}</button>}
        </div>
      ))}
    </details>
  );
}

function Done() {
  const { t } = useTranslation();
  const disposition = useCall((s) => s.disposition);
  return (
    <>
      <p className="call-idle-title" data-testid="call-done">
        <span className="state-mark" aria-hidden="true">✓</span> {t('guided.done', { disposition: disposition ? t(`disposition.${disposition}`) : '' })}
      </p>
      <SavedPromise />
    </>
  );
}
