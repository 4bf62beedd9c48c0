import { useTranslation } from '../../i18n/use-translation';
import type { OfferView, OffersResult } from '../../../shared/api/methods/negotiation';
import { uiLocale } from '../../i18n';
import { calendarDate, formatAmountCell, money } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useOffers } from './store';
import { pickForPreview } from './pick-offers';

/** The policy's offers for the account, one line each: what, how much, in how many payments, from when. */
export function OffersPreview({ accountId, onRetry }: { accountId: string; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { result, loading, error, accountId: loadedFor } = useOffers();
  // Never another account's offers, not even for the frame before this account's load starts.
  if (loadedFor !== accountId) return <p className="placeholder-text">{t('common.loading')}</p>;
  if (error) return <ErrorNotice error={error} onRetry={onRetry} compact />;
  if (loading && !result) return <p className="placeholder-text">{t('common.loading')}</p>;
  if (!result) return <p className="placeholder-text">{t('call.offersIdle')}</p>;
  if (result.offers.length === 0) return <p className="placeholder-text">{t('call.noOffers')}</p>;
  const { shown, hidden } = pickForPreview(result.offers);
  return (
    <>
      <p className="muted small">
        {t('call.offersFor', {
          balance: money(result.balance.amountMinor, result.balance.currency, locale),
          segment: result.policy.segment,
          version: result.policy.version,
        })}
      </p>
      <table className="grid offers" data-testid="offers">
        <tbody>
          {shown.map((o) => (
            <tr key={o.id}>
              <td>
                <strong>{t(`offer.${o.kind}`)}</strong>
                <span className="offer-terms">{terms(o, result, t as never, locale)}</span>
              </td>
              <td className="num">
                <strong>{money(o.total.amountMinor, o.total.currency, locale)}</strong>
                {o.discount.amountMinor > 0 && (
                  <span className="offer-terms">−{money(o.discount.amountMinor, o.discount.currency, locale)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="placeholder-text">
        {hidden > 0 ? `${t('call.morePlans', { count: hidden })} ` : ''}
        {t('call.offersWhen')}
      </p>
    </>
  );
}

function terms(o: OfferView, r: OffersResult, t: (k: string, p?: Record<string, unknown>) => string, locale: string): string {
  const first = o.schedule[0];
  const firstDate = first ? calendarDate(first.dueDate, locale) : '';
  if (o.installmentCount > 1) {
    return [
      // Amounts without the code here: every offer is in the account's currency, shown once in the totals.
      o.downPayment ? t('call.downPayment', { amount: formatAmountCell(o.downPayment.amountMinor, o.downPayment.currency, locale) }) : null,
      t('call.installments', {
        count: o.installmentCount,
        amount: formatAmountCell(o.installmentAmount.amountMinor, o.installmentAmount.currency, locale),
        frequency: o.frequency ? t(`frequency.${o.frequency}`).toLowerCase() : '',
      }),
      t('call.from', { date: firstDate }),
    ].filter(Boolean).join(' · ');
  }
  void r;
  return t('call.payBy', { date: firstDate });
}
