import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
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

/** The prioritized queue: one row per account, why it is there in one line; ↑↓ move, Enter opens the card. */
export function QueuePanel() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { items, segments, segment, selectedId, loading, loaded, error, load, refresh, refreshing, refreshError, setSegment, select, move } = useQueue();
  const online = useSession((s) => s.session?.online ?? false);
  const openDebtor = useDebtor((s) => s.open);
  const openId = useDebtor((s) => s.debtorId);
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

  // Keep the selected row in view when the keyboard moves it.
  const selectedIndex = items.findIndex((i) => i.accountId === selectedId);
  useEffect(() => {
    const el = listRef.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H - el.clientHeight;
  }, [selectedIndex]);

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor(viewH / ROW_H) - 1);
    const deltas: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -1e9, End: 1e9 };
    const d = deltas[e.key];
    if (d !== undefined) {
      e.preventDefault();
      move(d);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = items[selectedIndex];
      if (item) void openDebtor(item.debtorId);
    }
  }

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewH) / ROW_H) + OVERSCAN);
  const visible = items.slice(first, last);
  const today = todayCounts(items);
  const deferredCount = items.filter((i) => i.deferredUntil !== null).length;
  const selected = items[selectedIndex];

  return (
    <section className="col col-queue" aria-labelledby="queue-h">
      <header className="col-head">
        <h2 id="queue-h" className="col-title">
          {t('queue.title')} <Kbd>F2</Kbd>
        </h2>
        <span className="col-count" aria-live="polite">{refreshing
            ? t('queue.refreshing')
            : loaded
              ? [t('queue.count', { count: items.length }), deferredCount > 0 ? t('queue.deferredCount', { count: deferredCount }) : null].filter(Boolean).join(' · ')
              : t('common.loading')}</span>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => void refresh(online)} disabled={loading || refreshing} title="F5">
          {t('queue.refresh')} <Kbd>F5</Kbd>
        </button>
      </header>
      <div className="col-tools">
        <label className="inline-field">
          <span className="visually-hidden">{t('queue.segment')}</span>
          <select id="queue-segment" value={segment ?? ''} onChange={(e) => void setSegment(e.target.value || null)} title="Alt+S">
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
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {refreshError && !error ? <ErrorNotice error={refreshError} onRetry={() => void refresh(online)} compact /> : null}
      <div
        id={QUEUE_LIST_ID}
        ref={listRef}
        className="queue-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('queue.listLabel')}
        aria-activedescendant={selected ? `q-${selected.accountId}` : undefined}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="queue-list"
      >
        {loaded && items.length === 0 && !error && (
          <p className="empty">{segment ? t('queue.emptyFiltered', { segment }) : t('queue.empty')}</p>
        )}
        <div className="queue-spacer" style={{ height: items.length * ROW_H }}>
          {visible.map((item, k) => (
            <QueueRow
              key={item.accountId}
              item={item}
              top={(first + k) * ROW_H}
              selected={item.accountId === selectedId}
              open={item.debtorId === openId}
              locale={locale}
              lang={i18n.language}
              onPick={() => {
                select(item.accountId);
                void openDebtor(item.debtorId);
              }}
              t={t as never}
            />
          ))}
        </div>
      </div>
    </section>
  );
}

/** "Hoy: 3 promesas, 5 callbacks" from the rows' own reasons. */
function todayCounts(items: QueueItem[]): { promises: number; callbacks: number } {
  let promises = 0;
  let callbacks = 0;
  for (const i of items) {
    if (i.reasons.some((r) => r.code === 'promise_due_today')) promises++;
    if (i.reasons.some((r) => r.code === 'callback_due' || r.code === 'callback_overdue')) callbacks++;
  }
  return { promises, callbacks };
}

function QueueRow(props: {
  item: QueueItem;
  top: number;
  selected: boolean;
  open: boolean;
  locale: string;
  lang: string;
  onPick: () => void;
  t: (key: string, o?: Record<string, unknown>) => string;
}) {
  const { item, t, locale } = props;
  const deferred = item.deferredUntil !== null;
  const why = deferred
    ? [
        deferralLabel(t, item.deferredUntil!, item.timeZone),
        item.deferReason ? reasonText(t, props.lang, item.deferReason, item.timeZone) : null,
      ].filter(Boolean).join(' · ')
    : item.reasons.map((r) => reasonText(t, props.lang, r, item.timeZone)).join(' · ');
  const cls = ['queue-row', props.selected && 'is-selected', props.open && 'is-open', deferred && 'is-deferred'].filter(Boolean).join(' ');
  return (
    <div
      id={`q-${item.accountId}`}
      role="option"
      aria-selected={props.selected}
      className={cls}
      style={{ top: props.top }}
      onClick={props.onPick}
      data-account={item.accountNumber}
      data-segment={item.segment}
    >
      <div className="queue-line1">
        <span className="queue-name">{item.debtorName}</span>
        <span className="num queue-bal">
          <span className="ccy">{item.currency}</span> {formatAmountCell(item.balanceMinor, item.currency, locale)}
        </span>
      </div>
      <div className="queue-line2" title={why}>
        <span className="queue-why">{why}</span>
        <span className="num queue-dpd">{t('queue.daysShort', { days: item.daysPastDue })}</span>
      </div>
    </div>
  );
}

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
