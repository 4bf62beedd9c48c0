import { useTranslation } from '../../i18n/use-translation';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Kbd } from '../../ui/Kbd';
import { AVAILABILITY, usePresence, type Availability } from '../presence/store';
import { useSession } from '../session/store';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { SyncState } from '../sync/SyncState';
import { useSearch } from '../search/store';
import { HAS_PHONE_BAR } from './PhoneSlot';

export function TopBar() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const sessionError = useSession((s) => s.error);
  const logout = useSession((s) => s.logout);
  const availability = usePresence((s) => s.availability);
  const setAvailability = usePresence((s) => s.setAvailability);
  const showSearch = useSearch((s) => s.show);
  if (!session) return null;
  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      <span className="topbar-user" title={session.user.username}>
        {session.user.displayName}
      </span>
      <label className="availability" title="Alt+D">
        <span className="visually-hidden">{t('top.availabilityLabel')}</span>
        <span className={`avail-mark avail-${availability}`} aria-hidden="true" />
        <select
          id="availability"
          value={availability}
          onChange={(e) => setAvailability(e.target.value as Availability)}
        >
          {AVAILABILITY.map((a) => (
            <option key={a} value={a}>{t(`top.availability.${a}`)}</option>
          ))}
        </select>
        <Kbd>Alt+D</Kbd>
      </label>
      {!HAS_PHONE_BAR && (
        <span id="pbx-state-slot" className="state state-idle">
          <span className="state-mark" aria-hidden="true">○</span>
          {t('top.pbxNone')}
        </span>
      )}
      <SyncState />
      {!session.online && (
        <span className="state state-warn">
          <span className="state-mark" aria-hidden="true">⚠</span>
          {t('top.offlineSession')}
        </span>
      )}
      <span className="topbar-spacer" />
      <button type="button" className="btn btn-quiet" onClick={() => showSearch()} data-testid="open-search">
        {t('search.open')} <Kbd>F3</Kbd>
      </button>
      <LanguageSwitch showKey />
      <button type="button" className="btn btn-quiet" onClick={() => void logout()}>
        {t('top.logout')} <Kbd>Alt+Q</Kbd>
      </button>
      {sessionError ? <ErrorNotice error={sessionError} compact /> : null}
    </header>
  );
}
