import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { DateTime } from 'luxon';
import type { QueueItem } from '../../../shared/api/methods/portfolio';
import { uiLocale } from '../../i18n';
import { formatAmountCell } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Kbd } from '../../ui/Kbd';
import { useDebtor } from '../debtor/store';
import { reasonText } from './reason-text';
import { useQueue } from './store';
import { useSession } from '../session/store';

const ROW_H = 46;
const OVERSCAN = 8;

export const QUEUE_LIST_ID = 'queue-list';

/**
 * The prioritized queue: one row per account, why it is there in one line; ↑↓ move, Enter opens the card.
 * Windowed (only the rows in view are in the page), and the panel does not subscribe to the selection: a pop's
 * `selectDebtor` re-renders the two rows whose selection changed, not the list.
 */
export function QueuePanel() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const items = useQueue((s) => s.items);
  const totals = useQueue((s) => s.totals);
  const segments = useQueue((s) => s.segments);
  const segment = useQueue((s) => s.segment);
  const loading = useQueue((s) => s.loading);
  const loaded = useQueue((s) => s.loaded);
  const error = useQueue((s) => s.error);
  const refreshing = useQueue((s) => s.refreshing);
  const refreshError = useQueue((s) => s.refreshError);
  const online = useSession((s) => s.session?.online ?? false);
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(600);

  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewH(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the selected row in view and named for screen readers, outside React's render: a selection is not a
  // reason to re-render the list.
  useEffect(() => {
    const follow = (selectedId: string | null) => {
      const el = listRef.current;
      if (!el) return;
      const at = selectedId === null ? undefined : useQueue.getState().indexOfAccount.get(selectedId);
      if (at === undefined) {
        el.removeAttribute('aria-activedescendant');
        return;
      }
      el.setAttribute('aria-activedescendant', `q-${selectedId}`);
      const top = at * ROW_H;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H - el.clientHeight;
    };
    follow(useQueue.getState().selectedId);
    return useQueue.subscribe((s, prev) => {
      if (s.selectedId !== prev.selectedId || s.indexOfAccount !== prev.indexOfAccount) follow(s.selectedId);
    });
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 600) / ROW_H) - 1);
    const deltas: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -1e9, End: 1e9 };
    const d = deltas[e.key];
    const q = useQueue.getState();
    if (d !== undefined) {
      e.preventDefault();
      q.move(d);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const at = q.selectedId === null ? undefined : q.indexOfAccount.get(q.selectedId);
      const item = at === undefined ? undefined : q.items[at];
      if (item) void useDebtor.getState().open(item.debtorId);
    }
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewH) / ROW_H) + OVERSCAN);
  const visible = useMemo(() => items.slice(first, last), [items, first, last]);
  const today = { promises: totals.promisesToday, callbacks: totals.callbacksToday };

  return (
    <section className="col col-queue" aria-labelledby="queue-h">
      <header className="col-head">
        <h2 id="queue-h" className="col-title">
          {t('queue.title')} <Kbd>F2</Kbd>
        </h2>
        <span className="col-count" aria-live="polite" data-testid="queue-count">{refreshing
            ? t('queue.refreshing')
            : loaded
              ? [t('queue.count', { count: totals.accounts }), totals.deferred > 0 ? t('queue.deferredCount', { count: totals.deferred }) : null].filter(Boolean).join(' · ')
              : t('common.loading')}</span>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => void useQueue.getState().refresh(online)} disabled={loading || refreshing} title="F5">
          {t('queue.refresh')} <Kbd>F5</Kbd>
        </button>
      </header>
      <div className="col-tools">
        <label className="inline-field">
          <span className="visually-hidden">{t('queue.segment')}</span>
          <select id="queue-segment" value={segment ?? ''} onChange={(e) => void useQueue.getState().setSegment(e.target.value || null)} title="Alt+S">
            <option value="">{t('queue.allSegments')}</option>
            {segments.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        <Kbd>Alt+S</Kbd>
      </div>
      {today.promises + today.callbacks > 0 && (
        <div className="queue-today" role="status">{t('queue.summary', today)}</div>
      )}
      {error ? <ErrorNotice error={error} onRetry={() => void useQueue.getState().load()} /> : null}
      {refreshError && !error ? <ErrorNotice error={refreshError} onRetry={() => void useQueue.getState().refresh(online)} compact /> : null}
      <div
        id={QUEUE_LIST_ID}
        ref={listRef}
        className="queue-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('queue.listLabel')}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="queue-list"
      >
        {loaded && items.length === 0 && !error && (
          <p className="empty">{segment ? t('queue.emptyFiltered', { segment }) : t('queue.empty')}</p>
        )}
        <div className="queue-spacer" style={{ height: items.length * ROW_H }}>
          {visible.map((item, k) => (
            <QueueRow key={item.accountId} item={item} top={(first + k) * ROW_H} locale={locale} lang={i18n.language} t={t as never} />
          ))}
        </div>
      </div>
    </section>
  );
}

