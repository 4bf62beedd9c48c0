import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { uiLocale } from '../../i18n';
import { money } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDebtor } from '../debtor/store';
import { useSearch } from './store';
import { useQueue } from '../queue/store';

/** Ctrl+K / F3: find a debtor by name, document, account or phone; ↑↓ Enter opens, Esc closes. */
export function SearchDialog() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { open, pickerFor, query, hits, searchedFor, index, loading, error, hide, setQuery, move, setIndex } = useSearch();
  const openDebtor = useDebtor((s) => s.open);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    if (open) {
      returnFocus.current = document.activeElement;
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (returnFocus.current instanceof HTMLElement) {
      returnFocus.current.focus();
    }
  }, [open]);

  if (!open) return null;

  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    hide();
    useQueue.getState().selectDebtor(hit.debtorId);
    void openDebtor(hit.debtorId);
  };

  const q = query.trim();
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && hide()}>
      <div className="dialog search" role="dialog" aria-modal="true" aria-labelledby="search-h" data-testid="search-dialog">
        <h2 id="search-h" className="dialog-title">
          {pickerFor ? t('search.pickerTitle', { phone: pickerFor, count: hits.length }) : t('search.title')}
        </h2>
        <label className="field">
          <span className="field-label">{t('search.label')}</span>
          <input
            ref={inputRef}
            type="search"
            value={query}
            placeholder={t('search.placeholder')}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              const act: Record<string, () => void> = {
                ArrowDown: () => move(1),
                ArrowUp: () => move(-1),
                Enter: () => pick(index),
                Escape: hide,
              };
              const run = act[e.key];
              if (run) {
                e.preventDefault();
                run();
              }
            }}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls="search-results"
            aria-activedescendant={hits[index] ? `hit-${hits[index].debtorId}` : undefined}
            data-testid="search-input"
          />
        </label>
        <p className="muted small">{t('search.hint')}</p>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="search-status" role="status">
          {q.length > 0 && q.length < 2 && t('search.tooShort')}
          {loading && t('search.searching')}
          {!loading && !error && searchedFor && hits.length === 0 && t('search.none', { query: searchedFor })}
        </div>
        <ul id="search-results" className="hits" role="listbox" aria-label={t('search.results')}>
          {hits.map((h, i) => (
            <li
              key={h.debtorId}
              id={`hit-${h.debtorId}`}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'hit is-selected' : 'hit'}
              onMouseEnter={() => setIndex(i)}
              onClick={() => pick(i)}
            >
              <span className="hit-name">{h.fullName}</span>
              <span className="mono">{h.documentId}</span>
              <span className="muted">{h.city ?? ''}</span>
              <span className="tag tag-small">{t(`search.matchedOn.${h.matchedOn}`)}</span>
              <span className="muted">{t('search.accounts', { count: h.accounts })}</span>
              <span className="num hit-total">{money(h.totalMinor, h.currency, locale)}</span>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={hide}>
            {t('common.close')} <kbd className="kbd">Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
