import { useTranslation } from '../../i18n/use-translation';
import type { StepView as View } from '../../../shared/scripts';
import * as runner from '../../../shared/scripts';
import { REASON_CODES, type NonPaymentReason } from '../../../shared/negotiation';
import { Kbd } from '../../ui/Kbd';
import { OffersStep } from './OffersStep';
import { PromiseFormView } from './PromiseFormView';
import { useCall } from './store';

/** The current script step: suggested wording, then what the step asks of the agent. */
export function StepView() {
  const { t } = useTranslation();
  const s = useCall();
  if (!s.script || !s.run || !s.info) return null;
  const v: View = runner.view(s.script, s.run, s.info.vars);
  return (
    <div className="gc-step" data-testid="call-step" data-step={v.id} data-step-type={v.type}>
      <p className="gc-stepof muted small">
        {t('guided.stepOf', { index: v.phaseIndex, count: v.phaseCount, phase: t(`guided.phase.${v.phase}`) })}
      </p>
      <h3 className="gc-title">{v.title}</h3>
      {v.say && (
        <blockquote className="gc-say" data-testid="call-say">
          <span className="gc-say-label">{t('guided.say')}</span> «{v.say}»
        </blockquote>
      )}
      {v.hint && <p className="gc-hint small"><strong>{t('guided.hint')}:</strong> {v.hint}</p>}
      <StepBody v={v} />
      {s.runError && (
        <p className="notice notice-error notice-compact" role="alert" data-testid="call-run-error">
          {t(s.runError.code, { ...s.runError.params, defaultValue: s.runError.code })}
        </p>
      )}
    </div>
  );
}

function Answers({ v }: { v: View }) {
  const answer = useCall((s) => s.answer);
  return (
    <div className="gc-answers">
      {v.answers.map((a) => (
        <button key={a.id} type="button" className="btn" data-call-key={a.key ?? undefined} onClick={() => answer(a.id)}>
          {a.label} {a.key && <Kbd>{a.key}</Kbd>}
        </button>
      ))}
    </div>
  );
}

function NextButton({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const next = useCall((s) => s.next);
  return (
    <button type="button" className="btn btn-primary" data-call-primary="true" disabled={disabled} onClick={() => next()}>
      {t('guided.next')} <Kbd>Enter</Kbd>
    </button>
  );
}

function StepBody({ v }: { v: View }) {
  const { t } = useTranslation();
  const s = useCall();
  switch (v.type) {
    case 'question':
    case 'third_party':
      return <Answers v={v} />;
    case 'say':
      return <div className="gc-actions"><NextButton /></div>;
    case 'verification':
      return (
        <div className="gc-verify">
          {v.checks.map((c, i) => (
            <label key={c.field} className="field">
              <span className="field-label">{c.prompt}</span>
              <input
                data-testid={`verify-${c.field}`}
                autoFocus={i === 0}
                value={s.verifyInputs[c.field] ?? ''}
                placeholder={c.field === 'birth_date' ? 'dd/mm/aaaa' : ''}
                autoComplete="off"
                onChange={(e) => s.setVerifyInput(c.field, e.target.value)}
              />
            </label>
          ))}
          {s.verifyOutcome === 'retry' && (
            <p className="notice notice-warn notice-compact" role="status">{t('guided.verifyRetry', { count: s.attemptsLeft ?? 0 })}</p>
          )}
          <div className="gc-actions">
            <button type="button" className="btn btn-primary" data-call-primary="true" onClick={() => s.verify()}>
              {t('guided.verify')} <Kbd>Enter</Kbd>
            </button>
          </div>
        </div>
      );
    case 'disclosure': {
      const required = new Set(s.info?.requiredDisclosures ?? []);
      return (
        <div className="gc-disclosures">
          {(s.info?.missingDisclosures.length ?? 0) > 0 && (
            <p className="notice notice-warn notice-compact">{t('guided.missingDisclosure', { ids: s.info!.missingDisclosures.map((id) => t(`guided.law.${id.replace(/\./g, '_')}`, { defaultValue: id })).join('; ') })}</p>
          )}
          {v.disclosures.map((d) => (
            <div key={d.id} className={d.ticked ? 'gc-disclosure gc-ticked' : 'gc-disclosure'} data-testid={`disclosure-${d.id}`}>
              <div className="gc-disclosure-head">
                <strong>{d.title}</strong>
                {d.mandatory && <span className="chip">{t('guided.mandatory')}</span>}
                {required.has(d.id) && <span className="chip">{t('guided.requiredByLaw')}</span>}
              </div>
              <p className="gc-disclosure-text">«{d.text}»</p>
              <label className="gc-check">
                <input type="checkbox" checked={d.ticked} disabled={d.ticked} onChange={() => s.tick(d.id)} /> {t('guided.disclosureRead')}
              </label>
            </div>
          ))}
          <div className="gc-actions"><NextButton disabled={v.blockers.length > 0} /></div>
        </div>
      );
    }
    case 'reason': {
      const mode = s.script?.steps.find((x) => x.id === v.id);
      const listen = mode?.type === 'reason' && mode.mode === 'listen';
      return (
        <div className="gc-reason">
          {listen && !v.hint && <p className="notice notice-warn notice-compact">{t('guided.reasonListen')}</p>}
          <label className="field">
            <span className="field-label">{t('guided.reasonLabel')}</span>
            <select data-testid="reason-code" value={s.reason} onChange={(e) => s.setReason(e.target.value as NonPaymentReason | '')}>
              <option value="">{t('guided.reasonNone')}</option>
              {REASON_CODES.map((r) => <option key={r} value={r}>{t(`reason.${r}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('guided.reasonText')}</span>
            <input data-testid="reason-text" value={s.reasonText} maxLength={500} onChange={(e) => s.setReason(s.reason, e.target.value)} />
          </label>
          <div className="gc-actions"><NextButton disabled={v.blockers.length > 0} /></div>
        </div>
      );
    }
    case 'offers':
      return (
        <>
          <OffersStep />
          <Answers v={v} />
        </>
      );
    case 'promise':
      return <PromiseFormView />;
    case 'callback':
      return <CallbackFields primary />;
    case 'end':
      return null;
  }
}

/** Date and time of a callback, typed in the debtor's zone, with their local time shown. */
export function CallbackFields({ primary }: { primary?: boolean }) {
  const { t } = useTranslation();
  const s = useCall();
  return (
    <div className="gc-callback">
      <div className="gc-row">
        <label className="field">
          <span className="field-label">{t('guided.callbackDate')}</span>
          <input type="date" data-testid="callback-date" value={s.callbackDate} onChange={(e) => s.setCallback(e.target.value, s.callbackTime)} />
        </label>
        <label className="field">
          <span className="field-label">{t('guided.callbackTime')}</span>
          <input type="time" data-testid="callback-time" value={s.callbackTime} onChange={(e) => s.setCallback(s.callbackDate, e.target.value)} />
        </label>
      </div>
      <p className="muted small">{s.info?.zone}</p>
      {s.callbackError && <p className="field-error" role="alert">{t(s.callbackError.code, s.callbackError.params)}</p>}
      {primary && <div className="gc-actions"><NextButton /></div>}
    </div>
  );
}
