import { useLayoutEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { DebtorCard } from '../../../shared/api/methods/portfolio';
import { uiLocale } from '../../i18n';
import { calendarDate, dateTimeIn, formatAmountCell, money, timeIn } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Section } from '../../ui/Panel';
import { useNow } from '../../ui/use-now';
import { NotesSection } from './NotesSection';
import { PhonesSection } from './PhonesSection';
import { DialDecisionPanel } from '../compliance/DialDecisionPanel';
import { TimelineSection } from './TimelineSection';
import { CallHistory } from '../phone-setup/CallHistory';
import { useDebtor } from './store';
import { nextPending, totalsByCurrency } from './timeline';
import { useQueue } from '../queue/store';
import { reasonText } from '../queue/reason-text';
import { todayIn } from '../../../shared/negotiation/promise-tracking';
import { popTiming } from '../screen-pop/pop-timing';

export const DEBTOR_COL_ID = 'debtor-col';

/** The debtor's card: who, where and what time it is there, what they owe, and everything that happened. */
export function DebtorPanel() {
  const { t } = useTranslation();
  const { card, loading, error, debtorId, reload } = useDebtor();
  return (
    <section className="col col-debtor" id={DEBTOR_COL_ID} tabIndex={-1} aria-labelledby="debtor-h" aria-busy={loading}>
      <header className="col-head">
        <h2 id="debtor-h" className="col-title">{t('debtor.title')}</h2>
        {loading && <span className="col-count">{t('common.loading')}</span>}
      </header>
      <div className="col-body">
        {error ? <ErrorNotice error={error} onRetry={() => void reload()} /> : null}
        {!debtorId && (
          <div className="empty-state">
            <p className="empty-title">{t('debtor.none')}</p>
            <p>{t('debtor.noneHint')}</p>
          </div>
        )}
        {card && <Card card={card} />}
      </div>
    </section>
  );
}

