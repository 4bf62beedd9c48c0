import { afterEach, describe, expect, it } from 'vitest';
import { PhoneError, type Softphone } from '../../softphone/softphone';
import { usePhone } from '../phone/store';
import { placeCall } from './phone-link';

/** A stand-in for the softphone engine: records what it was asked to dial. */
function engineStub(opts: { fail?: boolean } = {}) {
  const dialled: Array<{ number: string; contactId?: string }> = [];
  const engine = {
    snapshot: () => ({ calls: [], currentCallId: null }),
    subscribe: () => () => {},
    dial(number: string, o: { contactId?: string } = {}) {
      if (opts.fail) throw new PhoneError('phone.error.notRegistered');
      dialled.push({ number, ...o });
      return 'call-1';
    },
  };
  return { engine: engine as unknown as Softphone, dialled };
}

let detach: (() => void) | null = null;
afterEach(() => {
  detach?.();
  detach = null;
  usePhone.setState({ error: null, number: '' });
});

describe('placeCall: an allowed call handed to the softphone', () => {
  it('says not connected when no engine is attached to the phone store', () => {
    expect(placeCall('+12125550100', 'D-1')).toEqual({ ok: false, reason: 'not_connected' });
  });
  it("dials the number through the phone store's dial, tagged with the debtor", () => {
    const { engine, dialled } = engineStub();
    detach = usePhone.getState().attach(engine);
    expect(placeCall('+12125550100', 'D-1')).toEqual({ ok: true });
    expect(dialled).toEqual([{ number: '+12125550100', contactId: 'D-1' }]);
    expect(usePhone.getState().number).toBe('+12125550100');
  });
  it("reports the engine's refusal as the phone's own message", () => {
    const { engine } = engineStub({ fail: true });
    detach = usePhone.getState().attach(engine);
    expect(placeCall('+12125550100', 'D-1')).toEqual({ ok: false, reason: 'phone_error', error: { key: 'phone.error.notRegistered', params: {} } });
  });
});
