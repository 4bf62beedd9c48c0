/**
 * The screen-pop's lookup, started when a new call's INVITE arrives (softphone `onInviteArriving`) rather than
 * when the softphone reports the call a few ms later: the desk looks the caller up while the renderer is still
 * parsing the INVITE and setting the call up, and `screenPop` takes the answer already on its way.
 *
 * Only while the desk pops calls (`enablePrefetch`, held by the incoming-call hook): the desk audits every card it
 * sends, so it must not look anyone up for a screen that would not show them. A prefetched answer is taken once,
 * by a pop for the same number within `FRESH_MS`; after that it is dropped, and a later pop asks again.
 */
import { api } from '../../api';
import { popTiming } from './pop-timing';

type PopAnswer = ReturnType<typeof api.portfolio.popByPhone>;

/** Far longer than INVITE → call event (ms), far shorter than anything a stale answer could mislead. */
export const FRESH_MS = 2_000;

let users = 0;
let pending: { phone: string; at: number; answer: PopAnswer } | null = null;

/** Prefetching is on while at least one holder keeps it; returns the release. */
export function enablePrefetch(): () => void {
  users++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users--;
    if (users === 0) pending = null;
  };
}

/** A new call from `phone` is arriving: ask the desk now. */
export function prefetchPop(phone: string, now: number = performance.now()): void {
  if (users === 0) return;
  popTiming.arrived(phone);
  const answer = api.portfolio.popByPhone({ phone });
  answer.catch(() => {}); // a failure surfaces when (if) the pop takes it; unused, it is nobody's error
  pending = { phone, at: now, answer };
}

/** The prefetched answer for `phone`, if one is on its way and fresh; each is taken at most once. */
export function takePrefetched(phone: string, now: number = performance.now()): PopAnswer | null {
  const p = pending;
  if (!p || p.phone !== phone) return null;
  pending = null;
  return now - p.at <= FRESH_MS ? p.answer : null;
}
