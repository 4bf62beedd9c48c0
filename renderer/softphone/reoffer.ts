/**
 * Hold/resume on a JsSIP RTCSession without losing the call on a crossing re-INVITE.
 *
 * JsSIP's hold()/unhold() terminate the session when the re-INVITE fails, 491 included (JsSIP #771, #806), and
 * silently refuse while another INVITE transaction is open. Here one attempt reports `busy` in the latter case
 * and, for a 491, undoes the local hold flag and the pending local offer (SDP rollback) and reports `glare`, so
 * `ReofferQueue` retries after RFC 3261's random delay. Any other failure keeps JsSIP's behaviour (the dialog is
 * unusable). Relies on two JsSIP 3.13 internals (`_sendReinvite`, `_localHold`); `reoffer.test.ts` pins them.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { ReofferOutcome } from './reoffer-queue';

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

export const JSSIP_INTERNALS_USED = ['_sendReinvite', '_setLocalMediaStatus'] as const;

export function holdAttempt(session: RTCSession, hold: boolean): Promise<ReofferOutcome> {
  const s = session as unknown as SessionInternals;
  if (session.isEnded()) return Promise.resolve('failed');
  if (session.isOnHold().local === hold) return Promise.resolve('noop');
  if (!session.isEstablished() || !session.isReadyToReOffer()) return Promise.resolve('busy');

  return new Promise<ReofferOutcome>((resolve) => {
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
          failed: (response?: { status_code?: number }) => {
            if (response?.status_code === 491) {
              // Undo what hold()/unhold() did before sending, so the retry starts from the same state.
              s._localHold = !hold;
              s._setLocalMediaStatus();
              s._connectionPromiseQueue = s._connectionPromiseQueue
                .then(async () => {
                  const pc = s._connection;
                  if (pc && pc.signalingState === 'have-local-offer') {
                    await pc.setLocalDescription({ type: 'rollback' });
                  }
                })
                .catch(() => undefined);
              void s._connectionPromiseQueue.then(() => resolve('glare'));
              return;
            }
            handlers.failed?.(response);
            resolve('failed');
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
