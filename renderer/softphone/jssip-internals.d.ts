/** JsSIP modules without type declarations that the softphone patches (see reoffer.ts). */
declare module 'jssip/lib/Dialog/RequestSender' {
  const DialogRequestSender: unknown;
  export default DialogRequestSender;
}

/** JsSIP's message parser: the tests hold the INVITE peek (invite-peek.ts) to what JsSIP itself reads. */
declare module 'jssip/lib/Parser' {
  export function parseMessage(data: string, ua: unknown): unknown;
}
