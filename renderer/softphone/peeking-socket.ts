/**
 * JsSIP's WebSocket transport with a look at each message before JsSIP's parser: a new inbound call is announced
 * (`invite-peek.ts`) the moment its INVITE arrives, then the message goes to JsSIP unchanged. The announcement
 * can never break SIP handling: it runs in a try/catch and JsSIP always gets the data.
 */
import * as JsSIP from 'jssip';
import { initialInviteCaller } from './invite-peek';

type OnData = (data: unknown) => void;

/** Wraps the transport's data handler (`socket.ondata`, assigned by JsSIP when it connects). */
export function peekingDataHandler(inner: OnData, onInvite: (caller: string) => void): OnData {
  return (data) => {
    try {
      const caller = initialInviteCaller(data);
      if (caller) onInvite(caller);
    } catch {
      // a listener's failure must not cost the call
    }
    inner(data);
  };
}

/** A JsSIP WebSocketInterface whose incoming messages pass `peekingDataHandler` first. */
export function peekingSocket(url: string, onInvite: (caller: string) => void): JsSIP.WebSocketInterface {
  const socket = new JsSIP.WebSocketInterface(url);
  let wrapped: OnData | null = null;
  Object.defineProperty(socket, 'ondata', {
    configurable: true,
    get: () => wrapped,
    set: (fn: OnData | null) => {
      wrapped = typeof fn === 'function' ? peekingDataHandler(fn, onInvite) : fn;
    },
  });
  return socket;
}
