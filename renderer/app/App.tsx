import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { AdminScreen } from '../features/admin/AdminScreen';
import { AgentDesk } from '../features/layout/AgentDesk';
import { PhoneSetupMount } from '../features/phone-setup/PhoneSetupMount';
import { LoginScreen } from '../features/session/LoginScreen';
import { useSession } from '../features/session/store';
import { useSettings } from '../features/settings/store';
import { useSync } from '../features/sync/store';

/** Boot: language and session from the host, then the login screen or the desk. */
export function App() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const role = useSession((s) => s.session?.user.role);
  useEffect(() => {
    const stopSync = useSync.getState().start();
    const stopSession = useSession.getState().start();
    void useSettings.getState().load();
    void useSession.getState().boot();
    return () => {
      stopSync();
      stopSession();
    };
  }, []);
  if (status === 'booting') return <div className="boot" role="status">{t('common.loading')}</div>;
  if (status === 'signedIn' || status === 'signingOut') return role === 'admin' ? <AdminScreen /> : (
      <>
        <AgentDesk />
        <PhoneSetupMount />
      </>
    );
  return <LoginScreen />;
}
