import { afterEach, describe, expect, it } from 'vitest';
import { createPopTiming, POP_EVENT, POP_MEASURE, POP_PAINTED, type PopMeasureDetail } from './pop-timing';

// Node's User Timing is the same API as Chromium's; the paint is simulated by running the queued callbacks.
let painted: Array<{ fn: () => void; onFrame?: () => void }> = [];
const paint = () => {
  const q = painted;
  painted = [];
  for (const p of q) p.onFrame?.();
  for (const p of q) p.fn();
};
const timing = () => createPopTiming(performance, (fn, onFrame) => painted.push({ fn, ...(onFrame ? { onFrame } : {}) }));
const measures = () => performance.getEntriesByName(POP_MEASURE, 'measure') as PerformanceMeasure[];

afterEach(() => {
  painted = [];
  performance.clearMarks();
  performance.clearMeasures();
});

describe('screen-pop timing', () => {
  it('measures the call event to the paint of the expected debtor card, with number and debtor', () => {
    const t = timing();
    t.event('+573001234567');
    t.replied('+573001234567');
    t.expect('+573001234567', 'd-1');
    t.committed('d-1');
    expect(measures()).toHaveLength(0); // committed but not painted yet
    paint();
    const m = measures();
    expect(m).toHaveLength(1);
    const detail = m[0]!.detail as PopMeasureDetail;
    expect(detail).toMatchObject({ number: '+573001234567', debtorId: 'd-1' });
    // The phases are in order, each within the whole measure.
    const { reply, commit, frame } = detail.phases;
    expect(reply).not.toBeNull();
    expect(frame).not.toBeNull();
    expect(reply!).toBeLessThanOrEqual(commit);
    expect(commit).toBeLessThanOrEqual(frame!);
    expect(frame!).toBeLessThanOrEqual(m[0]!.duration);
    const [ev] = performance.getEntriesByName(POP_EVENT);
    const [done] = performance.getEntriesByName(POP_PAINTED);
    expect(m[0]!.startTime).toBe(ev!.startTime);
    expect(m[0]!.duration).toBeCloseTo(done!.startTime - ev!.startTime, 6);
  });

  it('records when the INVITE of the same call arrived (the lookup started there), as ms before the event', () => {
    const t = timing();
    t.arrived('+573001234567');
    t.event('+573001234567');
    t.expect('+573001234567', 'd-1');
    t.committed('d-1');
    paint();
    const { wire } = (measures()[0]!.detail as PopMeasureDetail).phases;
    expect(wire).not.toBeNull();
    expect(wire!).toBeLessThanOrEqual(0);
    // Another number's arrival, or none, is not this call's.
    t.arrived('+573009999999');
    t.event('+573001234567');
    t.expect('+573001234567', 'd-1');
    t.committed('d-1');
    paint();
    expect((measures()[0]!.detail as PopMeasureDetail).phases.wire).toBeNull();
  });

  it('ignores another debtor card committed while the pop is pending (a wrong or stale card never counts)', () => {
    const t = timing();
    t.event('+573001234567');
    t.committed('d-old'); // e.g. the previous card reloading before the lookup answered
    t.expect('+573001234567', 'd-1');
    t.committed('d-other');
    paint();
    expect(measures()).toHaveLength(0);
    t.committed('d-1');
    paint();
    expect(measures().map((m) => (m.detail as PopMeasureDetail).debtorId)).toEqual(['d-1']);
  });

  it('marks once per pop: later commits of the same card (reloads) add nothing', () => {
    const t = timing();
    t.event('+1555');
    t.expect('+1555', 'd-1');
    t.committed('d-1');
    t.committed('d-1');
    paint();
    t.committed('d-1');
    paint();
    expect(measures()).toHaveLength(1);
    expect(performance.getEntriesByName(POP_PAINTED)).toHaveLength(1);
  });

  it('a picker or search outcome (drop) measures nothing; card commits without any pop measure nothing', () => {
    const t = timing();
    t.committed('d-1');
    paint();
    t.event('+1555');
    t.drop('+1555');
    t.expect('+1555', 'd-1');
    t.committed('d-1');
    paint();
    expect(measures()).toHaveLength(0);
  });

  it('keeps only the latest pop: a new call clears the previous entries, and a paint overtaken by it is not measured', () => {
    const t = timing();
    for (let i = 0; i < 5; i++) {
      t.event(`+1555${i}`);
      t.expect(`+1555${i}`, `d-${i}`);
      t.committed(`d-${i}`);
      paint();
    }
    expect(measures().map((m) => (m.detail as PopMeasureDetail).debtorId)).toEqual(['d-4']);
    expect(performance.getEntriesByName(POP_EVENT)).toHaveLength(1);

    t.event('+1');
    t.expect('+1', 'a');
    t.committed('a');
    t.event('+2'); // rings before the first card's frame was painted
    paint();
    expect(measures()).toHaveLength(0);
    expect(performance.getEntriesByName(POP_PAINTED)).toHaveLength(0);
  });
});
