import { useTranslation } from 'react-i18next';
import { Section } from '../../ui/Panel';
import { useDebtor } from '../debtor/store';

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
        <Section title={t('call.offers')}>
          <p className="placeholder-text">{t('call.offersIdle')}</p>
        </Section>
        <Section title={t('call.promise')} aside={<kbd className="kbd">F10</kbd>}>
          <p className="placeholder-text">{t('call.promiseIdle')}</p>
        </Section>
      </div>
    </section>
  );
}
