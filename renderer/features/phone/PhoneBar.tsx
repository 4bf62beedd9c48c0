import { memo, useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PhoneSnapshot } from '../../softphone/types';
import { useTranslation } from '../../i18n/use-translation';
import { barShortcut, callParty, callStatusKey, callTimer, currentCall, incomingCall, qualityWords, registrationWords, sameShown, withoutCall } from './bar-model';
import { usePhone } from './store';
import { useDebtor } from '../debtor/store';
import { usePhoneSetup } from '../phone-setup/lifecycle';
import { ProgressiveStrip } from '../progressive/ProgressiveStrip';
import { useRingingHold } from '../screen-pop/ringing-hold';
import './phone-bar.css';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

const partyText = (p: { name: string; number: string | null }) => (p.number ? `${p.name} · ${p.number}` : p.name);

/**
 * The compact phone bar: state word, number, timer, the call controls with their keys (Colgar F6, Espera F7,
 * Silencio F8, Transferir F9), keypad, transfer and the MOS indicator. Renders the phone store only.
 */
export function PhoneBar() {
  const snapshot = usePhone((st) => st.snapshot);
  const incoming = incomingCall(snapshot);
  // A call that just rang shows with the caller's card, in the same frame (screen-pop/ringing-hold.ts): until
  // then the bar is as it was, controls included.
  const held = useRingingHold((h) => (incoming ? h.numbers.has(incoming.remote) : false));
  const shown = held && snapshot && incoming ? withoutCall(snapshot, incoming.id) : snapshot;
  // While a held call rings, the engine's updates (the call itself, its 180 Ringing) change nothing the bar
  // shows: keeping the last shown snapshot lets the memoized bar skip those renders in the middle of a pop.
  const last = useRef(shown);
  if (!sameShown(last.current, shown)) last.current = shown;
  return <PhoneBarView snap={last.current} />;
}

