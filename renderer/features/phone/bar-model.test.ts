import { describe, expect, it } from 'vitest';
import type { CallSnapshot, PhoneSnapshot } from '../../softphone/types';
import { barShortcut, callParty, callStatusKey, callTimer, currentCall, incomingCall, qualityWords, registrationWords, sameShown, withoutCall } from './bar-model';
import { phoneText } from './i18n';

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const call = (patch: Partial<CallSnapshot> = {}): CallSnapshot => ({
  id: 'c1',
  direction: 'outgoing',
  remote: '+573001234567',
  status: 'active',
  startedAt: 0,
  answeredAt: 1000,
  muted: false,
  onHold: false,
  remoteHold: false,
  pending: false,
  recording: false,
  ...patch,
});

describe('registrationWords', () => {
  it('says each state in words with a mark, not only a colour', () => {
    expect(registrationWords({ kind: 'registered', since: 0 }, hhmm)).toMatchObject({ key: 'phone.registration.registered', mark: '●', tone: 'ok' });
    const r = registrationWords({ kind: 'reconnecting', since: Date.UTC(2026, 0, 1, 10, 41) }, hhmm);
    expect(phoneText('es', r.key, r.params)).toBe('Reconectando desde 10:41');
    const f = registrationWords({ kind: 'failed', since: 0, reasonKey: 'phone.registration.authFailed', detail: '403 Forbidden' }, hhmm);
    expect(phoneText('es', f.key, f.params)).toMatch(/^Error: /);
    expect(registrationWords(null, hhmm).key).toBe('phone.registration.stopped');
  });
});

describe('call words', () => {
  it('formats the timer from the answer (or from the start while ringing)', () => {
    expect(callTimer(call(), 66_000)).toBe('01:05');
    expect(callTimer(call({ answeredAt: undefined, status: 'ringing' }), 7_400)).toBe('00:07');
    expect(callTimer(call({ answeredAt: 0 }), 3_725_000)).toBe('1:02:05');
  });

  it('names the call state', () => {
    expect(callStatusKey(call({ onHold: true }))).toBe('phone.bar.onHold');
    expect(callStatusKey(call({ remoteHold: true }))).toBe('phone.bar.remoteHold');
    expect(callStatusKey(call({ status: 'ended', end: { cause: 'busy', messageKey: 'phone.end.busy', by: 'remote' } }))).toBe('phone.end.busy');
  });

  it('shows MOS as words and bars', () => {
    expect(qualityWords(call({ status: 'ringing' }))).toBeNull();
    expect(qualityWords(call())?.key).toBe('phone.bar.qualityNone');
    const q = qualityWords(call({ quality: { mos: 4.36, level: 'good', rttMs: 2, jitterMs: 1, lossPct: 0 } }))!;
    expect(q).toMatchObject({ tone: 'ok', mark: '▮▮▮', params: { mos: '4.4', level: 'phone.bar.level.good' } });
  });
});

describe('barShortcut', () => {
  const k = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
    key,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });
  it('maps F6–F9 and nothing else', () => {
    expect(['F6', 'F7', 'F8', 'F9'].map((key) => barShortcut(k(key)))).toEqual(['hangup', 'hold', 'mute', 'transfer']);
    expect(barShortcut(k('F10'))).toBeNull();
    expect(barShortcut(k('F6', { ctrlKey: true }))).toBeNull();
  });
});

describe('callParty', () => {
  const open = { debtorId: 'd-1', fullName: 'María Pérez' };
  it("names the open card's debtor when the call belongs to that record, with the number beside it", () => {
    expect(callParty(call({ contactId: 'd-1', remote: 'debtor' }), open)).toEqual({ name: 'María Pérez', number: 'debtor' });
  });
  it("never borrows another record's name", () => {
    expect(callParty(call({ contactId: 'd-2' }), open)).toEqual({ name: '+573001234567', number: null });
    expect(callParty(call(), open)).toEqual({ name: '+573001234567', number: null });
  });
  it("falls back to the caller's display name, then the number alone", () => {
    expect(callParty(call({ remoteName: 'Juan' }), null)).toEqual({ name: 'Juan', number: '+573001234567' });
    expect(callParty(call({ remoteName: '+573001234567' }), null)).toEqual({ name: '+573001234567', number: null });
  });
});

describe('withoutCall (a ringing call held back until its card is ready)', () => {
  const phone = (calls: CallSnapshot[], currentCallId: string | null): PhoneSnapshot => ({
    registration: { kind: 'registered', since: 0 } as PhoneSnapshot['registration'],
    calls, currentCallId, lastEnded: null, devices: {} as PhoneSnapshot['devices'], notices: [],
  });

  it('shows the bar as before the call rang: no ringing call, no current call, controls idle', () => {
    const ring = call({ id: 'in1', direction: 'incoming', status: 'incoming', answeredAt: undefined });
    const s = withoutCall(phone([ring], 'in1'), 'in1');
    expect(incomingCall(s)).toBeNull();
    expect(currentCall(s)).toBeNull();
  });

  it('keeps the call already up (a second call ringing during a call)', () => {
    const up = call({ id: 'c1' });
    const ring = call({ id: 'in2', direction: 'incoming', status: 'incoming', answeredAt: undefined });
    const s = withoutCall(phone([up, ring], 'c1'), 'in2');
    expect(currentCall(s)?.id).toBe('c1');
    expect(s.calls.map((c) => c.id)).toEqual(['c1']);
  });
});

describe('sameShown (the bar keeps its last snapshot while a held call rings)', () => {
  const reg = { kind: 'registered', since: 0 } as PhoneSnapshot['registration'];
  const devices = {} as PhoneSnapshot['devices'];
  const phone = (calls: CallSnapshot[], currentCallId: string | null, patch: Partial<PhoneSnapshot> = {}): PhoneSnapshot => ({
    registration: reg, calls, currentCallId, lastEnded: null, devices, notices: [], ...patch,
  });

  it('is the same bar when a held ringing call is all that changed (its arrival, its 180 Ringing)', () => {
    const up = call({ id: 'c1' });
    const before = phone([up], 'c1');
    const ring = call({ id: 'in2', direction: 'incoming', status: 'incoming', answeredAt: undefined });
    const rang = withoutCall(phone([up, ring], 'c1', { notices: before.notices }), 'in2');
    const ringing = withoutCall(phone([up, { ...ring, pending: true }], 'c1', { notices: before.notices }), 'in2');
    expect(sameShown(before, rang)).toBe(true);
    expect(sameShown(rang, ringing)).toBe(true);
  });

  it('is another bar when anything it shows changed', () => {
    const up = call({ id: 'c1' });
    const base = phone([up], 'c1');
    expect(sameShown(base, phone([{ ...up, muted: true }], 'c1', { notices: base.notices }))).toBe(false);
    expect(sameShown(base, phone([up], null, { notices: base.notices }))).toBe(false);
    expect(sameShown(base, phone([up], 'c1', { registration: { kind: 'reconnecting', since: 1 } as PhoneSnapshot['registration'], notices: base.notices }))).toBe(false);
    expect(sameShown(base, phone([up], 'c1'))).toBe(false); // a new notices list
    expect(sameShown(base, phone([up, call({ id: 'c2' })], 'c1', { notices: base.notices }))).toBe(false);
    expect(sameShown(base, phone([up], 'c1', { notices: base.notices, lastEnded: call({ id: 'c0', status: 'ended' }) }))).toBe(false);
    expect(sameShown(null, base)).toBe(false);
    expect(sameShown(null, null)).toBe(true);
  });
});
