import { useTranslation } from '../../i18n/use-translation';
import { phoneDisplay } from '../../lib/format';
import { useDial, type DialRequest } from './store';
import '../compliance/compliance.css';

/** "Llamar" beside a number: goes through the one dialing path (compliance check first). */
export function DialButton({ request, disabled }: { request: DialRequest; disabled?: boolean }) {
  const { t } = useTranslation();
  const checking = useDial((s) => s.checking !== null);
  return (
    <button
      type="button"
      className="btn btn-small dial-button"
      aria-label={t('compliance.dial.buttonLabel', { number: phoneDisplay(request.phoneE164) })}
      // Not disabled while checking: a disabled button drops the focus; the store ignores a second click.
      disabled={disabled}
      aria-busy={checking}
      onClick={() => void useDial.getState().dial(request)}
    >
      <span aria-hidden="true">☎</span> {t('compliance.dial.button')}
    </button>
  );
}
