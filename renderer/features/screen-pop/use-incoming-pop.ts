import { useEffect } from 'react';
import { afterPaint } from '../../lib/after-paint';
import { holdBackground } from '../../lib/background';
import { usePhone } from '../phone/store';
import { newInboundCalls } from './ringing';
import { popTiming } from './pop-timing';
import { enablePrefetch } from './prefetch';
import { holdRinging } from './ringing-hold';
import { screenPop } from './screen-pop';

/** The longest the bar waits for the pop (ringing-hold.ts) and the call log for the pop's paint (lib/background). */
const RINGING_HOLD_MS = 120;
const BACKGROUND_HOLD_MS = 250;

/** While the desk is up: an inbound call rings → the caller's card (or the picker / prefilled search). */
export function useIncomingCallPop(): void {
  useEffect(() => {
    const stopPrefetch = enablePrefetch(); // cards are looked up ahead only while this desk pops them
    const seen = new Set<string>();
    // Calls already up when the desk mounts are not "ringing now".
    for (const c of usePhone.getState().snapshot?.calls ?? []) seen.add(c.id);
    const unsubscribe = usePhone.subscribe((s) => {
      for (const call of newInboundCalls(s.snapshot?.calls ?? [], seen)) {
        popTiming.event(call.remote); // start of "call event → card painted" (pop-timing.ts)
        holdRinging(call.remote, RINGING_HOLD_MS);
        const release = holdBackground(BACKGROUND_HOLD_MS);
        void screenPop(call.remote).finally(() => afterPaint(release));
      }
    });
    return () => {
      unsubscribe();
      stopPrefetch();
    };
  }, []);
}
