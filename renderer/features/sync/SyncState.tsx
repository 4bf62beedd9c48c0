import { memo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { DateTime } from 'luxon';
import { syncWords } from './words';
import { useSync } from './store';

/**
 * "Sincronizado (0 pendientes)" / "Sincronizando (N pendientes)" / "Sin conexión desde 10:41": word + mark; and,
 * when the server refused something, "N rechazados" opening the list with each reason in the agent's language.
 */
// memo: the top bar's re-renders (presence, session) must not re-render it with nothing changed.
export const SyncState = memo(function SyncState() {
  const { t } = useTranslation();
  const status = useSync((s) => s.status);
  const refused = useSync((s) => s.refused);
  const [open, setOpen] = useState(false);
  const w = syncWords(status, (iso) => DateTime.fromISO(iso).toFormat('HH:mm'));
  return (
    <span className="sync-wrap">
      <span className={`state state-${w.tone}`} role="status" aria-label={t('sync.label')} data-testid="sync-state">
        <span className="state-mark" aria-hidden="true">{w.mark}</span>
        {t(w.key, w.params)}
      </span>
      {refused.length > 0 && (
        <button
          type="button"
          className="state state-warn sync-refused-toggle"
          aria-expanded={open}
          aria-controls="sync-refused-list"
          onClick={() => setOpen((o) => !o)}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
          data-testid="sync-refused"
        >
          ⚠ {t('sync.refusedCount', { count: refused.length })}
        </button>
      )}
      {open && refused.length > 0 && (
        <div id="sync-refused-list" className="sync-refused-list" role="region" aria-label={t('sync.refusedTitle')}>
          <p className="sync-refused-title">{t('sync.refusedTitle')}</p>
          <ul>
            {refused.map((r) => (
              <li key={r.uuid}>
                <span className="num">{DateTime.fromISO(r.createdAt).toFormat('dd/MM HH:mm')}</span>{' '}
                <strong>{t(`sync.kind.${r.kind.replace(".", "_")}`, { defaultValue: r.kind })}</strong>{' · '}
                {r.reason.key ? t(r.reason.key, { ...r.reason.params, defaultValue: r.reason.message }) : r.reason.message}
              </li>
            ))}
          </ul>
          <p className="sync-refused-hint">{t('sync.refusedHint')}</p>
        </div>
      )}
    </span>
  );
});
