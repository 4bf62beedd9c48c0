/**
 * What the phone bar says, as pure functions of the engine's snapshot: the state word (never colour alone), the
 * call's label and timer, the MOS indicator, and the bar's keyboard map. Tested without a DOM.
 */
import type { CallSnapshot, PhoneSnapshot, RegistrationState } from '../../softphone/types';

export type Tone = 'ok' | 'busy' | 'warn' | 'idle';

export interface Words {
  key: string;
  params?: Record<string, string | number>;
  tone: Tone;
  /** A glyph beside the word, so the state reads without colour too. */
  mark: string;
}

export function registrationWords(r: RegistrationState | null, formatTime: (epochMs: number) => string): Words {
  if (!r) return { key: 'phone.registration.stopped', tone: 'idle', mark: '○' };
  switch (r.kind) {
    case 'stopped':
      return { key: 'phone.registration.stopped', tone: 'idle', mark: '○' };
    case 'connecting':
      return { key: 'phone.registration.connecting', tone: 'busy', mark: '…' };
    case 'registered':
      return { key: 'phone.registration.registered', tone: 'ok', mark: '●' };
    case 'reconnecting':
      return { key: 'phone.registration.reconnecting', params: { time: formatTime(r.since) }, tone: 'warn', mark: '↻' };
    case 'failed':
      return {
        key: r.reasonKey === 'phone.registration.failed' ? 'phone.registration.failed' : r.reasonKey,
        params: { detail: r.detail },
        tone: 'warn',
        mark: '✕',
      };
    default: {
      const never: never = r;
      throw new Error(`unknown registration state ${JSON.stringify(never)}`);
    }
  }
}

export function callStatusKey(c: CallSnapshot): string {
  if (c.status === 'incoming') return 'phone.bar.incoming';
  if (c.status === 'dialing') return 'phone.bar.dialing';
  if (c.status === 'ringing') return 'phone.bar.ringing';
  if (c.status === 'ended') return c.end?.messageKey ?? 'phone.end.normal';
  if (c.onHold) return 'phone.bar.onHold';
  if (c.remoteHold) return 'phone.bar.remoteHold';
  return 'phone.bar.active';
}

/** mm:ss (h:mm:ss past an hour) of talk time, or of ringing time before the answer. */
export function callTimer(c: CallSnapshot, now: number): string {
  const from = c.answeredAt ?? c.startedAt;
  const to = c.endedAt ?? now;
  const total = Math.max(0, Math.floor((to - from) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export function qualityWords(c: CallSnapshot | null): Words | null {
  if (!c || c.status !== 'active') return null;
  if (!c.quality) return { key: 'phone.bar.qualityNone', tone: 'idle', mark: '◌' };
  const { level, mos } = c.quality;
  const tone: Tone = level === 'good' ? 'ok' : level === 'fair' ? 'busy' : 'warn';
  const mark = level === 'good' ? '▮▮▮' : level === 'fair' ? '▮▮▯' : level === 'poor' ? '▮▯▯' : '▯▯▯';
  return { key: 'phone.bar.qualityValue', params: { level: `phone.bar.level.${level}`, mos: mos.toFixed(1) }, tone, mark };
}

export type BarAction = 'hangup' | 'hold' | 'mute' | 'transfer';

/** F6 Colgar, F7 Espera, F8 Silencio, F9 Transferir (F6–F10 belong to the phone bar and the call column). */
export function barShortcut(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): BarAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  switch (e.key) {
    case 'F6':
      return 'hangup';
    case 'F7':
      return 'hold';
    case 'F8':
      return 'mute';
    case 'F9':
      return 'transfer';
    default:
      return null;
  }
}

export function currentCall(s: PhoneSnapshot | null): CallSnapshot | null {
  if (!s || !s.currentCallId) return null;
  return s.calls.find((c) => c.id === s.currentCallId) ?? null;
}

export function incomingCall(s: PhoneSnapshot | null): CallSnapshot | null {
  return s?.calls.find((c) => c.status === 'incoming') ?? null;
}

/** The phone as the bar shows it while one call is held back (screen-pop/ringing-hold.ts): as if it had not rung yet. */
export function withoutCall(s: PhoneSnapshot, callId: string): PhoneSnapshot {
  return { ...s, calls: s.calls.filter((c) => c.id !== callId), currentCallId: s.currentCallId === callId ? null : s.currentCallId };
}

/**
 * Who the agent is talking to, as the bar names them: the debtor whose card is open when the call belongs to
 * that record (the screen-pop or the agent's pick tied it), else the caller's display name, else the number.
 * `number` is shown beside a name so the agent can still read the line it came from.
 */
export function callParty(c: CallSnapshot, open: { debtorId: string; fullName: string } | null): { name: string; number: string | null } {
  if (open && c.contactId === open.debtorId) return { name: open.fullName, number: c.remote };
  if (c.remoteName && c.remoteName !== c.remote) return { name: c.remoteName, number: c.remote };
  return { name: c.remote, number: null };
}

/**
 * Whether two snapshots show the same bar: the same registration, calls (each call's snapshot is replaced when
 * it changes, so identity is enough), current call, last ended call, devices and notices.
 */
export function sameShown(a: PhoneSnapshot | null, b: PhoneSnapshot | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.registration === b.registration &&
    a.currentCallId === b.currentCallId &&
    a.lastEnded === b.lastEnded &&
    a.devices === b.devices &&
    a.notices === b.notices &&
    a.calls.length === b.calls.length &&
    a.calls.every((c, i) => c === b.calls[i])
  );
}
