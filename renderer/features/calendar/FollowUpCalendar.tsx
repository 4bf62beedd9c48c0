import { memo, useEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { TFunction } from 'i18next';
import type { AgendaItemView } from '../../../shared/api/methods/negotiation';
import { api } from '../../api';
import { uiLocale } from '../../i18n';
import { calendarDate, money } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Section } from '../../ui/Panel';
import { useDebtor } from '../debtor/store';
import '../call/i18n';
import './i18n';
import './calendar.css';
import { AGENDA_PAGE, useCalendar, type AgendaGroup } from './store';

const GROUP_TITLE: Record<AgendaGroup, string> = { overdue: 'followUp.overdue', dueToday: 'followUp.today', thisWeek: 'followUp.week' };

/**
 * Today / this week: what the agent promised to follow up. A row opens its debtor. Each group shows its total and
 * its first rows, soonest first, with "show N more"; memoised, so a screen-pop (a new card) does not re-render it —
 * it depends only on the agenda and the language.
 */
export const FollowUpCalendar = memo(function FollowUpCalendar() {
  const { t } = useTranslation();
  const range = useCalendar((s) => s.range);
  const agenda = useCalendar((s) => s.agenda);
  const loading = useCalendar((s) => s.loading);
  const error = useCalendar((s) => s.error);
  useEffect(() => {
    void useCalendar.getState().refresh();
    return api.on('portfolio.updated', () => void useCalendar.getState().refresh());
  }, []);
  const groups: AgendaGroup[] = range === 'week' ? ['overdue', 'dueToday', 'thisWeek'] : ['overdue', 'dueToday'];
  const withItems = agenda ? groups.filter((g) => agenda.totals[g] > 0) : [];
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
      {agenda && withItems.length === 0 && <p className="placeholder-text" data-testid="followup-empty">{t('followUp.empty')}</p>}
      {agenda && withItems.length > 0 && (
        <div className="fu-list" data-testid="followup">
          {withItems.map((g) => (
            <FollowUpGroup key={g} group={g} items={agenda[g]} total={agenda.totals[g]} />
          ))}
        </div>
      )}
    </Section>
  );
});

const FollowUpGroup = memo(function FollowUpGroup(props: { group: AgendaGroup; items: AgendaItemView[]; total: number }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const shown = useCalendar((s) => s.shown[props.group]);
  const loading = useCalendar((s) => s.loading);
  const rows = props.items.slice(0, shown);
  const rest = props.total - rows.length;
  return (
    <div className="fu-group" data-group={props.group}>
      <div className="fu-group-title">
        {t(GROUP_TITLE[props.group])} <span className="fu-total num" data-testid={`followup-total-${props.group}`}>{props.total}</span>
      </div>
      {rows.map((i) => (
        <FollowUpRow key={`${i.kind}-${i.promiseId ?? i.callbackId}-${i.date}`} item={i} locale={locale} t={t} />
      ))}
      {rest > 0 && (
        <button type="button" className="btn btn-small btn-quiet fu-more" disabled={loading}
          onClick={() => void useCalendar.getState().showMore(props.group)}>
          {t('followUp.more', { count: Math.min(rest, AGENDA_PAGE) })}
        </button>
      )}
    </div>
  );
});

const FollowUpRow = memo(function FollowUpRow({ item: i, locale, t }: { item: AgendaItemView; locale: string; t: TFunction }) {
  return (
    <button type="button" className={i.kind === 'broken_promise' ? 'fu-row fu-bad' : 'fu-row'}
      onClick={() => void useDebtor.getState().open(i.debtorId)}>
      <span className="fu-when">{i.time ?? calendarDate(i.date, locale)}</span>
      <span className="fu-kind">{t(i.kind === 'callback' ? 'followUp.callback' : i.kind === 'broken_promise' ? 'followUp.brokenPromise' : 'followUp.payment')}</span>
      <span className="fu-name">{i.debtorName}</span>
      <span className="fu-amount num">
        {i.amountMinor !== null && i.currency ? money(i.amountMinor, i.currency, locale) : i.debtorTime ? t('followUp.debtorTime', { time: i.debtorTime }) : ''}
      </span>
    </button>
  );
});
