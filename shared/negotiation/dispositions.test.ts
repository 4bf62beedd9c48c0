import { describe, expect, it } from 'vitest';
import { DISPOSITION_CODES, DISPOSITIONS, dispositionsFor, validateWrapUp, wrapUpRemainingSeconds } from './dispositions';
import { mayAskReason, REASON_CODES, ReasonEntrySchema, REASONS } from './reasons';

describe('dispositions', () => {
  it('needs a promise for promise_to_pay and a callback time for callback', () => {
    expect(validateWrapUp({ disposition: 'promise_to_pay', reached: 'right_party' })).toEqual([{ field: 'promise', code: 'disposition.promise_required', params: {} }]);
    expect(validateWrapUp({ disposition: 'promise_to_pay', reached: 'right_party', promiseId: 'p1' })).toEqual([]);
    expect(validateWrapUp({ disposition: 'callback', reached: 'right_party' })).toEqual([{ field: 'callback', code: 'disposition.callback_required', params: {} }]);
    expect(validateWrapUp({ disposition: 'callback', reached: 'right_party', callbackAt: '2026-12-04T16:00:00Z' })).toEqual([]);
  });
  it('needs a note for a dispute and refuses a callback on a cease request', () => {
    expect(validateWrapUp({ disposition: 'dispute', reached: 'right_party', note: ' ' }).map((e) => e.code)).toEqual(['disposition.note_required']);
    expect(validateWrapUp({ disposition: 'cease_request', reached: 'right_party', note: 'Pidió no ser contactado', callbackAt: '2026-12-04T16:00:00Z' }).map((e) => e.code)).toEqual([
      'disposition.callback_not_allowed',
    ]);
  });
  it('refuses right-party dispositions when the call never got past verification', () => {
    expect(validateWrapUp({ disposition: 'promise_to_pay', reached: 'third_party', promiseId: 'p1' }).map((e) => e.code)).toEqual(['disposition.not_reached']);
    expect(dispositionsFor('none')).not.toContain('third_party');
    expect(dispositionsFor('third_party')).toContain('third_party');
    expect(dispositionsFor('third_party')).not.toContain('refused');
    expect(dispositionsFor('right_party')).toEqual(DISPOSITION_CODES);
  });
  it('refuses recording a reason on a no-answer', () => {
    expect(validateWrapUp({ disposition: 'no_answer', reached: 'none', reason: 'forgot' }).map((e) => e.code)).toEqual(['disposition.reason_not_allowed']);
  });
  it('raises the stop flags and phone statuses the follow-up needs', () => {
    expect(DISPOSITIONS.dispute.flag).toBe('dispute_pending');
    expect(DISPOSITIONS.cease_request.flag).toBe('cease_communication');
    expect(DISPOSITIONS.wrong_number.phoneStatus).toBe('not_debtor');
    expect(DISPOSITIONS.third_party.conversation).toBe(false);
    expect(DISPOSITIONS.refused.conversation).toBe(true);
  });
  it('counts the wrap-up timer down to zero', () => {
    expect(wrapUpRemainingSeconds('2026-11-25T15:00:00Z', '2026-11-25T15:00:10Z', 30)).toBe(20);
    expect(wrapUpRemainingSeconds('2026-11-25T15:00:00Z', '2026-11-25T15:01:00Z', 30)).toBe(0);
  });
});

describe('reasons', () => {
  it('requires free text for other, trims it, refuses unknown codes and extra fields', () => {
    expect(ReasonEntrySchema.safeParse({ code: 'other' }).error?.issues[0]).toMatchObject({ path: ['text'], message: 'reason.text_required' });
    expect(ReasonEntrySchema.parse({ code: 'other', text: '  Viaje  ' })).toEqual({ code: 'other', text: 'Viaje' });
    expect(ReasonEntrySchema.parse({ code: 'lost_job' })).toEqual({ code: 'lost_job', text: '' });
    expect(ReasonEntrySchema.safeParse({ code: 'lazy' }).success).toBe(false);
    expect(ReasonEntrySchema.safeParse({ code: 'forgot', mood: 'x' }).success).toBe(false);
  });
  it('marks dispute and billing error as opening a dispute; Colombia may not ask why', () => {
    expect(REASON_CODES.filter((c) => REASONS[c].opensDispute)).toEqual(['dispute', 'billing_error']);
    expect(mayAskReason('CO')).toBe(false);
    expect(mayAskReason('MX')).toBe(true);
  });
});
