import { describe, expect, it } from 'vitest';
import { newInboundCalls } from './ringing';

describe('newInboundCalls', () => {
  it('pops each inbound call once, never an outbound one or an anonymous caller', () => {
    const seen = new Set<string>();
    const a = { id: 'a', direction: 'incoming' as const, remote: '+573119049511' };
    const b = { id: 'b', direction: 'outgoing' as const, remote: '+573001112233' };
    const anon = { id: 'c', direction: 'incoming' as const, remote: ' ' };
    expect(newInboundCalls([a, b, anon], seen)).toEqual([a]);
    expect(newInboundCalls([a, b], seen)).toEqual([]);
    const d = { id: 'd', direction: 'incoming' as const, remote: '3119049511' };
    expect(newInboundCalls([a, d], seen)).toEqual([d]);
  });
});
