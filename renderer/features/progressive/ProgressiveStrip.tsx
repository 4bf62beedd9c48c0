import { memo, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useProgressive } from './store';
import '../phone-setup/phone-setup.css';

/** The dialing mode, the countdown to the next progressive call and its pause key; owns F4 and Alt+P. */
// memo: a parent's re-render (the phone bar on every call event) must not re-render it with nothing changed.
export const ProgressiveStrip = memo(function ProgressiveStrip() {
  const { t } = useTranslation();
  const s = useProgressive();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const id = setInterval(() => {
      const at = Date.now();
      // Only a countdown on screen needs the clock: re-rendering the strip 4 times a second for nothing would
      // land in the middle of a screen-pop now and then.
      if (useProgressive.getState().countdown) setNow(at);
      void useProgressive.getState().tick(at);
    }, 250);
    const onKey = (e: KeyboardEvent) => {
      const key = e.altKey && /^Key[A-Z]$/.test(e.code) ? e.code.slice(3).toLowerCase() : e.key;
      if (e.key === 'F4' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        void useProgressive.getState().dialNow();
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && key === 'p') {
        e.preventDefault();
        useProgressive.getState().togglePause();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearInterval(id);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  // `now` ticks only during a countdown: the first frame of one reads the clock itself.
  const sec = s.countdown ? Math.max(0, Math.ceil((s.countdown.endsAt - Math.max(now, Date.now())) / 1000)) : 0;
  return (
    <section className="progressive-strip" aria-label={t('progressive.label')} data-testid="progressive">
      <span role="radiogroup" aria-label={t('progressive.label')} title={t('progressive.modeHint')}>
        {(['preview', 'progressive'] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={s.mode === m} className={`btn btn-small${s.mode === m ? ' btn-primary' : ''}`} onClick={() => s.setMode(m)}>
            {t(`progressive.${m}`)}
          </button>
        ))}
      </span>
      {s.countdown ? (
        <>
          <span className="pg-count" role="timer" aria-live="polite" data-testid="progressive-countdown">
            {t('progressive.countdown', { name: s.countdown.name, sec })}
          </span>
          <button type="button" className="btn btn-small" onClick={() => s.togglePause()} aria-keyshortcuts="Alt+P">{t('progressive.pause')}</button>
          <button type="button" className="btn btn-small" onClick={() => void s.dialNow()} aria-keyshortcuts="F4">{t('progressive.dialNow')}</button>
        </>
      ) : s.mode === 'progressive' ? (
        <>
          {s.message ? <span className="pg-msg" role="status">{t(s.message.key, s.message.params)}</span> : null}
          {s.paused ? <button type="button" className="btn btn-small" onClick={() => s.togglePause()} aria-keyshortcuts="Alt+P">{t('progressive.resume')}</button> : null}
        </>
      ) : (
        s.message ? <span className="pg-msg" role="status">{t(s.message.key, s.message.params)}</span> : null
      )}
    </section>
  );
});
