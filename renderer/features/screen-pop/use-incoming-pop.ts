import { useEffect } from 'react';
import { usePhone } from '../phone/store';
import { newInboundCalls } from './ringing';
import { popTiming } from './pop-timing';
import { screenPop } from './screen-pop';

/** While the desk is up: an inbound call rings → the caller's card (or the picker / prefilled search). */
export function useIncomingCallPop(): void {
  useEffect(() => {
    const seen = new Set<string>();
    // Calls already up when the desk mounts are not "ringing now".
    for (const c of usePhone.getState().snapshot?.calls ?? []) seen.add(c.id);
    return usePhone.subscribe((s) => {
      for (const call of newInboundCalls(s.snapshot?.calls ?? [], seen)) {
        popTiming.event(call.remote); // start of "call event → card painted" (pop-timing.ts)
        void screenPop(call.remote);
      }
    });
  }, []);
}