const PhoneBarView = memo(function PhoneBarView({ snap }: { snap: PhoneSnapshot | null }) {
  const { t } = useTranslation();
  const s = usePhone(useShallow((st) => ({ number: st.number, transferTarget: st.transferTarget, panel: st.panel, error: st.error, consultCallId: st.consultCallId })));
  const act = usePhone.getState(); // the store's actions never change
  const call = currentCall(snap);
  const ringing = incomingCall(snap);
  const card = useDebtor((d) => d.card);
  const open = card ? { debtorId: card.debtor.id, fullName: card.debtor.fullName } : null;
  const reg = registrationWords(snap?.registration ?? null, hhmm);
  const quality = qualityWords(call);
  const notice = snap?.notices.at(-1) ?? null;
  const [now, setNow] = useState(() => Date.now());
  const inCall = !!call && call.status !== 'ended' && call.status !== 'incoming';
  // A call rings and none is up: its Answer / Decline take the place of the dial box and of the controls of a
  // call in progress (none applies yet; F6 still declines), so the bar keeps its one row and the desk below does
  // not move under the agent's pointer when a call rings (nor is it laid out and painted again in the pop's frame).
  // Hidden, not unmounted: each ring and hang-up only toggles them.
  const ringOnly = !!ringing && !inCall;

  useEffect(() => {
    if (!inCall) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [inCall]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = barShortcut(e);
      if (!action) return;
      const st = usePhone.getState();
      // With no call the keys do nothing (and stay free for the rest of the desk).
      if (!currentCall(st.snapshot)) return;
      e.preventDefault();
      if (action === 'hangup') st.hangup();
      else if (action === 'hold') st.toggleHold();
      else if (action === 'mute') st.toggleMute();
      else st.togglePanel('transfer');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onDial = (e: FormEvent) => {
    e.preventDefault();
    act.dial();
  };

  return (
    <section className="phonebar" aria-label={t('phone.bar.label')} data-testid="phonebar">
      <span className={`state state-${reg.tone}`} role="status" data-testid="phone-registration">
        <span className="state-mark" aria-hidden="true">
          {reg.mark}
        </span>
        {t(reg.key, reg.params)}
      </span>

      {ringing ? (
        <span className="phonebar-incoming" role="alert">
          <span className="phonebar-party" title={partyText(callParty(ringing, open))}>
            {t('phone.bar.incoming', { number: partyText(callParty(ringing, open)) })}
          </span>
          <button type="button" className="btn btn-primary" onClick={() => act.answer()}>
            {t('phone.bar.answer')}
          </button>
          <button type="button" className="btn" onClick={() => act.decline()}>
            {t('phone.bar.decline')}
          </button>
        </span>
      ) : null}

      {inCall && call ? (
        <span className="phonebar-call" data-testid="phone-call">
          <span className="phonebar-number" data-testid="phone-party">{partyText(callParty(call, open))}</span>
          <span className="phonebar-status" data-testid="phone-call-status">
            {t(callStatusKey(call), { number: call.remote })}
            {call.muted ? ` · ${t('phone.bar.muted')}` : ''}
          </span>
          <span className="phonebar-timer" aria-label={t('phone.bar.timer')} data-testid="phone-timer">
            {callTimer(call, now)}
          </span>
        </span>
      ) : (
        <form className="phonebar-dial" onSubmit={onDial} hidden={ringOnly}>
          <label className="visually-hidden" htmlFor="phonebar-number">
            {t('phone.bar.number')}
          </label>
          <input
            id="phonebar-number"
            className="phonebar-input"
            inputMode="tel"
            autoComplete="off"
            placeholder={t('phone.bar.numberPlaceholder')}
            value={s.number}
            onChange={(e) => act.setNumber(e.target.value)}
            data-testid="phone-number"
          />
          <button type="submit" className="btn btn-primary" disabled={snap?.registration.kind !== 'registered'}>
            {t('phone.bar.dial')}
          </button>
        </form>
      )}

      <span className="phonebar-controls">
        <span className="phonebar-callctl" hidden={ringOnly}>
          <button type="button" className="btn btn-primary phonebar-hangup" disabled={!call} onClick={() => act.hangup()} aria-keyshortcuts="F6">
            {t('phone.bar.hangup')} <kbd>F6</kbd>
          </button>
          <button type="button" className="btn" disabled={!inCall} aria-pressed={!!call?.onHold} onClick={() => act.toggleHold()} aria-keyshortcuts="F7">
            {call?.onHold ? t('phone.bar.resume') : t('phone.bar.hold')} <kbd>F7</kbd>
          </button>
          <button type="button" className="btn" disabled={!inCall} aria-pressed={!!call?.muted} onClick={() => act.toggleMute()} aria-keyshortcuts="F8">
            {call?.muted ? t('phone.bar.unmute') : t('phone.bar.mute')} <kbd>F8</kbd>
          </button>
          <button type="button" className="btn" disabled={!inCall} aria-expanded={s.panel === 'transfer'} onClick={() => act.togglePanel('transfer')} aria-keyshortcuts="F9">
            {t('phone.bar.transfer')} <kbd>F9</kbd>
          </button>
          <button type="button" className="btn" disabled={!inCall} aria-expanded={s.panel === 'keypad'} onClick={() => act.togglePanel('keypad')}>
            {t('phone.bar.keypad')}
          </button>
        </span>
        <button type="button" className="btn" disabled={!snap} aria-expanded={s.panel === 'devices'} onClick={() => act.togglePanel('devices')}>
          {t('phone.bar.audio')}
        </button>
        <button type="button" className="btn" onClick={() => usePhoneSetup.getState().openPanel()} aria-keyshortcuts="Alt+O" data-testid="phone-settings-open">
          {t('phoneSetup.title')}
        </button>
      </span>

      {quality ? (
        <span className={`state state-${quality.tone}`} data-testid="phone-quality" title={t('phone.bar.quality')}>
          <span className="state-mark" aria-hidden="true">
            {quality.mark}
          </span>
          {t(quality.key, { ...quality.params, level: quality.params ? t(String(quality.params.level)) : '' })}
        </span>
      ) : null}
      {call?.recording ? (
        <span className="state state-warn" role="status">
          <span className="state-mark" aria-hidden="true">
            ●
          </span>
          {t('phone.bar.recording')}
        </span>
      ) : null}

      {s.panel === 'keypad' && inCall ? (
        <span className="phonebar-keypad" role="group" aria-label={t('phone.bar.keypad')}>
          {KEYS.map((k) => (
            <button key={k} type="button" className="btn btn-small btn-key" onClick={() => act.digit(k)}>
              {k}
            </button>
          ))}
        </span>
      ) : null}

      {s.panel === 'transfer' && inCall ? (
        <span className="phonebar-transfer" role="group" aria-label={t('phone.bar.transfer')}>
          <label className="visually-hidden" htmlFor="phonebar-transfer">
            {t('phone.bar.transferTo')}
          </label>
          <input
            id="phonebar-transfer"
            className="phonebar-input"
            placeholder={t('phone.bar.transferTo')}
            value={s.transferTarget}
            onChange={(e) => act.setTransferTarget(e.target.value)}
          />
          <button type="button" className="btn" onClick={() => act.blindTransfer()}>
            {t('phone.bar.blind')}
          </button>
          {s.consultCallId ? (
            <button type="button" className="btn btn-primary" onClick={() => act.completeTransfer()}>
              {t('phone.bar.complete')}
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => act.consult()}>
              {t('phone.bar.consult')}
            </button>
          )}
        </span>
      ) : null}

      {s.panel === 'devices' && snap ? (
        <span className="phonebar-devices" role="group" aria-label={t('phone.bar.audio')}>
          <label>
            {t('phone.bar.microphone')}{' '}
            <select value={snap.devices.microphoneId} onChange={(e) => act.setMicrophone(e.target.value)} data-testid="phone-mic">
              <option value="">{t('phone.bar.systemDefault')}</option>
              {snap.devices.inputs.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('phone.bar.speaker')}{' '}
            <select value={snap.devices.speakerId} onChange={(e) => act.setSpeaker(e.target.value)} data-testid="phone-speaker">
              <option value="">{t('phone.bar.systemDefault')}</option>
              {snap.devices.outputs.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        </span>
      ) : null}

      {s.error ? (
        <span className="state state-warn phonebar-message" role="alert" data-testid="phone-error">
          {t(s.error.key, s.error.params)}
          <button type="button" className="btn btn-quiet btn-small" onClick={() => act.clearError()} aria-label={t('phone.bar.dismiss')}>
            ×
          </button>
        </span>
      ) : notice ? (
        <span className={`state ${notice.level === 'info' ? 'state-idle' : 'state-warn'} phonebar-message`} role="status" data-testid="phone-notice">
          {t(notice.key, notice.params)}
          <button type="button" className="btn btn-quiet btn-small" onClick={() => act.dismissNotice(notice.id)} aria-label={t('phone.bar.dismiss')}>
            ×
          </button>
        </span>
      ) : null}
      <ProgressiveStrip />
    </section>
  );
});
