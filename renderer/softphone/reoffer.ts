/**
 * Hold/resume on a JsSIP RTCSession without losing the call on a crossing re-INVITE.
 *
 * JsSIP's hold()/unhold() terminate the session when the re-INVITE fails, 491 included (JsSIP #771, #806), and
 * silently refuse while another INVITE transaction is open. Here one attempt reports `busy` in the latter case
 * and, for a 491, undoes the local hold flag and the pending local offer (SDP rollback) and reports `glare`, so
 * `ReofferQueue` retries after RFC 3261's random delay. Any other failure keeps JsSIP's behaviour (the dialog is
 * unusable). Relies on two JsSIP 3.13 internals (`_sendReinvite`, `_localHold`); `reoffer.test.ts` pins them.
 */
import DialogRequestSender from 'jssip/lib/Dialog/RequestSender';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { ReofferOutcome } from './reoffer-queue';

/**
 * JsSIP answers a 491 by resending the *same* re-INVITE once after a fixed 1 s. Both sides of a glare then collide
 * again at the same instant, and if the peer's offer meanwhile rolled ours back (implicit rollback), the stale
 * offer's answer fails with "wrong state: stable" and the call drops. We own 491 handling instead: a fresh offer
 * after RFC 3261's random, role-dependent delay (ReofferQueue).
 */
let patched = false;
export function ownGlareHandling(): void {
  if (patched) return;
  patched = true;
  const proto = (DialogRequestSender as unknown as { prototype: { _receiveResponse(r: { method?: string; status_code?: number }): void; _reattempt: boolean } }).prototype;
  const original = proto._receiveResponse;
  proto._receiveResponse = function (this: { _reattempt: boolean }, response: { method?: string; status_code?: number }) {
    if (response.method === 'INVITE' && response.status_code === 491) this._reattempt = true;
    return original.call(this, response);
  };
}
ownGlareHandling();

interface ReinviteOptions {
  eventHandlers?: { succeeded?: (r: unknown) => void; failed?: (r?: { status_code?: number }) => void };
  [k: string]: unknown;
}

interface SessionInternals {
  _sendReinvite(options: ReinviteOptions): void;
  _localHold: boolean;
  _setLocalMediaStatus(): void;
  _connectionPromiseQueue: Promise<unknown>;
  _connection: RTCPeerConnection | null;
}

const offering = new WeakSet<object>();

/**
 * True while our own re-offer is being built or awaits its answer. JsSIP's Dialog only answers 491 once our
 * INVITE is on the wire; a crossing INVITE arriving while our offer is still being created would be accepted and
 * implicitly roll our offer back, so the answer to ours later fails ("wrong state: stable") and the call drops.
 * PhoneCall rejects such re-INVITEs with 491 itself.
 */
export function isOffering(session: RTCSession): boolean {
  return offering.has(session);
}

/**
 * Returns a peer connection with an unanswered local offer (the re-INVITE got 491) to `stable` without a rollback.
 * Rolling back (explicitly, or implicitly when the peer's next offer arrives) can leave Chromium's remote track
 * muted for good after a hold glare although RTP keeps arriving. Instead we answer our own offer with the
 * last negotiated remote description, so media state stays exactly as negotiated before; DTLS keeps its role.
 */
export async function settleUnsentOffer(pc: RTCPeerConnection): Promise<void> {
  const remote = pc.currentRemoteDescription;
  const local = pc.currentLocalDescription;
  if (!remote || !local) {
    await pc.setLocalDescription({ type: 'rollback' });
    return;
  }
  const ourRole = /a=setup:(\w+)/.exec(local.sdp)?.[1];
  const theirRole = ourRole === 'active' ? 'passive' : 'active';
  const sdp = remote.sdp.replace(/a=setup:\w+/g, `a=setup:${theirRole}`);
  try {
    await pc.setRemoteDescription({ type: 'answer', sdp });
  } catch {
    if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
  }
}

export const JSSIP_INTERNALS_USED = ['_sendReinvite', '_setLocalMediaStatus'] as const;

export function holdAttempt(session: RTCSession, hold: boolean): Promise<ReofferOutcome> {
  const s = session as unknown as SessionInternals;
  if (session.isEnded()) return Promise.resolve('failed');
  if (session.isOnHold().local === hold) return Promise.resolve('noop');
  if (!session.isEstablished() || !session.isReadyToReOffer()) return Promise.resolve('busy');

  offering.add(session);
  return new Promise<ReofferOutcome>((settle) => {
    const resolve = (o: ReofferOutcome) => {
      offering.delete(session);
      settle(o);
    };
    const original = s._sendReinvite;
    s._sendReinvite = function patched(this: SessionInternals, options: ReinviteOptions) {
      s._sendReinvite = original;
      const handlers = options.eventHandlers ?? {};
      return original.call(this, {
        ...options,
        eventHandlers: {
          succeeded: (r: unknown) => {
            handlers.succeeded?.(r);
            resolve('ok');
          },
          failed: (response?: { status_code?: number; hasHeader?: (h: string) => boolean }) => {
            // 491, or 500 with Retry-After (the peer is still processing another INVITE, RFC 3261 §14.2).
            const retryable = response?.status_code === 491 || (response?.status_code === 500 && response.hasHeader?.('retry-after') === true);
            if (retryable) {
              // Undo what hold()/unhold() did before sending, so the retry starts from the same state.
              s._localHold = !hold;
              s._setLocalMediaStatus();
              s._connectionPromiseQueue = s._connectionPromiseQueue
                .then(async () => {
                  const pc = s._connection;
                  if (pc && pc.signalingState === 'have-local-offer') await settleUnsentOffer(pc);
                })
                .catch(() => undefined);
              void s._connectionPromiseQueue.then(() => resolve('glare'));
              return;
            }
            try {
              handlers.failed?.(response);
            } finally {
              resolve('failed');
            }
          },
        },
      });
    };
    const started = hold ? session.hold() : session.unhold();
    if (!started) {
      s._sendReinvite = original;
      resolve('busy');
    }
  });
}
