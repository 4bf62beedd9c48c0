import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { applyIceBudget, candidateType, type IceSessionLike, type Timers } from './ice-budget';

function fakeTimers() {
  let now = 0;
  const queue: Array<{ at: number; fn: () => void; id: number }> = [];
  let id = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      queue.push({ at: now + ms, fn, id: ++id });
      return id;
    },
    clearTimeout: (h) => {
      const i = queue.findIndex((q) => q.id === h);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (;;) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue[0];
      if (!next || next.at > now) break;
      queue.shift();
      next.fn();
    }
  };
  return { timers, advance, pendingCount: () => queue.length };
}

const session = () => new EventEmitter() as unknown as IceSessionLike & EventEmitter;
const host = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', type: 'host' };
const srflx = { candidate: 'candidate:2 1 udp 1686052607 203.0.113.9 50000 typ srflx raddr 127.0.0.1', type: 'srflx' };

describe('ICE budget', () => {
  it('reads the candidate type from the candidate line when the field is missing', () => {
    expect(candidateType({ candidate: srflx.candidate })).toBe('srflx');
    expect(candidateType({})).toBe('host');
  });

  it('sends at once on the first host candidate with a zero budget', () => {
    const { timers } = fakeTimers();
    const s = session();
    applyIceBudget(s, { budgetMs: 0, gatheringTimeoutMs: 1000 }, timers);
    let ready = 0;
    s.emit('icecandidate', { candidate: host, ready: () => ready++ });
    expect(ready).toBe(1);
  });

  it('waits at most the budget for a reflexive candidate after the first host one (unreachable STUN)', () => {
    const { timers, advance } = fakeTimers();
    const s = session();
    applyIceBudget(s, { budgetMs: 60, gatheringTimeoutMs: 1000 }, timers);
    let ready = 0;
    const r = () => ready++;
    s.emit('icecandidate', { candidate: host, ready: r });
    s.emit('icecandidate', { candidate: { ...host, type: 'host' }, ready: r });
    advance(59);
    expect(ready).toBe(0);
    advance(1);
    expect(ready).toBe(1);
    advance(10_000);
    expect(ready).toBe(1);
  });

  it('sends immediately when a server-reflexive candidate arrives within the budget', () => {
    const { timers, advance, pendingCount } = fakeTimers();
    const s = session();
    applyIceBudget(s, { budgetMs: 500, gatheringTimeoutMs: 1000 }, timers);
    let ready = 0;
    const r = () => ready++;
    s.emit('icecandidate', { candidate: host, ready: r });
    advance(20);
    s.emit('icecandidate', { candidate: srflx, ready: r });
    expect(ready).toBe(1);
    expect(pendingCount()).toBe(0);
  });

  it('detaches its listeners on dispose', () => {
    const { timers } = fakeTimers();
    const s = session();
    const dispose = applyIceBudget(s, { budgetMs: 0, gatheringTimeoutMs: 1000 }, timers);
    dispose();
    expect(s.listenerCount('icecandidate')).toBe(0);
    expect(s.listenerCount('peerconnection')).toBe(0);
  });
});
