import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { api } from '../../api';
import { ApiError } from '../../../shared/api/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { checkForm, errorsByField, formOf, type PhoneForm } from './form';
import { usePhoneSetup } from './lifecycle';
import './phone-setup.css';

/** "Teléfono": the agent's SIP account on this desk. Esc closes, Enter saves; errors beside each field. */
export function PhoneSettingsPanel() {
  const { t } = useTranslation();
  const close = usePhoneSetup((s) => s.closePanel);
  const [form, setForm] = useState<PhoneForm | null>(null);
  const [hasPassword, setHasPassword] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    api.phone.get({}).then((v) => {
      if (!live) return;
      setForm(formOf(v));
      setHasPassword(v?.hasPassword ?? false);
    }, (err: unknown) => live && setFailure(err));
    return () => { live = false; };
  }, []);
  const loaded = form !== null;
  // Before paint, so the panel never shows without the focus inside it.
  useLayoutEffect(() => { if (loaded) first.current?.focus(); }, [loaded]);

  if (!form) {
    return (
      <div className="overlay"><div className="dialog phone-setup" role="dialog" aria-modal="true" aria-label={t('phoneSetup.title')}>
        {failure ? <ErrorNotice error={failure} /> : <p role="status">{t('common.loading')}</p>}
      </div></div>
    );
  }

  const set = <K extends keyof PhoneForm>(k: K, v: PhoneForm[K]) => {
    setForm({ ...form, [k]: v });
    if (errors[k]) setErrors({ ...errors, [k]: '' });
  };
  async function save() {
    if (!form || saving) return;
    const checked = checkForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await api.phone.save(checked.input);
      setSaving(false);
      close();
      await usePhoneSetup.getState().restart();
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.issues?.length) setErrors(errorsByField(err.issues));
      else setFailure(err);
    }
  }
  const err = (k: string) => (errors[k] ? <span className="field-error" id={`ps-${k}-err`}>{t(errors[k])}</span> : null);
  const aria = (k: string) => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `ps-${k}-err` } : {});

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form
        className="dialog phone-setup" role="dialog" aria-modal="true" aria-labelledby="ps-h" data-testid="phone-settings"
        onSubmit={(e) => { e.preventDefault(); void save(); }}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } }}
      >
        <h2 id="ps-h" className="dialog-title">{t('phoneSetup.title')}</h2>
        <p className="ps-intro">{t('phoneSetup.intro')}</p>
        <div className="ps-grid">
          <label className="field">
            <span className="field-label">{t('phoneSetup.wsUrl')}</span>
            <input ref={first} value={form.wsUrl} placeholder={t('phoneSetup.wsUrlHint')} onChange={(e) => set('wsUrl', e.target.value)} {...aria('wsUrl')} />
            {err('wsUrl')}
          </label>
          <label className="field">
            <span className="field-label">{t('phoneSetup.sipUser')}</span>
            <input value={form.sipUser} placeholder={t('phoneSetup.sipUserHint')} autoComplete="off" onChange={(e) => set('sipUser', e.target.value)} {...aria('sipUser')} />
            {err('sipUser')}
          </label>
          <label className="field">
            <span className="field-label">{hasPassword ? t('phoneSetup.passwordKeep') : t('phoneSetup.password')}</span>
            <input type="password" value={form.password} autoComplete="new-password" onChange={(e) => set('password', e.target.value)} {...aria('password')} />
            {err('password')}
          </label>
          <label className="field">
            <span className="field-label">{t('phoneSetup.authorizationUser')}</span>
            <input value={form.authorizationUser} autoComplete="off" onChange={(e) => set('authorizationUser', e.target.value)} {...aria('authorizationUser')} />
            {err('authorizationUser')}
          </label>
          <label className="field">
            <span className="field-label">{t('phoneSetup.displayName')}</span>
            <input value={form.displayName} onChange={(e) => set('displayName', e.target.value)} {...aria('displayName')} />
            {err('displayName')}
          </label>
          <label className="field">
            <span className="field-label">{t('phoneSetup.dtmfMode')}</span>
            <select value={form.dtmfMode} onChange={(e) => set('dtmfMode', e.target.value as PhoneForm['dtmfMode'])}>
              <option value="rfc4733">{t('phoneSetup.dtmf.rfc4733')}</option>
              <option value="info">{t('phoneSetup.dtmf.info')}</option>
            </select>
            {err('dtmfMode')}
          </label>
          <label className="field ps-wide">
            <span className="field-label">{t('phoneSetup.iceServers')}</span>
            <textarea rows={2} value={form.ice} onChange={(e) => set('ice', e.target.value)} {...aria('ice')} />
            <span className="field-hint">{t('phoneSetup.iceHint')}</span>
            {err('ice')}
          </label>
          <label className="ps-check ps-wide">
            <input type="checkbox" checked={form.autoRecord} onChange={(e) => set('autoRecord', e.target.checked)} />
            {t('phoneSetup.autoRecord')}
          </label>
        </div>
        <ErrorNotice error={failure} compact />
        <div className="dialog-actions ps-actions">
          <span className="ps-shortcut">{t('phoneSetup.shortcut')}</span>
          <button type="button" className="btn" onClick={close}>{t('phoneSetup.cancel')}</button>
          <button type="submit" className="btn btn-primary" disabled={saving}>{saving ? t('phoneSetup.saving') : t('phoneSetup.save')}</button>
        </div>
      </form>
    </div>
  );
}
