import DialogRequestSender from 'jssip/lib/Dialog/RequestSender';
import * as rtcSessionModule from 'jssip/lib/RTCSession';
import { describe, expect, it } from 'vitest';
import { JSSIP_INTERNALS_USED, ownGlareHandling } from './reoffer';

// reoffer.ts patches JsSIP 3.13 internals; this pins them so a JsSIP upgrade that moves them fails here, loudly.
describe('JsSIP internals the hold/glare handling relies on', () => {
  it('RTCSession still has the private methods we wrap', () => {
    // The module is CommonJS (`module.exports = class RTCSession`); its typings claim a named export.
    const mod = rtcSessionModule as unknown as { default?: { prototype: object }; prototype?: object };
    const RTCSession = (mod.default ?? mod) as { prototype: object };
    for (const name of JSSIP_INTERNALS_USED) {
      expect(typeof (RTCSession.prototype as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('a 491 to a re-INVITE reaches our handler at once instead of JsSIP resending the stale offer after 1 s', () => {
    ownGlareHandling();
    const errors: number[] = [];
    const Sender = DialogRequestSender as unknown as new (
      dialog: unknown,
      request: unknown,
      handlers: Record<string, (r?: { status_code: number }) => void>,
    ) => { _receiveResponse(r: { method: string; status_code: number }): void; _reattemptTimer: unknown };
    const dialog = { _ua: {}, local_seqnum: 1, isTerminated: () => false };
    const sender = new Sender(dialog, { method: 'INVITE', cseq: 1 }, { onErrorResponse: (r) => errors.push(r!.status_code) });
    sender._receiveResponse({ method: 'INVITE', status_code: 491 });
    expect(errors).toEqual([491]);
    expect(sender._reattemptTimer).toBeNull();
  });

  it('leaves other responses alone', () => {
    ownGlareHandling();
    const seen: string[] = [];
    const Sender = DialogRequestSender as unknown as new (
      dialog: unknown,
      request: unknown,
      handlers: Record<string, () => void>,
    ) => { _receiveResponse(r: { method: string; status_code: number }): void };
    const sender = new Sender({ _ua: {} }, { method: 'INVITE' }, { onSuccessResponse: () => seen.push('ok'), onErrorResponse: () => seen.push('err') });
    sender._receiveResponse({ method: 'INVITE', status_code: 200 });
    sender._receiveResponse({ method: 'INVITE', status_code: 488 });
    expect(seen).toEqual(['ok', 'err']);
  });
});
