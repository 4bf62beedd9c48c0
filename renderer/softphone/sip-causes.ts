/**
 * Why a call ended, in words the agent's UI can say (an i18n key + params) and a stable cause code for the
 * contact's timeline. Pure: maps SIP status codes and JsSIP's cause strings.
 */

export type EndCause =
  | 'normal'
  | 'busy'
  | 'not_found'
  | 'unavailable'
  | 'service_unavailable'
  | 'declined'
  | 'no_answer'
  | 'cancelled'
  | 'rejected'
  | 'forbidden'
  | 'auth_failed'
  | 'address_incomplete'
  | 'incompatible_media'
  | 'transferred'
  | 'replaced'
  | 'connection_lost'
  | 'media_failed'
  | 'microphone_denied'
  | 'failed';

export interface EndReason {
  cause: EndCause;
  statusCode?: number;
  reasonPhrase?: string;
  /** i18n key under `phone.end.*`. */
  messageKey: string;
  params?: Record<string, string | number>;
}

const BY_STATUS: Record<number, EndCause> = {
  401: 'auth_failed',
  403: 'forbidden',
  404: 'not_found',
  407: 'auth_failed',
  408: 'no_answer',
  410: 'not_found',
  480: 'unavailable',
  484: 'address_incomplete',
  486: 'busy',
  487: 'cancelled',
  488: 'incompatible_media',
  500: 'failed',
  502: 'service_unavailable',
  503: 'service_unavailable',
  504: 'service_unavailable',
  600: 'busy',
  603: 'declined',
  604: 'not_found',
  606: 'incompatible_media',
};

// JsSIP.C.causes values (strings) → our causes, for ends without a SIP final response.
const BY_JSSIP_CAUSE: Record<string, EndCause> = {
  Terminated: 'normal',
  Bye: 'normal',
  Canceled: 'cancelled',
  'No Answer': 'no_answer',
  Expires: 'no_answer',
  Busy: 'busy',
  Rejected: 'rejected',
  Redirected: 'failed',
  Unavailable: 'unavailable',
  'Not Found': 'not_found',
  'Address Incomplete': 'address_incomplete',
  'Incompatible SDP': 'incompatible_media',
  'Missing SDP': 'incompatible_media',
  'Authentication Error': 'auth_failed',
  'Connection Error': 'connection_lost',
  'Request Timeout': 'connection_lost',
  'SIP Failure Code': 'failed',
  'Internal Error': 'failed',
  'RTP Timeout': 'media_failed',
  'User Denied Media Access': 'microphone_denied',
  'WebRTC Error': 'media_failed',
  'Dialog Error': 'failed',
  'No ACK': 'media_failed',
  'Bad Media Description': 'incompatible_media',
};

export function endReason(input: { statusCode?: number | null; reasonPhrase?: string | null; jssipCause?: string | null }): EndReason {
  const code = input.statusCode ?? undefined;
  let cause: EndCause | undefined;
  if (code !== undefined && code >= 300) {
    cause = BY_STATUS[code] ?? (code >= 600 ? 'declined' : code >= 500 ? 'service_unavailable' : 'failed');
  }
  cause ??= (input.jssipCause ? BY_JSSIP_CAUSE[input.jssipCause] : undefined) ?? (input.jssipCause ? 'failed' : 'normal');
  const reason: EndReason = { cause, messageKey: `phone.end.${cause}` };
  if (code !== undefined) reason.statusCode = code;
  if (input.reasonPhrase) reason.reasonPhrase = input.reasonPhrase;
  if (cause === 'failed') reason.params = { code: code ?? '—', detail: input.reasonPhrase ?? input.jssipCause ?? '' };
  return reason;
}

/** Registration failures → `phone.registration.*` keys. */
export function registrationFailureKey(cause: string | undefined, statusCode?: number): string {
  if (statusCode === 401 || statusCode === 403 || statusCode === 407 || cause === 'Authentication Error') {
    return 'phone.registration.authFailed';
  }
  if (cause === 'Connection Error' || cause === 'Request Timeout') return 'phone.registration.unreachable';
  return 'phone.registration.failed';
}
