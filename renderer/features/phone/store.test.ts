import { beforeEach, describe, expect, it } from 'vitest';
import { parseDialTarget } from '../../softphone/dial-target';
import { PhoneError, type Softphone } from '../../softphone/softphone';
import type { PhoneSnapshot } from '../../softphone/types';
import { usePhone } from './store';

const snap = (patch: Partial<PhoneSnapshot> = {}): PhoneSnapshot => ({
  registration: { kind: 'registered', since: 0 },
  calls: [],
  currentCallId: null,
  lastEnded: null,
  devices: { inputs: [], outputs: [], microphoneId: '', speakerId: '' },
  notices: [],
  ...patch,
});

function fakeEngine() {
  let listener: ((s: PhoneSnapshot) => void) | null = null;
  const calls: string[] = [];
  const engine = {
    snapshot: () => snap(),
    subscribe(fn: (s: PhoneSnapshot) => void) {
      listener = fn;
      return () => (listener = null);
    },
    dial(n: string, o: { contactId?: string }) {
      parseDialTarget(n);
      calls.push(`dial:${n}:${o.contactId ?? ''}`);
      return 'c1';
    },
    hangup() {
      throw new PhoneError('phone.error.noSuchCall', { callId: '' });
    },
    async startConsult(t: string) {
      calls.push(`consult:${t}`);
      return 'c2';
    },
    completeTransfer(id: string) {
      calls.push(`complete:${id}`);
    },
  };
  return { engine: engine as unknown as Softphone, calls, push: (s: PhoneSnapshot) => listener?.(s), listening: () => listener !== null };
}

describe('phone store', () => {
  beforeEach(() => usePhone.setState({ engine: null, snapshot: null, number: '', error: null, consultCallId: null, transferTarget: '', panel: 'none' }));

  it('without an engine, actions say the phone is not registered', () => {
    usePhone.getState().dial();
    expect(usePhone.getState().error).toEqual({ key: 'phone.error.notRegistered' });
  });

  it('mirrors the engine snapshot and stops on detach', () => {
    const f = fakeEngine();
    const detach = usePhone.getState().attach(f.engine);
    f.push(snap({ registration: { kind: 'reconnecting', since: 5 } }));
    expect(usePhone.getState().snapshot?.registration).toEqual({ kind: 'reconnecting', since: 5 });
    detach();
    expect(f.listening()).toBe(false);
    expect(usePhone.getState().engine).toBeNull();
  });

  it('turns engine errors into i18n keys with params', () => {
    const f = fakeEngine();
    usePhone.getState().attach(f.engine);
    usePhone.getState().setNumber('+57 1');
    usePhone.getState().dial('contact-1');
    expect(usePhone.getState().error).toEqual({ key: 'phone.error.invalidNumber', params: { number: '+57 1' } });
    usePhone.getState().hangup();
    expect(usePhone.getState().error?.key).toBe('phone.error.noSuchCall');
    usePhone.getState().setNumber('+573001234567');
    usePhone.getState().dial('contact-1');
    expect(usePhone.getState().error).toBeNull();
    expect(f.calls).toEqual(['dial:+573001234567:contact-1']);
  });

  it('runs an attended transfer as consult then complete', async () => {
    const f = fakeEngine();
    usePhone.getState().attach(f.engine);
    usePhone.getState().setTransferTarget('+573009876543');
    usePhone.getState().consult();
    await new Promise((r) => setTimeout(r, 0));
    expect(usePhone.getState().consultCallId).toBe('c2');
    usePhone.getState().completeTransfer();
    expect(f.calls).toEqual(['consult:+573009876543', 'complete:c2']);
    expect(usePhone.getState().consultCallId).toBeNull();
  });
});
