import { describe, expect, it } from 'vitest';
import { endReason, registrationFailureKey } from './sip-causes';

describe('endReason', () => {
  it.each([
    [486, 'Busy Here', 'busy', 'phone.end.busy'],
    [404, 'Not Found', 'not_found', 'phone.end.not_found'],
    [480, 'Temporarily Unavailable', 'unavailable', 'phone.end.unavailable'],
    [503, 'Service Unavailable', 'service_unavailable', 'phone.end.service_unavailable'],
    [603, 'Decline', 'declined', 'phone.end.declined'],
    [487, 'Request Terminated', 'cancelled', 'phone.end.cancelled'],
  ])('SIP %i %s → %s', (statusCode, reasonPhrase, cause, key) => {
    const r = endReason({ statusCode, reasonPhrase, jssipCause: 'SIP Failure Code' });
    expect(r).toMatchObject({ cause, statusCode, reasonPhrase, messageKey: key });
  });

  it('falls back by class for unlisted codes and keeps the code as a param', () => {
    expect(endReason({ statusCode: 599 }).cause).toBe('service_unavailable');
    const r = endReason({ statusCode: 420, reasonPhrase: 'Bad Extension' });
    expect(r).toMatchObject({ cause: 'failed', params: { code: 420, detail: 'Bad Extension' } });
  });

  it('uses JsSIP causes when there is no final response', () => {
    expect(endReason({ jssipCause: 'Bye' }).cause).toBe('normal');
    expect(endReason({ jssipCause: 'Connection Error' }).cause).toBe('connection_lost');
    expect(endReason({ jssipCause: 'User Denied Media Access' }).messageKey).toBe('phone.end.microphone_denied');
    expect(endReason({ jssipCause: 'Something New' })).toMatchObject({ cause: 'failed', params: { detail: 'Something New' } });
  });

  it('ignores provisional/2xx codes as a cause', () => {
    expect(endReason({ statusCode: 200, jssipCause: 'Bye' }).cause).toBe('normal');
  });

  it('classifies registration failures', () => {
    expect(registrationFailureKey('Authentication Error')).toBe('phone.registration.authFailed');
    expect(registrationFailureKey(undefined, 403)).toBe('phone.registration.authFailed');
    expect(registrationFailureKey('Connection Error')).toBe('phone.registration.unreachable');
    expect(registrationFailureKey('Rejected', 500)).toBe('phone.registration.failed');
  });
});
