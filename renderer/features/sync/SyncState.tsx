import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { syncWords } from './words';
import { useSync } from './store';

/** "Sincronizado (0 pendientes)" / "Sincronizando (N pendientes)" / "Sin conexión desde 10:41": word + mark. */
export function SyncState() {
  const { t } = useTranslation();
  const status = useSync((s) => s.status);
  const w = syncWords(status, (iso) => DateTime.fromISO(iso).toFormat('HH:mm'));
  return (
    <span className={`state state-${w.tone}`} role="status" aria-label={t('sync.label')} data-testid="sync-state">
      <span className="state-mark" aria-hidden="true">{w.mark}</span>
      {t(w.key, w.params)}
    </span>
  );
}
