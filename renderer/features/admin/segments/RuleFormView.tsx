import { useTranslation } from '../../../i18n/use-translation';
import {
  addRule, CURRENCY_LIST, DPD_BUCKETS, formToRule, HISTORIES, LANGS, moveRule, removeRule, ruleToForm, withRule, type RuleForm,
} from './rule-form';

type Doc = Record<string, unknown>;

/**
 * The rules as a form, one block per rule in evaluation order. Edits go back into the JSON document (the one
 * source of truth); the server's issues are shown beside the field their path names.
 */
export function RuleFormView({ doc, onChange, issues, disabled }: {
  doc: Doc;
  onChange: (doc: Doc) => void;
  /** path ("rules.0.when.balance") → message */
  issues: Record<string, string>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const rules = Array.isArray(doc.rules) ? (doc.rules as unknown[]) : [];
  const issueAt = (prefix: string) => Object.entries(issues).filter(([p]) => p === prefix || p.startsWith(`${prefix}.`)).map(([, m]) => m);

  return (
    <div className="rule-forms">
      {rules.map((rule, i) => {
        const f = ruleToForm(rule);
        const set = (patch: Partial<RuleForm>) => onChange(withRule(doc, i, formToRule({ ...f, ...patch }, rule)));
        const toggle = (k: 'dpdBuckets' | 'paymentHistory' | 'languages', v: string) =>
          set({ [k]: f[k].includes(v) ? f[k].filter((x) => x !== v) : [...f[k], v] });
        const err = (k: string) => {
          const m = issueAt(`rules.${i}.${k}`);
          return m.length ? <span className="field-error">{m.join(' · ')}</span> : null;
        };
        const id = (k: string) => `rule-${i}-${k}`;
        return (
          <fieldset key={i} className={`rule-form ${issueAt(`rules.${i}`).length ? 'has-error' : ''}`} disabled={disabled}>
            <legend>{t('admin.segments.ruleN', { n: i + 1 })}</legend>
            <div className="rule-line">
              <label className="field" htmlFor={id('segment')}>
                <span className="field-label">{t('admin.segments.colSegment')}</span>
                <input id={id('segment')} className="mono" value={f.segment} onChange={(e) => set({ segment: e.target.value })} aria-invalid={issueAt(`rules.${i}.segment`).length ? true : undefined} />
                {err('segment')}
              </label>
              <label className="field rule-label" htmlFor={id('label')}>
                <span className="field-label">{t('admin.segments.label')}</span>
                <input id={id('label')} value={f.label} onChange={(e) => set({ label: e.target.value })} />
              </label>
              <span className="rule-tools">
                <button type="button" className="btn btn-small" aria-label={t('admin.segments.up', { n: i + 1 })} disabled={i === 0} onClick={() => onChange(moveRule(doc, i, -1))}>↑</button>
                <button type="button" className="btn btn-small" aria-label={t('admin.segments.down', { n: i + 1 })} disabled={i === rules.length - 1} onClick={() => onChange(moveRule(doc, i, 1))}>↓</button>
                <button type="button" className="btn btn-small" aria-label={t('admin.segments.remove', { n: i + 1 })} onClick={() => onChange(removeRule(doc, i))}>✕</button>
              </span>
            </div>
            <div className="rule-line">
              <span className="rule-group" role="group" aria-label={t('admin.segments.cond.dpdBuckets')}>
                <span className="field-label">{t('admin.segments.cond.dpdBuckets')}</span>
                {DPD_BUCKETS.map((b) => (
                  <label key={b} className="check-inline"><input type="checkbox" checked={f.dpdBuckets.includes(b)} onChange={() => toggle('dpdBuckets', b)} />{b}</label>
                ))}
                {err('when.dpdBuckets')}
              </span>
              <span className="rule-group">
                <span className="field-label">{t('admin.segments.cond.daysPastDue')}</span>
                <input className="num-input" aria-label={t('admin.segments.minOf', { what: t('admin.segments.cond.daysPastDue') })} value={f.dpdMin} onChange={(e) => set({ dpdMin: e.target.value })} />
                –
                <input className="num-input" aria-label={t('admin.segments.maxOf', { what: t('admin.segments.cond.daysPastDue') })} value={f.dpdMax} onChange={(e) => set({ dpdMax: e.target.value })} />
                {err('when.daysPastDue')}
              </span>
              <span className="rule-group">
                <span className="field-label">{t('admin.segments.cond.ageYears')}</span>
                <input className="num-input" aria-label={t('admin.segments.minOf', { what: t('admin.segments.cond.ageYears') })} value={f.ageMin} onChange={(e) => set({ ageMin: e.target.value })} />
                –
                <input className="num-input" aria-label={t('admin.segments.maxOf', { what: t('admin.segments.cond.ageYears') })} value={f.ageMax} onChange={(e) => set({ ageMax: e.target.value })} />
                {err('when.ageYears')}
              </span>
            </div>
            <div className="rule-line">
              <span className="rule-group" role="group" aria-label={t('admin.segments.cond.paymentHistory')}>
                <span className="field-label">{t('admin.segments.cond.paymentHistory')}</span>
                {HISTORIES.map((h) => (
                  <label key={h} className="check-inline"><input type="checkbox" checked={f.paymentHistory.includes(h)} onChange={() => toggle('paymentHistory', h)} />{t(`admin.segments.history.${h}`)}</label>
                ))}
                {err('when.paymentHistory')}
              </span>
              <span className="rule-group" role="group" aria-label={t('admin.segments.cond.languages')}>
                <span className="field-label">{t('admin.segments.cond.languages')}</span>
                {LANGS.map((l) => (
                  <label key={l} className="check-inline"><input type="checkbox" checked={f.languages.includes(l)} onChange={() => toggle('languages', l)} />{l}</label>
                ))}
              </span>
              <span className="rule-group">
                <label className="field-label" htmlFor={id('countries')}>{t('admin.segments.cond.countries')}</label>
                <input id={id('countries')} className="list-input" value={f.countries} placeholder="CO, MX" onChange={(e) => set({ countries: e.target.value })} />
                {err('when.countries')}
              </span>
            </div>
            <div className="rule-line">
              <span className="rule-group">
                <span className="field-label">{t('admin.segments.cond.balance')}</span>
                <select aria-label={t('admin.segments.currency')} value={f.currency} onChange={(e) => set({ currency: e.target.value as RuleForm['currency'] })}>
                  <option value="">—</option>
                  {CURRENCY_LIST.map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
                <input className="num-input wide" aria-label={t('admin.segments.minOf', { what: t('admin.segments.cond.balance') })} placeholder={t('admin.segments.min')} value={f.balanceMin} onChange={(e) => set({ balanceMin: e.target.value })} />
                –
                <input className="num-input wide" aria-label={t('admin.segments.maxOf', { what: t('admin.segments.cond.balance') })} placeholder={t('admin.segments.max')} value={f.balanceMax} onChange={(e) => set({ balanceMax: e.target.value })} />
                {err('when.balance')}
              </span>
              {(['products', 'regions'] as const).map((k) => (
                <span key={k} className="rule-group">
                  <label className="field-label" htmlFor={id(k)}>{t(`admin.segments.cond.${k}`)}</label>
                  <input id={id(k)} className="list-input" value={f[k]} placeholder={k === 'products' ? 'tarjeta, libranza' : 'ANT, DC'} title={t('admin.segments.commaList')} onChange={(e) => set({ [k]: e.target.value })} />
                  {err(`when.${k}`)}
                </span>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="rule-line">
        <button type="button" className="btn" disabled={disabled} onClick={() => onChange(addRule(doc, `segmento_${rules.length + 1}`))}>
          + {t('admin.segments.add')}
        </button>
        <label className="inline-field">
          {t('admin.segments.fallbackField')}
          <input className="mono" value={typeof doc.fallback === 'string' ? doc.fallback : ''} onChange={(e) => onChange({ ...doc, fallback: e.target.value })} aria-invalid={issueAt('fallback').length ? true : undefined} />
        </label>
        {issueAt('fallback').map((m) => <span key={m} className="field-error">{m}</span>)}
      </div>
    </div>
  );
}
