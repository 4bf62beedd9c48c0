import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, errorsByField, formOf } from './form';

describe('phone settings form', () => {
  it('refuses each bad field with its own message key', () => {
    const r = checkForm({ ...emptyForm, wsUrl: 'https://pbx', sipUser: '', ice: 'stun:ok:3478\nhttp://nope', displayName: 'x"y' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      wsUrl: 'phoneSetup.error.wsUrl', sipUser: 'phoneSetup.error.sipUserRequired', ice: 'phoneSetup.error.iceUrl',
      displayName: 'phoneSetup.error.displayName',
    });
  });

  it('reads TURN credentials from a line and writes them back', () => {
    const r = checkForm({ ...emptyForm, wsUrl: 'wss://pbx.acme.co/ws', sipUser: '1001', password: 'p', ice: 'turn:u1:s3@turn.acme.co:3478\nstun:stun.acme.co' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.iceServers).toEqual([
      { urls: ['turn:turn.acme.co:3478'], username: 'u1', credential: 's3' }, { urls: ['stun:stun.acme.co'] },
    ]);
    const back = formOf({ ...r.input, displayName: '', hasPassword: true });
    expect(back.ice).toBe('turn:u1:s3@turn.acme.co:3478\nstun:stun.acme.co');
    expect(back.password).toBe('');
  });

  it('maps desk issues to fields, unknown messages to a generic key', () => {
    expect(errorsByField([{ path: 'password', message: 'phoneSetup.error.passwordRequired' }, { path: 'dtmfMode', message: 'Invalid option' }]))
      .toEqual({ password: 'phoneSetup.error.passwordRequired', dtmfMode: 'phoneSetup.error.generic' });
  });
});
