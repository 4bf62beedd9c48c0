/**
 * Call setup never waits on ICE gathering. JsSIP holds the INVITE (and the 200 OK of an answer) until gathering
 * completes, which with an unreachable STUN/TURN server takes ~40 s (JsSIP #432, #577, #804, #940). JsSIP emits
 * 'icecandidate' with a `ready()` that sends the SDP as it is; this policy calls it:
 * - at once on a server-reflexive or relay candidate (the best we will get);
 * - `budgetMs` after the first host candidate (0 = at once);
 * - and, if no candidate arrives at all, ends gathering after `gatheringTimeoutMs` by dispatching the end-of-
 *   candidates event JsSIP listens for.
 */

export interface IceBudgetOptions {
  budgetMs: number;
  gatheringTimeoutMs: number;
}

export interface IceCandidateLike {
  type?: string | null;
  candidate?: string;
}

/** The subset of a JsSIP RTCSession this policy needs. */
export interface IceSessionLike {
  on(event: 'icecandidate', fn: (e: { candidate: IceCandidateLike; ready: () => void }) => void): unknown;
  on(event: 'peerconnection', fn: (e: { peerconnection: EventTarget }) => void): unknown;
  removeListener(event: string, fn: (...args: never[]) => void): unknown;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function candidateType(c: IceCandidateLike): string {
  if (c.type) return c.type;
  const m = / typ (\w+)/.exec(c.candidate ?? '');
  return m?.[1] ?? 'host';
}

/**
 * Applies the policy to one session; returns a disposer. Each SDP (offer, answer, re-offer with ICE restart)
 * starts a fresh budget on its first candidate.
 */
export function applyIceBudget(
  session: IceSessionLike,
  opts: IceBudgetOptions,
  timers: Timers = defaultTimers,
  /** An outgoing session's peer connection exists before listeners can be attached. */
  existingPc?: EventTarget | null,
): () => void {
  let budgetTimer: unknown = null;
  let gatherTimer: unknown = null;
  let pending: (() => void) | null = null;

  const clear = () => {
    if (budgetTimer !== null) timers.clearTimeout(budgetTimer);
    if (gatherTimer !== null) timers.clearTimeout(gatherTimer);
    budgetTimer = gatherTimer = null;
  };
  const fire = (ready: () => void) => {
    clear();
    pending = null;
    ready();
  };

  const onCandidate = (e: { candidate: IceCandidateLike; ready: () => void }) => {
    const type = candidateType(e.candidate);
    if (type === 'srflx' || type === 'relay' || type === 'prflx') {
      fire(e.ready);
      return;
    }
    if (pending === e.ready) return; // budget already running for this SDP
    pending = e.ready;
    if (opts.budgetMs <= 0) {
      fire(e.ready);
      return;
    }
    if (gatherTimer !== null) timers.clearTimeout(gatherTimer);
    gatherTimer = null;
    budgetTimer = timers.setTimeout(() => {
      budgetTimer = null;
      if (pending) fire(pending);
    }, opts.budgetMs);
  };

  const onPeerConnection = (e: { peerconnection: EventTarget }) => {
    const pc = e.peerconnection;
    const onGatheringState = () => {
      const state = (pc as RTCPeerConnection).iceGatheringState;
      if (state === 'gathering' && gatherTimer === null && pending === null) {
        gatherTimer = timers.setTimeout(() => {
          gatherTimer = null;
          if (pending) {
            fire(pending);
          } else if (typeof RTCPeerConnectionIceEvent !== 'undefined') {
            // No candidate at all: end gathering the way JsSIP listens for (null candidate).
            pc.dispatchEvent(new RTCPeerConnectionIceEvent('icecandidate', { candidate: null }));
          }
        }, opts.gatheringTimeoutMs);
      } else if (state === 'complete') {
        clear();
        pending = null;
      }
    };
    pc.addEventListener('icegatheringstatechange', onGatheringState);
    disposers.push(() => pc.removeEventListener('icegatheringstatechange', onGatheringState));
  };

  const disposers: Array<() => void> = [];
  session.on('icecandidate', onCandidate);
  session.on('peerconnection', onPeerConnection);
  if (existingPc) onPeerConnection({ peerconnection: existingPc });
  return () => {
    clear();
    pending = null;
    session.removeListener('icecandidate', onCandidate as never);
    session.removeListener('peerconnection', onPeerConnection as never);
    for (const d of disposers.splice(0)) d();
  };
}
