import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { CallEvent } from '../../softphone/ports';

const logEvent = vi.fn();
vi.mock('../../api', () => ({ api: { calls: { logEvent: (e: unknown) => logEvent(e) } } }));
const { ApiCallEventSink } = await import('./ports');

const ev = (type: 'dial' | 'ringing' | 'answer', at: number): CallEvent =>
  ({ type, callId: 'c1', sipCallId: 's', direction: 'outgoing', remote: '+573001234567', at, contactId: undefined } as CallEvent);

describe('call event sink', () => {
  beforeEach(() => {
    logEvent.mockReset(); // (a returned function would run as a teardown hook)
  });

  it('writes in the engine order, one at a time, retrying while the desk is unreachable', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    let fails = 1;
    logEvent.mockImplementation(async (e: { type: string }) => {
      if (e.type === 'ringing' && fails-- > 0) throw new ApiError({ code: 'unavailable', message: 'down' });
      seen.push(e.type);
      return { id: 'x', duplicate: false };
    });
    const logged: string[] = [];
    const sink = new ApiCallEventSink(() => {}, (e) => logged.push(e.type));
    sink.record(ev('dial', 1));
    sink.record(ev('ringing', 2));
    sink.record(ev('answer', 3));
    await vi.runAllTimersAsync();
    await sink.flushed();
    vi.useRealTimers();
    expect(seen).toEqual(['dial', 'ringing', 'answer']);
    expect(logged).toEqual(['dial', 'ringing', 'answer']);
    // undefined optionals are dropped before the strict contract parse
    expect(logEvent.mock.calls[0]![0]).not.toHaveProperty('contactId');
  });

  it('drops an event the desk refuses (and says so) instead of blocking the rest', async () => {
    const errors: unknown[] = [];
    logEvent.mockImplementationOnce(async () => { throw new ApiError({ code: 'invalid_input', message: 'bad' }); })
      .mockResolvedValue({ id: 'x', duplicate: false });
    const sink = new ApiCallEventSink((e) => errors.push(e));
    sink.record(ev('dial', 1));
    sink.record(ev('answer', 2));
    await sink.flushed();
    expect(logEvent).toHaveBeenCalledTimes(2);
    expect(errors).toHaveLength(1);
  });
});
