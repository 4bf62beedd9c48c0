import { afterPaint } from '../../lib/after-paint';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { api } from '../../api';
import type { CallRecord } from '../../../shared/api/methods/calls';
import { uiLocale } from '../../i18n';
import { dateTimeIn } from '../../lib/format';
import { Section } from '../../ui/Panel';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePhoneSetup } from './lifecycle';
import './phone-setup.css';

const mmss = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.round(sec) % 60).padStart(2, '0')}`;

/** The debtor's calls from this desk's store: when, which way, how it ended (SIP cause, who hung up), talk time, MOS. */
export function CallHistory({ debtorId, zone }: { debtorId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const version = usePhoneSetup((s) => s.logVersion);
  // What was loaded, and for whom: the card stays mounted from one debtor to the next, and the previous debtor's
  // calls must not show under the new debtor's name while theirs load.
  const [loaded, setLoaded] = useState<{ debtorId: string; calls: CallRecord[] | null; error: unknown } | null>(null);
  useEffect(() => {
    let live = true;
    // After the card is painted: a screen-pop shows the debtor first, their call history a moment later.
    const cancel = afterPaint(() => {
      api.calls.history({ debtorId, limit: 20 }).then(
        (calls) => live && setLoaded({ debtorId, calls, error: null }),
        (error: unknown) => live && setLoaded((prev) => ({ debtorId, calls: prev?.debtorId === debtorId ? prev.calls : null, error })),
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [debtorId, version]);

  const mine = loaded?.debtorId === debtorId ? loaded : null;
  if (mine?.error) return <ErrorNotice error={mine.error} compact />;
  const calls = mine?.calls;
  if (!calls) return null;
  return (
    <Section title={t('calls.history')} aside={String(calls.length)} id="call-history">
      {calls.length === 0 ? <p className="ch-meta">{t('calls.none')}</p> : (
        <ul className="call-history" data-testid="call-history">
          {calls.map((c) => (
            <li key={c.callId}>
              <span>{dateTimeIn(c.startedAt, zone, locale)}</span>
              <span>{c.direction === 'incoming' ? t('calls.incoming') : t('calls.outgoing')} {c.remote}</span>
              <span className="ch-cause">
                {c.cause === null ? t('calls.inProgress') : t(`phone.end.${c.cause}`, { number: c.remote, code: c.statusCode ?? '', detail: c.reasonPhrase ?? '' })}
                {c.statusCode !== null && c.statusCode !== 200 ? ` (SIP ${c.statusCode}${c.reasonPhrase ? ` ${c.reasonPhrase}` : ''})` : ''}
              </span>
              <span className="ch-meta">
                {[
                  c.hungUpBy ? t(`calls.by.${c.hungUpBy}`) : null,
                  c.answeredAt ? t('calls.talk', { time: mmss(c.talkSec ?? 0) }) : c.cause !== null ? t('calls.unanswered') : null,
                  c.mos !== null ? t('calls.mos', { mos: c.mos.toFixed(1) }) : null,
                  c.recorded ? t('calls.recorded') : null,
                ].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