function Card({ card }: { card: DebtorCard }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const now = useNow(15_000);
  const d = card.debtor;
  const totals = totalsByCurrency(card.accounts);
  const pending = nextPending(card);
  const todayThere = todayIn(d.timeZone, new Date(now).toISOString()); // the debtor's date, for "overdue"
  const place = [d.city, d.region].filter(Boolean).join(', ');
  // Each freshly loaded card is committed here: the screen-pop's "card painted" mark (no-op unless a pop waits for it).
  useLayoutEffect(() => popTiming.committed(d.id), [card, d.id]);
  return (
    <div className="card" data-testid="debtor-card" data-debtor={d.id}>
      <div className="identity">
        <h3 className="debtor-name">{d.fullName}</h3>
        <div className="identity-line">
          <span className="mono">{t('debtor.document', { type: d.documentType, id: d.documentId })}</span>
          {d.birthDate && <span>{t('debtor.born', { date: calendarDate(d.birthDate, locale) })}</span>}
          <span className="tag">{t(`debtor.profile.${d.profile}`)}</span>
        </div>
        <div className="identity-line">
          <span>{place || d.country}</span>
          <span className="muted">({d.timeZone})</span>
          <strong className="localtime" data-testid="debtor-localtime">
            {t('debtor.localTime', { time: timeIn(d.timeZone, locale, now) })}
          </strong>
        </div>
        {d.flags.length > 0 && (
          <ul className="flags" aria-label={t('debtor.flagsLabel')}>
            {d.flags.map((f) => (
              <li key={f} className="chip chip-danger">
                <span aria-hidden="true">⊘</span> {t(`flag.${f}`)}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="totals">
        {totals.map((x) => (
          <div key={x.currency} className="total">
            <span className="total-label">{t('debtor.total', { currency: x.currency })}</span>
            <span className="num total-amount">{formatAmountCell(x.amountMinor, x.currency, locale)}</span>
            <span className="muted">{t('debtor.maxDpd', { days: x.maxDpd })}</span>
          </div>
        ))}
        {pending.promise && (
          <div className="total total-line" data-testid="pending-promise">
            {/* Past its date in the debtor's zone and still pending: tracking has not ruled yet, say it plainly. */}
            {pending.promise.dueDate < todayThere ? (
              <span className="status status-warn">{t('debtor.promiseOverdue')}</span>
            ) : (
              <span className="status status-busy">{t('promiseStatus.pending')}</span>
            )}
            <span>
              {t(pending.promise.dueDate < todayThere ? 'debtor.pendingPromisePast' : 'debtor.pendingPromise', {
                amount: money(pending.promise.amountMinor, pending.promise.currency, locale),
                date: calendarDate(pending.promise.dueDate, locale),
              })}
            </span>
          </div>
        )}
        {pending.callback && (
          <div className="total total-line">
            <span className="status status-busy">{t('callbackStatus.pending')}</span>
            <span>{t('debtor.pendingCallback', { when: dateTimeIn(pending.callback.dueAt, pending.callback.timeZone, locale) })}</span>
          </div>
        )}
      </div>

      <QueuePlace debtorId={d.id} />

      <Section title={t('debtor.accounts')} aside={String(card.accounts.length)}>
        <table className="grid">
          <thead>
            <tr>
              <th>{t('debtor.col.account')}</th>
              <th>{t('debtor.col.product')}</th>
              <th>{t('debtor.col.segment')}</th>
              <th className="num">{t('debtor.col.dpd')}</th>
              <th className="num">{t('debtor.col.balance')}</th>
              <th className="num">{t('debtor.col.lastPayment')}</th>
            </tr>
          </thead>
          <tbody>
            {/* Keyed by place: stateless rows, rewritten in place when a pop shows another debtor. */}
            {card.accounts.map((a, i) => (
              <tr key={i} className={a.status === 'active' ? undefined : 'is-muted'}>
                <td className="mono" title={a.accountNumber}>{maskAccount(a.accountNumber)}</td>
                <td>
                  {a.product}
                  {a.status !== 'active' && <span className="tag tag-small">{t(`debtor.accountStatus.${a.status}`)}</span>}
                </td>
                <td>{a.segment}</td>
                <td className="num">{a.daysPastDue}</td>
                <td className="num">
                  <span className="ccy">{a.currency}</span> {formatAmountCell(a.balanceMinor, a.currency, locale)}
                </td>
                <td className="num">{a.lastPaymentAt ? calendarDate(a.lastPaymentAt, locale) : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <PhonesSection phones={card.phones} />
      <DialDecisionPanel debtorId={d.id} />
      <CallHistory debtorId={d.id} zone={d.timeZone} />
      <TimelineSection card={card} />
      <NotesSection card={card} />
    </div>
  );
}

/** Where this debtor stands in the agent's queue and why, in full (the queue row only has room for one line). */
function QueuePlace({ debtorId }: { debtorId: string }) {
  const { t, i18n } = useTranslation();
  // Narrow reads: the row index from the queue's map (no scan of the list), the count over the whole queue.
  const at = useQueue((s) => s.firstOfDebtor.get(debtorId) ?? -1);
  const item = useQueue((s) => (at < 0 ? undefined : s.items[at]));
  const count = useQueue((s) => s.totals.accounts);
  if (!item) return null;
  const why = item.deferredUntil && item.deferReason ? [item.deferReason] : item.reasons;
  return (
    <p className="queue-place" data-testid="queue-place">
      <strong>{t('debtor.queuePlace', { position: at + 1, count })}</strong>{' '}
      {why.map((r) => reasonText(t as never, i18n.language, r, item.timeZone)).join(' · ')}
    </p>
  );
}

/** Long account numbers as "4566…8799" (the full number in the tooltip and in search). */
export function maskAccount(n: string): string {
  return n.length > 14 ? `${n.slice(0, 4)}…${n.slice(-4)}` : n;
}
