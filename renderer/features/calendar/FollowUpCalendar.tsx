import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItemView } from '../../../shared/api/methods/negotiation';
import { api } from '../../api';
import { uiLocale } from '../../i18n';
import { calendarDate, money } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Section } from '../../ui/Panel';
import { useDebtor } from '../debtor/store';
import '../call/i18n';
import { useCalendar } from './store';

/** Today / this week: what the agent promised to follow up. A row opens its debtor. */
export function FollowUpCalendar() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { range, agenda, loading, error } = useCalendar();
  useEffect(() => {
    void useCalendar.getState().refresh();
    return api.on('portfolio.updated', () => void useCalendar.getState().refresh());
  }, []);
  const groups: Array<[string, AgendaItemView[]]> = agenda
    ? [['followUp.overdue', agenda.overdue], ['followUp.today', agenda.dueToday], ...(range === 'week' ? [['followUp.week', agenda.thisWeek] as [string, AgendaItemView[]]] : [])]
    : [];
  const empty = groups.every(([, items]) => items.length === 0);
  return (
    <Section
      id="followup"
      title={t('followUp.title')}
      aside={
        <span className="fu-tabs" role="tablist">
          {(['today', 'week'] as const).map((r) => (
            <button key={r} type="button" role="tab" aria-selected={range === r} className={range === r ? 'btn btn-small fu-on' : 'btn btn-small btn-quiet'}
              onClick={() => void useCalendar.getState().setRange(r)}>
              {t(r === 'today' ? 'followUp.today' : 'followUp.week')}
            </button>
          ))}
        </span>
      }
    >
      {error ? <ErrorNotice error={error} onRetry={() => void useCalendar.getState().refresh()} compact /> : null}
      {!agenda && loading && <p className="placeholder-text">{t('common.loading')}</p>}
      {agenda && empty && <p className="placeholder-text" data-testid="followup-empty">{t('followUp.empty')}</p>}
      {agenda && !empty && (
        <div className="fu-list" data-testid="followup">
          {groups.filter(([, items]) => items.length > 0).map(([title, items]) => (
            <div key={title} className="fu-group">
              <div className="fu-group-title">{t(title)}</div>
              {items.map((i) => (
                <button type="button" key={`${i.kind}-${i.promiseId ?? i.callbackId}-${i.date}`} className={i.kind === 'broken_promise' ? 'fu-row fu-bad' : 'fu-row'}
                  onClick={() => void useDebtor.getState().open(i.debtorId)}>
                  <span className="fu-when">{i.time ?? calendarDate(i.date, locale)}</span>
                  <span className="fu-kind">{t(i.kind === 'callback' ? 'followUp.callback' : i.kind === 'broken_promise' ? 'followUp.brokenPromise' : 'followUp.payment')}</span>
                  <span className="fu-name">{i.debtorName}</span>
                  <span className="fu-amount num">
                    {i.amountMinor !== null && i.currency ? money(i.amountMinor, i.currency, locale) : i.debtorTime ? t('followUp.debtorTime', { time: i.debtorTime }) : ''}
                  </span>
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
