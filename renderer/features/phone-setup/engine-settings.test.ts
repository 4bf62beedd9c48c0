import { describe, expect, it } from 'vitest';
import { engineSettingsOf, pbxOriginOf, sipUriOf } from './engine-settings';
import { workStateOf } from './work-state';
import type { CallSnapshot, PhoneSnapshot } from '../../softphone/types';

describe('engine settings', () => {
  it('builds the SIP URI from the PBX host unless the user carries a domain', () => {
    expect(sipUriOf('agent1', 'wss://pbx.acme.co:8089/ws')).toBe('sip:agent1@pbx.acme.co');
    expect(sipUriOf('agent1@recaudo.test', 'ws://127.0.0.1:5066')).toBe('sip:agent1@recaudo.test');
    expect(pbxOriginOf('WSS://PBX.acme.co:8089/ws')).toBe('wss://pbx.acme.co:8089');
  });
  it('passes the account through without empty optionals', () => {
    const s = engineSettingsOf({
      wsUrl: 'ws://127.0.0.1:5066', sipUser: 'agent1', password: 'x', displayName: '', iceServers: [{ urls: ['stun:s:3478'] }],
      dtmfMode: 'info', autoRecord: true,
    });
    expect(s).toEqual({
      wsUrl: 'ws://127.0.0.1:5066', sipUri: 'sip:agent1@127.0.0.1', password: 'x', iceServers: [{ urls: ['stun:s:3478'] }],
      dtmfMode: 'info', autoRecord: true,
    });
  });
});

const call = (status: CallSnapshot['status']): CallSnapshot => ({
  id: 'c', direction: 'incoming', remote: '+573001234567', status, startedAt: 0, muted: false, onHold: false,
  remoteHold: false, pending: false, recording: false,
});
const snap = (calls: CallSnapshot[]): PhoneSnapshot => ({
  registration: { kind: 'registered', since: 0 }, calls, currentCallId: null, lastEnded: null,
  devices: { inputs: [], outputs: [], microphoneId: '', speakerId: '' }, notices: [],
});

describe('work state', () => {
  it('follows the phone, then the wrap-up', () => {
    expect(workStateOf(snap([call('incoming')]), 'idle')).toBe('ringing');
    expect(workStateOf(snap([call('active'), call('incoming')]), 'running')).toBe('in_call');
    expect(workStateOf(snap([]), 'wrapup')).toBe('wrap_up');
    expect(workStateOf(snap([call('ended')]), 'done')).toBe('idle');
    expect(workStateOf(null, 'idle')).toBe('idle');
  });
});
