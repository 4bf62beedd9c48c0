import { useTranslation } from '../i18n/use-translation';
import { describeError } from '../lib/errors';

/** An error said where it happened: what went wrong, what to do next, and a retry when there is one. */
export function ErrorNotice({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const shown = describeError(error, t as never, (k) => i18n.exists(k));
  return (
    <div className={compact ? 'notice notice-error notice-compact' : 'notice notice-error'} role="alert">
      <span className="notice-word">{shown.message}</span> <span className="notice-next">{shown.next}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** The message for one field from an ApiError's issues, shown beside that field. */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t, i18n } = useTranslation();
  if (!error) return {};
  return describeError(error, t as never, (k) => i18n.exists(k)).fields;
}
