import { useTranslation } from '../../i18n/use-translation';
import { FrequencySchema, type ArrangementKind, type Frequency, type PaymentMethod } from '../../../shared/negotiation';
import { uiLocale } from '../../i18n';
import { money, calendarDate } from '../../lib/format';
import { Kbd } from '../../ui/Kbd';
import { errorsByField } from './form';
import { useCall } from './store';
import { formErrorText } from './words';

export const PROMISE_FORM_ID = 'promise-form';

/** Amount, dates, method, installments; per-field errors in the agent's language; read-back; the debtor's yes. */
export function PromiseFormView() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const s = useCall();
  const currency = s.offers?.currency ?? '';
  const errs = errorsByField(s.formErrors);
  const msg = (field: string) => {
    const e = errs[field];
    return e ? <span className="field-error" role="alert" data-testid={`error-${field}`}>{formErrorText(e, t as never, (k) => i18n.exists(k), i18n.language, currency)}</span> : null;
  };
  const policy = s.offers?.policy;
  const kinds: ArrangementKind[] = policy
    ? [policy.payInFull && 'pay_in_full', policy.settlement && 'settlement', policy.installments && 'installments', policy.partialPayment && 'partial'].filter((k): k is ArrangementKind => !!k)
    : ['pay_in_full', 'settlement', 'installments', 'partial'];
  const f = s.form;
  const plan = f.kind === 'installments';
  return (
    <div className="gc-promise" id={PROMISE_FORM_ID} data-testid="promise-form">
      <div className="gc-row">
        <label className="field">
          <span className="field-label">{t('guided.kind')}</span>
          <select data-testid="promise-kind" value={f.kind} aria-invalid={!!errs.kind} onChange={(e) => s.setForm({ kind: e.target.value as ArrangementKind, ...(e.target.value !== 'installments' ? { installments: '1', downPayment: '' } : {}) })}>
            <option value="">{t('guided.choose')}</option>
            {kinds.map((k) => <option key={k} value={k}>{t(`offer.${k}`)}</option>)}
          </select>
          {msg('kind')}
        </label>
        <label className="field">
          <span className="field-label">{t('guided.amount', { currency })}</span>
          <input data-testid="promise-amount" className="num" inputMode="decimal" value={f.amount} aria-invalid={!!errs.amount} onChange={(e) => s.setForm({ amount: e.target.value })} />
          {msg('amount')}
        </label>
      </div>
      {plan && (
        <div className="gc-row">
          <label className="field">
            <span className="field-label">{t('guided.installments')}</span>
            <input data-testid="promise-installments" className="num" inputMode="numeric" value={f.installments} aria-invalid={!!errs.installments} onChange={(e) => s.setForm({ installments: e.target.value })} />
            {msg('installments')}
          </label>
          <label className="field">
            <span className="field-label">{t('guided.frequency')}</span>
            <select data-testid="promise-frequency" value={f.frequency} aria-invalid={!!errs.frequency} onChange={(e) => s.setForm({ frequency: e.target.value as Frequency | '' })}>
              <option value="">{t('guided.choose')}</option>
              {FrequencySchema.options.filter((x) => !policy?.installments || policy.installments.frequencies.includes(x)).map((x) => <option key={x} value={x}>{t(`frequency.${x}`)}</option>)}
            </select>
            {msg('frequency')}
          </label>
          <label className="field">
            <span className="field-label">{t('guided.downPayment', { currency })}</span>
            <input data-testid="promise-down" className="num" inputMode="decimal" value={f.downPayment} aria-invalid={!!errs.downPayment} onChange={(e) => s.setForm({ downPayment: e.target.value })} />
            {msg('downPayment')}
          </label>
        </div>
      )}
      <div className="gc-dates">
        {f.dates.map((d, i) => (
          <label key={i} className="field">
            <span className="field-label">{f.dates.length > 1 ? t('guided.datesN', { n: i + 1 }) : t('guided.dates')}</span>
            <input type="date" data-testid={`promise-date-${i}`} value={d} min={s.offers?.today} aria-invalid={!!errs[`dates.${i}`]} onChange={(e) => s.setForm({ dates: f.dates.map((x, j) => (j === i ? e.target.value : x)) })} />
            {msg(`dates.${i}`)}
          </label>
        ))}
        {msg('dates')}
      </div>
      <label className="field">
        <span className="field-label">{t('guided.method')}</span>
        <select data-testid="promise-method" value={f.method} aria-invalid={!!errs.method} onChange={(e) => s.setForm({ method: e.target.value as PaymentMethod | '' })}>
          <option value="">{t('guided.choose')}</option>
          {(s.offers?.paymentMethods ?? []).map((m) => <option key={m} value={m}>{t(`paymentMethod.${m}`)}</option>)}
        </select>
        {msg('method')}
      </label>
      {msg('form')}
      {!s.readBack ? (
        <div className="gc-actions">
          <button type="button" className="btn btn-primary" data-call-primary="true" data-testid="promise-review" disabled={s.saving} onClick={() => void s.preview(locale)}>
            {t('guided.review')} <Kbd>Enter</Kbd>
          </button>
        </div>
      ) : (
        <div className="gc-readback" data-testid="readback">
          <p className="gc-readback-title">{t('guided.readBackTitle')}</p>
          <blockquote className="gc-say">«{s.readBack}»</blockquote>
          <label className="gc-check">
            <input type="checkbox" data-testid="readback-confirmed" checked={s.confirmed} onChange={(e) => s.setConfirmed(e.target.checked)} /> {t('guided.confirmed')}
          </label>
          {msg('confirmed')}
          <div className="gc-actions">
            <button type="button" className="btn btn-primary" data-call-primary="true" data-testid="promise-save" disabled={s.saving || !s.confirmed} onClick={() => void s.savePromise(locale)}>
              {t('guided.savePromise')} <Kbd>Enter</Kbd>
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** One line after saving: the amount and the first date. */
export function SavedPromise() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const p = useCall((s) => s.promise);
  if (!p) return null;
  return (
    <p className="notice notice-ok notice-compact" data-testid="promise-saved">
      <span aria-hidden="true">✓</span> {t('guided.saved', { amount: money(p.total.amountMinor, p.total.currency, locale), date: calendarDate(p.schedule[0]!.dueDate, locale) })}
    </p>
  );
}
