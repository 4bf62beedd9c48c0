import { useTranslation } from '../../i18n/use-translation';
import { DISPOSITIONS, dispositionsFor, type Disposition } from '../../../shared/negotiation';
import * as runner from '../../../shared/scripts';
import { Kbd } from '../../ui/Kbd';
import { phoneDisplay } from '../../lib/format';
import { useNow } from '../../ui/use-now';
import { errorsByField } from './form';
import { CallbackFields } from './StepView';
import { SavedPromise } from './PromiseFormView';
import { useCall, WRAP_UP_SECONDS } from './store';
import { formErrorText } from './words';

/** Disposition (only those the call reached), note, callback in the debtor's zone, and the wrap-up timer. */
export function WrapUp({ phones }: { phones: ReadonlyArray<{ id: string; e164: string }> }) {
  const { t, i18n } = useTranslation();
  const s = useCall();
  const now = useNow(1000);
  if (!s.run || !s.script) return null;
  const reached = runner.reached(s.run);
  const allowed = dispositionsFor(reached);
  const end = s.script.steps.find((x) => x.id === s.run!.current);
  const suggested = end?.type === 'end' ? end.outcomes.filter((o): o is Disposition => allowed.includes(o as Disposition)) : [];
  const ordered = [...suggested, ...allowed.filter((d) => !suggested.includes(d))];
  const left = s.endedAt ? Math.max(0, WRAP_UP_SECONDS - Math.floor((now - s.endedAt) / 1000)) : WRAP_UP_SECONDS;
  const errs = errorsByField(s.wrapErrors);
  const msg = (field: string) => {
    const e = errs[field];
    return e ? <span className="field-error" role="alert" data-testid={`wrap-error-${field}`}>{formErrorText(e, t as never, (k) => i18n.exists(k), i18n.language, '')}</span> : null;
  };
  const info = s.disposition ? DISPOSITIONS[s.disposition] : null;
  return (
    <div className="gc-wrap" data-testid="wrapup">
      <h3 className="gc-title">{t('guided.wrapTitle')}</h3>
      <p className={left > 0 ? 'muted small' : 'notice notice-warn notice-compact'} data-testid="wrap-timer">
        {left > 0 ? t('guided.wrapTimer', { seconds: left }) : t('guided.wrapOver')}
      </p>
      <SavedPromise />
      <label className="field">
        <span className="field-label">{t('guided.disposition')}</span>
        <select data-testid="disposition" autoFocus value={s.disposition} aria-invalid={!!errs.disposition} onChange={(e) => s.setDisposition(e.target.value as Disposition | '')}>
          <option value="">{t('guided.choose')}</option>
          {ordered.map((d) => <option key={d} value={d}>{t(`disposition.${d}`)}</option>)}
        </select>
        {msg('disposition')}
        {msg('promise')}
      </label>
      {phones.length > 0 && (
        <label className="field">
          <span className="field-label">{t('guided.phone')}</span>
          <select data-testid="wrap-phone" value={s.phoneE164} aria-invalid={!!errs.phone} onChange={(e) => s.setPhone(e.target.value)}>
            <option value="">{t('guided.choose')}</option>
            {phones.map((p) => <option key={p.id} value={p.e164}>{phoneDisplay(p.e164)}</option>)}
          </select>
          {msg('phone')}
        </label>
      )}
      {info && info.callback !== 'no' && <CallbackFields />}
      {msg('callback')}
      <label className="field">
        <span className="field-label">{t('guided.notes')}</span>
        <textarea data-testid="wrap-notes" rows={2} maxLength={4000} value={s.notes} aria-invalid={!!errs.note} onChange={(e) => s.setNotes(e.target.value)} />
        {msg('note')}
        {msg('reason')}
        {msg('reasonText')}
      </label>
      <div className="gc-actions">
        <button type="button" className="btn btn-primary" data-call-primary="true" data-testid="wrap-finish" disabled={s.saving} onClick={() => void s.finish()}>
          {t('guided.finish')} <Kbd>Enter</Kbd>
        </button>
      </div>
    </div>
  );
}
