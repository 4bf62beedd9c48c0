/**
 * Screen-pop timing as User Timing entries, so "call event → debtor card painted" (goal ≤30 ms) is measured in the
 * real renderer (the benchmark reads them; so can DevTools). Per pop: a mark at the call event, a mark when the
 * popped debtor's card has been committed and painted, and one measure between them. Only the latest pop's
 * entries are kept: each new event clears the previous ones, so the timeline never grows.
 */

import { afterPaint as afterNextPaint } from '../../lib/after-paint';

export const POP_EVENT = 'recaudo:pop:event';
export const POP_PAINTED = 'recaudo:pop:painted';
export const POP_MEASURE = 'recaudo:pop';

export interface PopMeasureDetail {
  number: string;
  debtorId: string;
  /**
   * Where the pop's time went, in ms since the call event: the desk's answer arrived (`reply`), the card was
   * committed to the DOM (`commit`), the frame showing it began (`frame`). The measure's duration is the paint.
   */
  phases: PopPhases;
}

export interface PopPhases {
  /**
   * When the call's INVITE arrived on the wire and the lookup was started (prefetch.ts), in ms since the call
   * event: ≤ 0, or null when the pop's lookup started at the event. `duration - wire` is "INVITE → painted".
   */
  wire: number | null;
  reply: number | null;
  commit: number;
  frame: number | null;
}

/** An arrival older than this is not this call's INVITE. */
const WIRE_MAX_MS = 2_000;

type Perf = Pick<Performance, 'mark' | 'measure' | 'clearMarks' | 'clearMeasures' | 'now'>;

/** Runs `fn` once the frame that shows the current commit has been painted (`onFrame` when that frame begins). */
export type AfterPaint = (fn: () => void, onFrame?: () => void) => void;

export function createPopTiming(perf: Perf, afterPaint: AfterPaint) {
  let pending: { number: string; debtorId: string | null; start: number; reply: number | null; wire: number | null } | null = null;
  let arrival: { number: string; at: number } | null = null;
  let generation = 0;
  return {
    /** A new call's INVITE from `number` has just arrived (before the softphone reports the call). */
    arrived(number: string): void {
      arrival = { number, at: perf.now() };
    },
    /** The softphone reported a new inbound call from `number`. */
    event(number: string): void {
      perf.clearMarks(POP_EVENT);
      perf.clearMarks(POP_PAINTED);
      perf.clearMeasures(POP_MEASURE);
      generation++;
      const { startTime } = perf.mark(POP_EVENT, { detail: { number } });
      const a = arrival;
      arrival = null;
      const wire = a && a.number === number && startTime - a.at <= WIRE_MAX_MS ? a.at - startTime : null;
      pending = { number, debtorId: null, start: startTime, reply: null, wire };
    },
    /** The desk answered the pop's lookup. */
    replied(number: string): void {
      if (pending?.number === number && pending.reply === null) pending.reply = perf.now() - pending.start;
    },
    /** The pop resolved to this debtor's card (not a picker or the search): only their card's paint counts. */
    expect(number: string, debtorId: string): void {
      if (pending?.number === number && pending.debtorId === null) pending.debtorId = debtorId;
    },
    /** The pop ended elsewhere (picker, search, failure): nothing to measure. */
    drop(number: string): void {
      if (pending?.number === number) pending = null;
    },
    /** A debtor card was committed; when it is the one the pending pop waits for, mark it once painted. */
    committed(debtorId: string): void {
      const p = pending;
      if (!p || p.debtorId !== debtorId) return;
      pending = null;
      const mine = generation;
      const commit = perf.now() - p.start;
      let frame: number | null = null;
      afterPaint(() => {
        if (mine !== generation) return; // a newer call cleared this pop's event mark
        perf.mark(POP_PAINTED, { detail: { debtorId } });
        const detail: PopMeasureDetail = { number: p.number, debtorId, phases: { wire: p.wire, reply: p.reply, commit, frame } };
        perf.measure(POP_MEASURE, { start: POP_EVENT, end: POP_PAINTED, detail });
      }, () => { frame = perf.now() - p.start; });
    },
  };
}

export type PopTiming = ReturnType<typeof createPopTiming>;

/** The renderer's one instance. */
export const popTiming: PopTiming = createPopTiming(performance, (fn, onFrame) => void afterNextPaint(fn, onFrame));
