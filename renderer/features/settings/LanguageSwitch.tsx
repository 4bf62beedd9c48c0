import { useTranslation } from '../../i18n/use-translation';
import { LANGUAGES } from '../../i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useSettings } from './store';
import { Kbd } from '../../ui/Kbd';

/** es | en, as two toggle buttons; the choice is remembered by the host. Alt+L toggles from anywhere. */
export function LanguageSwitch({ showKey = false }: { showKey?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage, error } = useSettings();
  return (
    <span className="lang">
      <span className="lang-buttons" role="group" aria-label={t('top.languageLabel')} title="Alt+L">
        {LANGUAGES.map((l) => (
          <button
            key={l}
            type="button"
            className={l === language ? 'lang-btn is-on' : 'lang-btn'}
            aria-pressed={l === language}
            onClick={() => void setLanguage(l)}
          >
            {l}
          </button>
        ))}
      </span>
      {showKey && <Kbd>Alt+L</Kbd>}
      {error ? <ErrorNotice error={error} compact /> : null}
    </span>
  );
}
