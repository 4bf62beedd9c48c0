import { describe, expect, it, vi } from 'vitest';
import { peekingDataHandler, peekingSocket } from './peeking-socket';

const INVITE = 'INVITE sip:agent1@pbx SIP/2.0\r\nTo: <sip:agent1@pbx>\r\nFrom: <sip:+573119049511@pbx>;tag=1\r\n\r\n';

describe('the softphone socket that announces new calls', () => {
  it('announces an initial INVITE before JsSIP gets the message, and passes every message on unchanged', () => {
    const order: string[] = [];
    const inner = vi.fn((d: unknown) => order.push(`jssip:${String(d).slice(0, 6)}`));
    const handler = peekingDataHandler(inner, (caller) => order.push(`invite:${caller}`));
    handler(INVITE);
    handler('SIP/2.0 200 OK\r\n\r\n');
    expect(order).toEqual(['invite:+573119049511', 'jssip:INVITE', 'jssip:SIP/2.']);
    expect(inner).toHaveBeenNthCalledWith(1, INVITE);
  });

  it('still hands the INVITE to JsSIP when the announcement fails', () => {
    const inner = vi.fn();
    peekingDataHandler(inner, () => {
      throw new Error('listener bug');
    })(INVITE);
    expect(inner).toHaveBeenCalledWith(INVITE);
  });

  it('wraps the handler JsSIP assigns to the socket', () => {
    const seen: string[] = [];
    const socket = peekingSocket('ws://127.0.0.1:5066', (c) => seen.push(c)) as unknown as { ondata: ((d: unknown) => void) | null };
    const inner = vi.fn();
    socket.ondata = inner; // as JsSIP's transport does when it connects
    socket.ondata!(INVITE);
    expect(seen).toEqual(['+573119049511']);
    expect(inner).toHaveBeenCalledWith(INVITE);
  });
});
