import { useTranslation } from '../../i18n/use-translation';
import type { Phone } from '../../../shared/domain/portfolio';
import { phoneDisplay } from '../../lib/format';
import { Section } from '../../ui/Panel';
import { DialButton } from '../dial/DialButton';

/** Each phone with its type and a status word + mark: ✓ usable, ✗ not to be dialed. */
export function PhonesSection({ phones }: { phones: Phone[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('debtor.phones')} aside={String(phones.length)}>
      {phones.length === 0 ? (
        <p className="empty">{t('debtor.phonesEmpty')}</p>
      ) : (
        <ul className="phones">
          {phones.map((p) => {
            const status = !p.valid ? 'invalid' : p.status;
            const ok = status === 'ok';
            return (
              <li key={p.id} className={ok ? 'phone' : 'phone is-bad'} data-e164={p.e164}>
                <span className="mono phone-number">{phoneDisplay(p.e164)}</span>
                <span className="phone-type">{t(`phoneType.${p.type}`)}</span>
                <span className={ok ? 'mark mark-ok' : 'mark mark-bad'}>
                  <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {t(`phoneStatus.${status}`)}
                </span>
                <DialButton request={{ debtorId: p.debtorId, phoneE164: p.e164, source: 'manual' }} disabled={!p.valid || p.status === 'wrong_number' || p.status === 'not_debtor'} />
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
