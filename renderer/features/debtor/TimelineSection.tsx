import { useTranslation } from '../../i18n/use-translation';
import type { DebtorCard } from '../../../shared/api/methods/portfolio';
import { uiLocale } from '../../i18n';
import { calendarDate, dateTimeIn, money } from '../../lib/format';
import { Section } from '../../ui/Panel';
import { usePainted } from '../../ui/use-painted';
import { humanize } from '../queue/reason-text';
import { useSession } from '../session/store';
import { agentNamer } from './agent-label';
import { buildTimeline, timelineFirstRows, type TimelineEntry } from './timeline';

/** `.tl`'s `contain-intrinsic-size`: the rows still to come keep the list's height, so the column does not jump. */
const ROW_EST_PX = 42;

const PROMISE_TONE: Record<string, string> = { pending: 'busy', kept: 'ok', partial: 'warn', broken: 'bad', cancelled: 'idle' };

/** Contacts, payments, promises and callbacks in one list, newest first, each with a status word. */
export function TimelineSection({ card }: { card: DebtorCard }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const entries = buildTimeline(card);
  const whole = usePainted(card.debtor.id); // a new debtor, not a re-read of this one (its rows stay)
  // The screen's height bounds the window's, and reading it forces no layout (window.innerHeight may).
  const shown = whole ? entries : entries.slice(0, timelineFirstRows(window.screen.height));
  const rest = entries.length - shown.length;
  const zone = card.debtor.timeZone;
  const accountNo = new Map(card.accounts.map((a) => [a.id, a.accountNumber]));
  const selfId = useSession((s) => s.session?.user.id ?? null);
  const who = agentNamer(card.staff, selfId, t('timeline.you'));
  // Codes are worded by the module that owns them (negotiation: dispositions, reasons, payment methods), then
  // by our extras for imported/older codes, then made readable.
  const word = (groups: string[], code: string) => {
    for (const g of groups) if (i18n.exists(`${g}.${code}`)) return t(`${g}.${code}`);
    return humanize(code).toLowerCase();
  };
  const method = (code: string) => word(['paymentMethod', 'paymentMethodExtra'], code);

  function row(e: TimelineEntry) {
    switch (e.kind) {
      case 'contact': {
        const c = e.item;
        return {
          when: dateTimeIn(c.startedAt, zone, locale),
          kind: t(`channel.${c.channel}`),
          text: [
            `${t(`direction.${c.direction}`)} · ${who(c.agentId)}`,
            t('timeline.outcome', { outcome: word(['disposition', 'outcomeExtra'], c.outcome) }),
            c.reason ? t('timeline.reason', { reason: word(['reason', 'reasonExtra'], c.reason) }) : null,
          ].filter(Boolean).join(' · '),
          detail: c.notes || null,
          status: null,
          tone: 'idle',
          amount: null,
        };
      }
      case 'payment': {
        const p = e.item;
        return {
          when: calendarDate(p.postedAt, locale),
          kind: t('timeline.payment', { method: method(p.method) }),
          text: accountNo.has(p.accountId) ? t('timeline.account', { account: accountNo.get(p.accountId) }) : '',
          detail: null,
          status: null,
          tone: 'ok',
          amount: money(p.amountMinor, p.currency, locale),
        };
      }
      case 'promise': {
        const p = e.item;
        return {
          when: dateTimeIn(p.createdAt, zone, locale),
          kind: p.installments > 1
            ? t('timeline.promiseInstallments', { date: calendarDate(p.dueDate, locale), count: p.installments })
            : t('timeline.promise', { date: calendarDate(p.dueDate, locale) }),
          text: `${method(p.method)} · ${who(p.agentId)}`,
          detail: null,
          status: t(`promiseStatus.${p.status}`),
          tone: PROMISE_TONE[p.status] ?? 'idle',
          amount: money(p.amountMinor, p.currency, locale),
        };
      }
      case 'callback': {
        const c = e.item;
        return {
          when: dateTimeIn(c.dueAt, c.timeZone, locale),
          kind: t('timeline.callback'),
          text: who(c.agentId),
          detail: c.note || null,
          status: t(`callbackStatus.${c.status}`),
          tone: c.status === 'pending' ? 'busy' : 'idle',
          amount: null,
        };
      }
      default: {
        const never: never = e;
        throw new Error(`unknown timeline entry ${String(never)}`);
      }
    }
  }

  return (
    <Section title={t('debtor.timeline')} aside={t('debtor.timesIn', { zone, count: entries.length })}>
      {entries.length === 0 ? (
        <p className="empty">{t('debtor.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {shown.map((e, i) => {
            const r = row(e);
            // Keyed by place, not by id: the rows hold no state, and a screen-pop swapping one debtor's history
            // for another's then rewrites the rows' text instead of removing and creating every row.
            return (
              <li key={i} className={`tl tl-${e.kind}`}>
                <span className="tl-when num">{r.when}</span>
                <span className="tl-body">
                  <span className="tl-kind">{r.kind}</span> <span className="tl-text">{r.text}</span>
                  {r.detail && <span className="tl-detail">«{r.detail}»</span>}
                </span>
                <span className="tl-right">
                  {r.amount && <span className="num tl-amount">{r.amount}</span>}
                  {r.status && <span className={`status status-${r.tone}`}>{r.status}</span>}
                </span>
              </li>
            );
          })}
          {rest > 0 && <li key="rest" className="tl-rest" aria-hidden="true" style={{ height: rest * ROW_EST_PX }} />}
        </ol>
      )}
    </Section>
  );
}
