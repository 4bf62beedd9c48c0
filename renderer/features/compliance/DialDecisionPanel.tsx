import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { phoneDisplay } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useSession } from '../session/store';
import { useDial, type DialOutcome } from '../dial/store';
import { nextAllowedLine, reasonSentence, type T } from './words';
import './compliance.css';

const REASON_MIN = 5;

/** The agent's own zone, for "07:00 su hora". */
function agentZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * What happened to the last dial from this debtor's card, in the debtor column: a calm panel, not a modal, that
 * never takes the focus. Blocked: every reason in the agent's language and the next allowed moment in the
 * debtor's zone and the agent's; a lead can authorize an exception with a required reason.
 */
export function DialDecisionPanel({ debtorId }: { debtorId: string }) {
  const { t } = useTranslation();
  const { checking, outcome, error } = useDial();
  if (checking?.debtorId === debtorId) {
    return <p className="dial-status" role="status" data-testid="dial-checking">{t('compliance.dial.checking')}</p>;
  }
  if (error) return <ErrorNotice error={error} onRetry={() => useDial.getState().dismiss()} />;
  if (!outcome || outcome.request.debtorId !== debtorId) return null;
  return <Outcome outcome={outcome} />;
}

function Outcome({ outcome }: { outcome: DialOutcome }) {
  const { t, i18n } = useTranslation();
  const tt = t as unknown as T;
  const number = phoneDisplay(outcome.request.phoneE164);
  const dismiss = () => useDial.getState().dismiss();
  const user = useSession((s) => s.session?.user);
  const d = outcome.decision;
  const ref = useRef<HTMLElement>(null);
  // Brought into view where the agent is looking, without taking the focus from what they were doing.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [outcome]);
  const overrideLine = d.override ? (
    <p className="dial-override-note">
      {t('compliance.dial.overridden', { by: d.override.by === user?.id ? user.displayName : d.override.by, reason: d.override.reason })}
    </p>
  ) : null;

  if (outcome.kind === 'placed') {
    return (
      <div className="dial-panel dial-ok" role="status" data-testid="dial-placed">
        <p>{t('compliance.dial.calling', { number })}</p>
        {overrideLine}
      </div>
    );
  }
  if (outcome.kind === 'not_connected' || outcome.kind === 'phone_error') {
    return (
      <div className="dial-panel dial-warn" role="status" data-testid="dial-not-connected">
        <p>
          {outcome.kind === 'not_connected'
            ? t('compliance.dial.notConnected', { number })
            : t(outcome.error.key, outcome.error.params ?? {})}
        </p>
        {overrideLine}
        <button type="button" className="btn btn-small" onClick={dismiss}>{t('compliance.dial.dismiss')}</button>
      </div>
    );
  }

  const lang = i18n.language;
  return (
    <section ref={ref} className="dial-panel dial-blocked" role="status" aria-live="polite" aria-labelledby="dial-blocked-h" data-testid="dial-blocked">
      <h4 id="dial-blocked-h" className="dial-title">
        <span aria-hidden="true">⊘</span> {t('compliance.dial.blockedTitle', { number })}
      </h4>
      <p className="dial-intro">{t('compliance.dial.blockedIntro')}</p>
      <ul className="dial-reasons">
        {d.reasons.map((r, i) => (
          <li key={`${r.code}-${i}`} data-code={r.code}>{reasonSentence(tt, r, lang)}</li>
        ))}
      </ul>
      <p className="dial-next" data-testid="dial-next">
        <strong>{nextAllowedLine(tt, lang, d.nextAllowedAt, d.debtorZone, agentZone(), new Date(d.checkedAt))}</strong>
      </p>
      <p className="dial-recorded muted">{t('compliance.dial.recorded')}</p>
      <Exception outcome={outcome} role={user?.role ?? 'agent'} />
      <div className="dial-actions">
        <button type="button" className="btn btn-small" onClick={dismiss}>{t('compliance.dial.dismiss')}</button>
      </div>
    </section>
  );
}

/** A lead's exception: only where the block allows one, with a reason that goes to the audit log. */
function Exception({ outcome, role }: { outcome: Extract<DialOutcome, { kind: 'blocked' }>; role: string }) {
  const { t } = useTranslation();
  const { overriding, overrideError } = useDial();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const fieldId = useId();
  const overridable = outcome.decision.overridable;
  if (role !== 'lead') {
    return overridable ? <p className="dial-lead-only muted">{t('compliance.dial.leadOnly')}</p> : null;
  }
  if (!overridable) return <p className="dial-lead-only muted">{t('compliance.dial.overrideNotPermitted')}</p>;
  if (!open) {
    return (
      <button type="button" className="btn btn-small dial-override-open" onClick={() => setOpen(true)}>
        {t('compliance.dial.overrideAction')}
      </button>
    );
  }
  const submit = () => {
    if (reason.trim().length < REASON_MIN) {
      setTooShort(true);
      return;
    }
    void useDial.getState().authorize(reason.trim());
  };
  return (
    <form
      className="dial-override"
      noValidate // our own message beside the field, in the agent's language
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={fieldId}>{t('compliance.dial.overrideReason')}</label>
      <textarea
        id={fieldId}
        required
        aria-required="true"
        rows={2}
        maxLength={500}
        value={reason}
        aria-invalid={tooShort}
        aria-describedby={`${fieldId}-hint`}
        onChange={(e) => {
          setReason(e.target.value);
          if (tooShort && e.target.value.trim().length >= REASON_MIN) setTooShort(false);
        }}
      />
      <p id={`${fieldId}-hint`} className={tooShort ? 'field-error' : 'muted'}>
        {tooShort ? t('compliance.dial.overrideReasonShort') : t('compliance.dial.overrideReasonHint')}
      </p>
      {overrideError ? <ErrorNotice error={overrideError} compact /> : null}
      <div className="dial-actions">
        <button type="submit" className="btn btn-small btn-primary" disabled={overriding}>{t('compliance.dial.overrideSubmit')}</button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>{t('compliance.dial.overrideCancel')}</button>
      </div>
    </form>
  );
}
