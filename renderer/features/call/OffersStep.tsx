import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { uiLocale } from '../../i18n';
import { calendarDate, formatAmountCell, money } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { pickForPreview } from './pick-offers';
import { useCall } from './store';

/** The offers the policy allows, once the debtor is verified: pick one to fill the promise form. */
export function OffersStep() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { offers, offersLoading, offersError, form, pickOffer, loadOffers } = useCall();
  const [all, setAll] = useState(false);
  if (offersError) return <ErrorNotice error={offersError} onRetry={() => void loadOffers()} compact />;
  if (!offers) return <p className="placeholder-text">{offersLoading ? t('common.loading') : ''}</p>;
  const { shown, hidden } = pickForPreview(offers.offers);
  const list = all ? offers.offers : shown;
  return (
    <div className="gc-offers">
      <p className="muted small">{t('guided.offersTitle', { segment: offers.policy.segment, version: offers.policy.version })}</p>
      <table className="grid offers" data-testid="call-offers">
        <tbody>
          {list.map((o) => (
            <tr key={o.id} className={form.offerId === o.id ? 'gc-picked' : undefined}>
              <td>
                <strong>{t(`offer.${o.kind}`)}</strong>
                <span className="offer-terms">
                  {o.installmentCount > 1
                    ? `${o.downPayment ? `${t('call.downPayment', { amount: formatAmountCell(o.downPayment.amountMinor, o.downPayment.currency, locale) })} · ` : ''}${t('call.installments', {
                        count: o.installmentCount, amount: formatAmountCell(o.installmentAmount.amountMinor, o.installmentAmount.currency, locale),
                        frequency: o.frequency ? t(`frequency.${o.frequency}`).toLowerCase() : '',
                      })} · ${t('call.from', { date: calendarDate(o.schedule[0]!.dueDate, locale) })}`
                    : t('call.payBy', { date: calendarDate(o.schedule[0]!.dueDate, locale) })}
                </span>
              </td>
              <td className="num">
                <strong>{money(o.total.amountMinor, o.total.currency, locale)}</strong>
                {o.discount.amountMinor > 0 && <span className="offer-terms">−{money(o.discount.amountMinor, o.discount.currency, locale)}</span>}
              </td>
              <td>
                <button type="button" className="btn btn-small" data-testid={`pick-${o.id}`} onClick={() => pickOffer(o.id, locale)}>{t('guided.pick')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && !all && (
        <button type="button" className="btn btn-small btn-quiet" onClick={() => setAll(true)}>{t('call.morePlans', { count: hidden })}</button>
      )}
    </div>
  );
}