/** Picks a row: the cursor goes there and its card opens. */
function pick(item: QueueItem): void {
  useQueue.getState().select(item.accountId);
  void useDebtor.getState().open(item.debtorId);
}

/** One row; it reads its own selected/open state, so a selection change re-renders only the rows it touches. */
const QueueRow = memo(function QueueRow(props: {
  item: QueueItem;
  top: number;
  locale: string;
  lang: string;
  t: (key: string, o?: Record<string, unknown>) => string;
}) {
  const { item, t, locale, lang } = props;
  const selected = useQueue((s) => s.selectedId === item.accountId);
  const open = useDebtor((s) => s.debtorId === item.debtorId);
  const deferred = item.deferredUntil !== null;
  const why = useMemo(
    () =>
      deferred
        ? [
            deferralLabel(t, item.deferredUntil!, item.timeZone),
            item.deferReason ? reasonText(t, lang, item.deferReason, item.timeZone) : null,
          ].filter(Boolean).join(' · ')
        : item.reasons.map((r) => reasonText(t, lang, r, item.timeZone)).join(' · '),
    [item, deferred, t, lang],
  );
  const balance = useMemo(() => formatAmountCell(item.balanceMinor, item.currency, locale), [item, locale]);
  const cls = ['queue-row', selected && 'is-selected', open && 'is-open', deferred && 'is-deferred'].filter(Boolean).join(' ');
  return (
    <div
      id={`q-${item.accountId}`}
      role="option"
      aria-selected={selected}
      className={cls}
      style={{ top: props.top }}
      onClick={() => pick(item)}
      data-account={item.accountNumber}
      data-segment={item.segment}
      data-debtor={item.debtorId}
    >
      <div className="queue-line1">
        <span className="queue-name">{item.debtorName}</span>
        <span className="num queue-bal">
          <span className="ccy">{item.currency}</span> {balance}
        </span>
      </div>
      <div className="queue-line2" title={why}>
        <span className="queue-why">{why}</span>
        <span className="num queue-dpd">{t('queue.daysShort', { days: item.daysPastDue })}</span>
      </div>
    </div>
  );
});

/**
 * "Diferida hasta 07:00 (zone)" when it frees up today in the debtor's zone, with the date when later; a stop
 * flag (cease, dispute…) has no end, which the desk marks with the year 9999: "Bloqueada".
 */
function deferralLabel(t: (key: string, o?: Record<string, unknown>) => string, untilIso: string, zone: string): string {
  const until = DateTime.fromISO(untilIso).setZone(zone);
  if (until.year >= 9999) return t('queue.blocked');
  const today = DateTime.now().setZone(zone).hasSame(until, 'day');
  return `${t('queue.deferred')} ${t('queue.deferredUntil', { time: until.toFormat(today ? 'HH:mm' : 'dd/MM HH:mm'), zone })}`;
}
