import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Kbd } from '../../ui/Kbd';
import { useSession } from '../session/store';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { useSettings } from '../settings/store';
import { AssignmentPanel } from './assignment/AssignmentPanel';
import { registerAdminTexts } from './i18n';
import { ImportPanel } from './import/ImportPanel';
import { SegmentsPanel } from './segments/SegmentsPanel';
import { ADMIN_TABS, useAdmin, type AdminTab } from './store';
import './admin.css';

registerAdminTexts();

const TAB_KEYS: Record<AdminTab, string> = { import: 'Alt+1', segments: 'Alt+2', assignment: 'Alt+3' };

/** The admin's screen ("Administración"): import, segments, assignment, for one creditor at a time. */
export function AdminScreen() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const sessionError = useSession((s) => s.error);
  const logout = useSession((s) => s.logout);
  const { tab, setTab, creditorId, setCreditor, creditors, loadCreditors, error } = useAdmin();
  const tabRefs = useRef<Partial<Record<AdminTab, HTMLButtonElement | null>>>({});

  useEffect(() => {
    void loadCreditors();
  }, [loadCreditors]);

  // Alt+1/2/3 sections, Alt+L language, Alt+Q log out: the same keys as the agent's desk where they overlap.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const i = ['1', '2', '3'].indexOf(e.key);
      if (i >= 0) {
        e.preventDefault();
        const next = ADMIN_TABS[i]!;
        setTab(next);
        tabRefs.current[next]?.focus();
      } else if (e.key.toLowerCase() === 'l') {
        e.preventDefault();
        const s = useSettings.getState();
        void s.setLanguage(s.language === 'es' ? 'en' : 'es');
      } else if (e.key.toLowerCase() === 'q') {
        e.preventDefault();
        void logout();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setTab, logout]);

  // WAI-ARIA tabs: arrows move between sections, Home/End to the ends.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = ADMIN_TABS.indexOf(tab);
    const to = e.key === 'ArrowRight' ? (i + 1) % ADMIN_TABS.length
      : e.key === 'ArrowLeft' ? (i + ADMIN_TABS.length - 1) % ADMIN_TABS.length
        : e.key === 'Home' ? 0 : e.key === 'End' ? ADMIN_TABS.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    setTab(ADMIN_TABS[to]!);
    tabRefs.current[ADMIN_TABS[to]!]?.focus();
  };

  if (!session) return null;
  return (
    <div className="admin">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="admin-badge">{t('admin.title')}</span>
        <span className="topbar-user" title={session.user.username}>{session.user.displayName}</span>
        <span className="topbar-spacer" />
        <LanguageSwitch showKey />
        <button type="button" className="btn btn-quiet" onClick={() => void logout()}>
          {t('top.logout')} <Kbd>Alt+Q</Kbd>
        </button>
        {sessionError ? <ErrorNotice error={sessionError} compact /> : null}
      </header>
      <div className="admin-bar">
        <h1 className="admin-title">{t('admin.title')}</h1>
        <div className="admin-tabs" role="tablist" aria-label={t('admin.tabs.label')}>
          {ADMIN_TABS.map((k) => (
            <button
              key={k}
              ref={(el) => { tabRefs.current[k] = el; }}
              type="button"
              role="tab"
              id={`admin-tab-${k}`}
              aria-selected={tab === k}
              aria-controls={`admin-panel-${k}`}
              tabIndex={tab === k ? 0 : -1}
              className={tab === k ? 'admin-tab is-on' : 'admin-tab'}
              onClick={() => setTab(k)}
              onKeyDown={onTabKey}
            >
              {t(`admin.tabs.${k}`)} <Kbd>{TAB_KEYS[k]}</Kbd>
            </button>
          ))}
        </div>
        <span className="topbar-spacer" />
        <label className="inline-field admin-creditor">
          {t('admin.creditor')}
          <input
            list="admin-creditors"
            value={creditorId}
            placeholder={t('admin.creditorPick')}
            onChange={(e) => setCreditor(e.target.value)}
            data-testid="creditor"
          />
          <datalist id="admin-creditors">
            {creditors.map((c) => <option key={c.id} value={c.id}>{c.name}{c.country ? ` (${c.country})` : ''}</option>)}
          </datalist>
        </label>
        <span className="admin-creditor-name muted small">{creditors.find((c) => c.id === creditorId && c.name !== c.id)?.name ?? ''}</span>
      </div>
      {error ? <div className="admin-pad"><ErrorNotice error={error} onRetry={() => void loadCreditors()} /></div> : null}
      <main className="admin-main" id={`admin-panel-${tab}`} role="tabpanel" aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'import' && <ImportPanel />}
        {tab === 'segments' && <SegmentsPanel />}
        {tab === 'assignment' && <AssignmentPanel />}
      </main>
    </div>
  );
}
