import { useTranslation } from '../../i18n/use-translation';
import * as runner from '../../../shared/scripts';
import { uiLocale } from '../../i18n';
import { money } from '../../lib/format';
import type { DebtorCard } from '../../../shared/api/methods/portfolio';
import { useCall } from './store';

/**
 * What the agent may say about the debt: nothing before right-party verification, nothing on a third-party
 * path (the runner decides); then balance, days past due, product and creditor of the call's account.
 */
export function DebtDetails({ card }: { card: DebtorCard | null }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { run, accountId, info } = useCall();
  if (!run) return null;
  const speakable = runner.speakableDetails(run);
  if (speakable.length === 0) {
    return (
      <p className="gc-locked" data-testid="debt-locked">
        {t(run.thirdParty || run.verification === 'failed' ? 'guided.lockedThirdParty' : 'guided.locked')}
      </p>
    );
  }
  const a = card?.accounts.find((x) => x.id === accountId);
  if (!a) return null;
  return (
    <dl className="gc-debt" data-testid="debt-details">
      <div><dt>{t('guided.balance')}</dt><dd className="num">{money(a.balanceMinor, a.currency, locale)}</dd></div>
      <div><dt>{t('guided.daysPastDue')}</dt><dd>{t('guided.days', { count: a.daysPastDue })}</dd></div>
      <div><dt>{t('guided.product')}</dt><dd>{info?.vars['account.product'] ?? a.product}</dd></div>
      <div><dt>{t('guided.creditor')}</dt><dd>{info?.vars['creditor.name'] ?? a.creditorId}</dd></div>
    </dl>
  );
}
