import { describe, expect, it } from 'vitest';
import { endReason, type EndCause } from '../../softphone/sip-causes';
import { phoneEn, phoneEs, phoneText } from './i18n';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

const CAUSES: EndCause[] = [
  'normal', 'busy', 'not_found', 'unavailable', 'service_unavailable', 'declined', 'no_answer', 'cancelled', 'rejected',
  'forbidden', 'auth_failed', 'address_incomplete', 'incompatible_media', 'transferred', 'replaced', 'connection_lost',
  'media_failed', 'microphone_denied', 'failed',
];

describe('phone i18n', () => {
  it('es and en have the same keys', () => {
    expect(keys(phoneEn).sort()).toEqual(keys(phoneEs).sort());
  });

  it('has a message for every end cause, in both languages', () => {
    for (const c of CAUSES) {
      const key = endReason({ jssipCause: 'x' }).messageKey.replace('failed', c);
      expect(phoneText('es', key), key).toBeTruthy();
      expect(phoneText('en', key), key).toBeTruthy();
    }
  });

  it('fills params', () => {
    expect(phoneText('es', 'phone.end.busy', { number: '+573001234567' })).toBe('+573001234567 está ocupado');
    expect(phoneText('en', 'phone.end.busy', { number: '+573001234567' })).toBe('+573001234567 is busy');
    expect(phoneText('en', 'phone.nope')).toBeUndefined();
  });
});
