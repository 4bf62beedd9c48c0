import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../ui/Panel';
import { useDebtor } from '../debtor/store';
import { useQueue } from '../queue/store';
import { OffersPreview } from './OffersPreview';
import { useOffers } from './store';

/**
 * The guided call column. With no call up it says so plainly and shows what the call will run on (the
 * debtor's policy segments, any contact restriction); the negotiation feature fills script, offers and the
 * promise form into these sections during a call.
 */
export function GuidedCallPanel() {
  const { t } = useTranslation();
  const card = useDebtor((s) => s.card);
  const segments = card ? [...new Set(card.accounts.filter((a) => a.status === 'active').map((a) => a.segment))].sort() : [];
  const flags = card?.debtor.flags ?? [];
  // The account the call is about: the queue's cursor when it is this debtor's, else their largest open one.
  const cursor = useQueue((s) => s.items.find((i) => i.accountId === s.selectedId));
  const active = card ? card.accounts.filter((a) => a.status === 'active').sort((a, b) => b.balanceMinor - a.balanceMinor) : [];
  const account = active.find((a) => a.id === cursor?.accountId) ?? active[0] ?? null;
  const accountId = account?.id ?? null;
  useEffect(() => {
    if (accountId) void useOffers.getState().load(accountId);
    else useOffers.getState().clear();
  }, [accountId]);
  return (
    <section className="col col-call" aria-labelledby="call-h">
      <header className="col-head">
        <h2 id="call-h" className="col-title">{t('call.title')}</h2>
      </header>
      <div className="col-body">
        <div className="call-idle" data-testid="call-state">
          <p className="call-idle-title">
            <span className="state-mark" aria-hidden="true">○</span> {t('call.noCall')}
          </p>
          <p className="muted">{card ? t('call.noCallHint') : t('call.noDebtor')}</p>
          {card && segments.length > 0 && (
            <p className="call-policy">
              {segments.length === 1 ? t('call.policy', { segment: segments[0] }) : t('call.policies', { segments: segments.join(', ') })}
            </p>
          )}
          {flags.length > 0 && (
            <p className="notice notice-error">
              <span aria-hidden="true">⊘</span> {t('call.contactBlocked', { flags: flags.map((f) => t(`flag.${f}`)).join(', ') })}
            </p>
          )}
        </div>
        <Section title={t('call.script')}>
          <p className="placeholder-text">{t('call.scriptIdle')}</p>
        </Section>
        <Section title={t('call.offers')} aside={account ? account.accountNumber : undefined}>
          {accountId ? (
            <OffersPreview onRetry={() => { useOffers.getState().clear(); void useOffers.getState().load(accountId); }} />
          ) : (
            <p className="placeholder-text">{t('call.offersIdle')}</p>
          )}
        </Section>
        <Section title={t('call.promise')} aside={<kbd className="kbd">F10</kbd>}>
          <p className="placeholder-text">{t('call.promiseIdle')}</p>
        </Section>
      </div>
    </section>
  );
}
