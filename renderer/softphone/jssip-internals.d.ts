/** JsSIP modules without type declarations that the softphone patches (see reoffer.ts). */
declare module 'jssip/lib/Dialog/RequestSender' {
  const DialogRequestSender: unknown;
  export default DialogRequestSender;
}
