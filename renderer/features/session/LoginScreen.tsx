import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError } from '../../../shared/api/errors';
import { ErrorNotice, useFieldErrors } from '../../ui/ErrorNotice';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { useSettings } from '../settings/store';
import { useSession } from './store';

/** Username + password. Wrong password and an unreachable server each get their own words and next step. */
export function LoginScreen() {
  const { t, i18n } = useTranslation();
  const { status, error, login } = useSession();
  const version = useSettings((s) => s.version);
  const serverUrl = useSettings((s) => s.serverUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<{ username?: string; password?: string }>({});
  const [capsLock, setCapsLock] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const fieldErrors = useFieldErrors(error);
  const busy = status === 'signingIn';

  useEffect(() => userRef.current?.focus(), []);

  const code = error instanceof ApiError ? error.code : null;
  const wrongPassword = error instanceof ApiError && error.key === 'errors.session.badCredentials';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = {
      ...(username.trim() ? {} : { username: t('login.usernameRequired') }),
      ...(password ? {} : { password: t('login.passwordRequired') }),
    };
    setLocal(missing);
    if (missing.username) return userRef.current?.focus();
    if (missing.password) return passRef.current?.focus();
    const ok = await login(username.trim(), password);
    if (!ok) {
      setPassword('');
      passRef.current?.focus();
    }
  }

  const userError = local.username ?? fieldErrors.username;
  const passError = local.password ?? fieldErrors.password;

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <header className="login-head">
          <div>
            <div className="brand">{t('app.name')}</div>
            <div className="muted">{t('app.tagline')}</div>
          </div>
          <LanguageSwitch />
        </header>
        <h1 id="login-title" className="login-title">{t('login.title')}</h1>

        <div className="field">
          <label className="field-label" htmlFor="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            ref={userRef}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={userError ? true : undefined}
            aria-describedby={userError ? 'login-user-err' : undefined}
            disabled={busy}
          />
          {userError && <span id="login-user-err" className="field-error">{userError}</span>}
        </div>

        <div className="field">
          <label className="field-label" htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            ref={passRef}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onKeyUp={(e) => setCapsLock(e.getModifierState('CapsLock'))}
            onKeyDown={(e) => setCapsLock(e.getModifierState('CapsLock'))}
            onBlur={() => setCapsLock(false)}
            aria-invalid={passError || wrongPassword ? true : undefined}
            aria-describedby={passError || wrongPassword ? 'login-pass-err' : undefined}
            disabled={busy}
          />
          {capsLock && (
            <span className="state state-warn" role="status">
              <span className="state-mark" aria-hidden="true">⇪</span>
              {t('login.capsLock')}
            </span>
          )}
          {passError && <span id="login-pass-err" className="field-error">{passError}</span>}
          {!passError && wrongPassword && (
            <span id="login-pass-err" className="field-error" role="alert">
              <strong>{t('login.wrongPassword')}</strong> {t('login.wrongPasswordNext')}
            </span>
          )}
        </div>

        {code === 'unavailable' && error instanceof ApiError && (
          <div className="notice notice-warn" role="alert" data-testid="login-unavailable">
            <strong className="notice-word">
              {error.key && i18n.exists(error.key) ? t(error.key, error.params) : t('login.unreachable')}
            </strong>{' '}
            <span>{error.key === 'errors.session.offlineFirstLogin' ? t('login.firstLoginHint') : t('login.offlineHint')}</span>
          </div>
        )}
        {error && !wrongPassword && code !== 'unavailable' && Object.keys(fieldErrors).length === 0 ? (
          <ErrorNotice error={error} />
        ) : null}

        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')} <span className="kbd kbd-on-primary">Enter</span>
        </button>
        {(version || serverUrl) && (
          <footer className="login-foot muted small">
            {[version && t('login.version', { version }), serverUrl && t('login.server', { url: serverUrl })].filter(Boolean).join(' · ')}
          </footer>
        )}
      </form>
    </main>
  );
}
