import { describe, expect, it } from 'vitest';
import type { Money } from '../money';
import type { NegotiationContext } from './arrangement';
import { computeOffers } from './offers';
import { readBackText, validatePromise, type PromiseDraft, type PromiseMeta } from './promise';
import { reminderSchedule } from './reminders';
import { coBusinessDay, S2 } from './testing/fixtures';

const cop = (pesos: number): Money => ({ amountMinor: pesos * 100, currency: 'COP' });
const ctx: NegotiationContext = { policy: S2, balance: cop(53_369_636), principal: cop(39_200_000), today: '2026-11-25', isBusinessDay: coBusinessDay };
const meta: PromiseMeta = { id: 'p1', accountId: 'a1', debtorId: 'd1', agentId: 'agent1', createdAt: '2026-11-25T15:42:00Z', zone: 'America/Bogota' };

const pif: PromiseDraft = { kind: 'pay_in_full', amount: cop(45_364_191), dates: ['2026-12-04'], method: 'bank_transfer', installments: 1 };

function errorsOf(draft: unknown) {
  const r = validatePromise(draft, ctx, meta);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
}

describe('validatePromise', () => {
  it('accepts pay in full at the max discount and stores reminders (business day before, the day itself, 09:00 Bogotá)', () => {
    const r = validatePromise(pif, ctx, meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.promise.schedule).toEqual([{ seq: 1, kind: 'single', dueDate: '2026-12-04', amount: cop(45_364_191) }]);
    expect(r.promise.reminders).toEqual([
      { paymentSeq: 1, kind: 'day_before', localDate: '2026-12-03', sendAt: '2026-12-03T14:00:00Z' },
      { paymentSeq: 1, kind: 'due_day', localDate: '2026-12-04', sendAt: '2026-12-04T14:00:00Z' },
    ]);
    expect(r.promise.policyVersion).toBe(3);
  });

  it('the day-before reminder of a Monday payment goes out on Friday (no Sunday contact in Colombia)', () => {
    const r = validatePromise({ ...pif, dates: ['2026-11-30'] }, ctx, meta);
    expect(r.ok && r.promise.reminders.map((x) => x.localDate)).toEqual(['2026-11-27', '2026-11-30']);
  });

  it('reminders stay at 09:00 local across a DST change (New York, due Monday 2 Nov 2026)', () => {
    const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    const schedule = [{ seq: 1, kind: 'single' as const, dueDate: '2026-11-02', amount: { amountMinor: 10_000, currency: 'USD' as const } }];
    expect(reminderSchedule(schedule, { today: '2026-10-28', zone: 'America/New_York', isBusinessDay: weekdays })).toEqual([
      { paymentSeq: 1, kind: 'day_before', localDate: '2026-10-30', sendAt: '2026-10-30T13:00:00Z' },
      { paymentSeq: 1, kind: 'due_day', localDate: '2026-11-02', sendAt: '2026-11-02T14:00:00Z' },
    ]);
    // made the same day it is due: only the due-day reminder
    expect(reminderSchedule(schedule, { today: '2026-11-02', zone: 'America/New_York', isBusinessDay: weekdays }).map((r) => r.kind)).toEqual(['due_day']);
  });

  it('refuses each policy breach with its field and code', () => {
    expect(errorsOf({ ...pif, amount: cop(45_000_000) })).toEqual(['amount:policy.discount_exceeds_max']);
    expect(errorsOf({ ...pif, dates: ['2026-12-08'] })).toEqual(['dates.0:policy.date_not_business_day']);
    expect(errorsOf({ ...pif, dates: ['2026-11-24'] })).toEqual(['dates.0:policy.date_in_past']);
    expect(errorsOf({ ...pif, dates: ['2026-12-07'] })).toEqual(['dates.0:policy.pay_by_too_late']);
    expect(errorsOf({ ...pif, kind: 'settlement', amount: cop(30_000_000), dates: ['2026-11-27'] })).toEqual(['amount:policy.below_settlement_floor']);
    expect(errorsOf({ ...pif, kind: 'partial', amount: cop(50_000), dates: ['2026-11-27'] })).toEqual(['amount:policy.partial_below_min']);
    expect(errorsOf({ ...pif, amount: cop(60_000_000) })).toEqual(['amount:policy.amount_exceeds_balance']);
    expect(errorsOf({ ...pif, amount: { amountMinor: 4_536_419_150, currency: 'COP' } })).toEqual(['amount:policy.amount_not_quote_rounded']);
  });

  it('refuses installment breaches: term, minimum, down payment, frequency, gaps, total', () => {
    const offer = computeOffers(ctx).find((o) => o.id === 'installments:monthly:6')!;
    const draft: PromiseDraft = {
      kind: 'installments',
      amount: offer.total,
      dates: offer.schedule.map((p) => p.dueDate),
      method: 'pse',
      installments: 6,
      frequency: 'monthly',
      downPayment: offer.downPayment,
      offerId: offer.id,
    };
    expect(errorsOf(draft)).toEqual([]);
    expect(errorsOf({ ...draft, frequency: 'weekly' })).toContain('frequency:policy.frequency_not_allowed');
    expect(errorsOf({ ...draft, downPayment: null, dates: draft.dates.slice(1) })).toContain('downPayment:policy.down_payment_required');
    expect(errorsOf({ ...draft, downPayment: cop(1_000_000) })).toContain('downPayment:policy.down_payment_below_min');
    expect(errorsOf({ ...draft, amount: cop(50_000_000) })).toContain('amount:policy.plan_total_mismatch');
    const late = [...draft.dates];
    late[3] = '2027-03-15';
    expect(errorsOf({ ...draft, dates: late })).toContain('dates.3:policy.gap_exceeds_frequency');
    const swapped = [...draft.dates];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(errorsOf({ ...draft, dates: swapped })).toContain('dates.2:policy.dates_not_increasing');
    expect(errorsOf({ ...draft, dates: ['2026-12-07', ...draft.dates.slice(1)] })).toContain('dates.0:policy.first_payment_too_late');
  });

  it('a 25-installment plan breaks the max term, a 1-installment plan is too short', () => {
    const many = Array.from({ length: 26 }, (_, i) => `2027-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-${String(4 + (i % 4) * 7).padStart(2, '0')}`);
    const errs = errorsOf({ kind: 'installments', amount: cop(60_000_000), dates: many, method: 'pse', installments: 25, frequency: 'monthly', downPayment: cop(5_336_964) });
    expect(errs).toContain('installments:policy.term_exceeds_max');
    expect(errorsOf({ kind: 'installments', amount: cop(53_369_636), dates: ['2026-11-27', '2026-12-28'], method: 'pse', installments: 1, frequency: 'monthly', downPayment: cop(5_336_964) })).toContain(
      'installments:policy.term_too_short',
    );
  });

  it('an installment below the minimum is refused on the amount field', () => {
    const small: NegotiationContext = { ...ctx, balance: cop(1_000_000), principal: cop(900_000) };
    const r = validatePromise(
      { kind: 'installments', amount: cop(1_000_000 + 94_500 + 50_000), dates: ['2026-11-27', '2026-12-28', '2027-01-27', '2027-02-26', '2027-03-29', '2027-04-27', '2027-05-27', '2027-06-28'], method: 'pse', installments: 7, frequency: 'monthly', downPayment: cop(100_000) },
      small,
      meta,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ field: 'amount', code: 'policy.installment_below_min', params: { minMinor: 20000000 } });
  });

  it('gives one message per field for form-shape problems', () => {
    expect(errorsOf({ ...pif, method: '' })).toEqual(['method:promise.method_required']);
    expect(errorsOf({ ...pif, amount: null })).toEqual(['amount:promise.amount_required']);
    expect(errorsOf({ ...pif, dates: [] })).toEqual(['dates:promise.date_required']);
    expect(errorsOf({ ...pif, dates: ['2026-02-30'] })).toEqual(['dates.0:promise.date_invalid']);
    expect(errorsOf({ ...pif, dates: ['2026-12-03', '2026-12-04'] })).toEqual(['dates:promise.dates_count_mismatch']);
    expect(errorsOf({ ...pif, installments: 0 })).toEqual(['installments:promise.installments_invalid']);
    expect(errorsOf({ ...pif, surprise: true })).toEqual(['form:promise.unknown_field']);
    expect(errorsOf({ ...pif, amount: { amountMinor: 100, currency: 'USD' } })).toEqual(['amount:policy.currency_mismatch']);
    expect(errorsOf({ ...pif, kind: 'installments', installments: 2, dates: ['2026-11-27'] })).toEqual(['frequency:promise.frequency_required', 'dates:promise.dates_count_mismatch']);
  });
});

describe('readBackText', () => {
  it('reads a single payment in Spanish with the currency code, weekday and full date', () => {
    const text = readBackText({ kind: 'partial', method: 'bank_transfer', total: cop(1_200_000), frequency: null, schedule: [{ seq: 1, kind: 'single', dueDate: '2026-12-04', amount: cop(1_200_000) }] }, 'es');
    expect(text).toBe(
      'Confirmamos su compromiso de pago de COP 1.200.000 el viernes 4 de diciembre de 2026 por transferencia bancaria. Este pago es un abono: el saldo restante sigue pendiente. ¿Me confirma que es correcto?',
    );
  });
  it('reads pay in full in English', () => {
    const text = readBackText({ kind: 'pay_in_full', method: 'card', total: { amountMinor: 125050, currency: 'USD' }, frequency: null, schedule: [{ seq: 1, kind: 'single', dueDate: '2026-12-04', amount: { amountMinor: 125050, currency: 'USD' } }] }, 'en');
    expect(text).toBe('We confirm your promise to pay USD 1,250.50 in full on Friday, December 4, 2026 by card. This payment settles your account. Can you confirm that is correct?');
  });
  it('reads a long plan grouped: down payment, count, amounts, first and last date', () => {
    const offer = computeOffers(ctx).find((o) => o.id === 'installments:monthly:6')!;
    const text = readBackText({ kind: 'installments', method: 'pse', total: offer.total, frequency: 'monthly', schedule: offer.schedule }, 'es');
    expect(text).toMatch(/^Confirmamos su acuerdo de pago por un total de COP 57\.742\.576: una cuota inicial de COP 5\.336\.964 el viernes 27 de noviembre de 2026 y 6 cuotas mensuales /);
    expect(text).toContain('la primera el lunes 28 de diciembre de 2026 y la última el jueves 27 de mayo de 2027, por PSE.');
    const inst = offer.schedule.filter((p) => p.kind === 'installment');
    const amounts = new Set(inst.map((p) => p.amount.amountMinor));
    if (amounts.size === 1) expect(text).toContain(`cuotas mensuales de COP`);
    else expect(text).toMatch(/cuotas mensuales \(\d de COP [\d.]+ y \d de COP [\d.]+\)/);
  });
  it('reads a short plan date by date in English', () => {
    const usd = (c: number): Money => ({ amountMinor: c, currency: 'USD' });
    const text = readBackText(
      { kind: 'installments', method: 'direct_debit', total: usd(30000), frequency: 'biweekly', schedule: [{ seq: 1, kind: 'installment', dueDate: '2026-12-04', amount: usd(15000) }, { seq: 2, kind: 'installment', dueDate: '2026-12-18', amount: usd(15000) }] },
      'en',
    );
    expect(text).toBe('We confirm your payment plan for a total of USD 300.00: 2 biweekly installments: USD 150.00 on Friday, December 4, 2026 and USD 150.00 on Friday, December 18, 2026, by direct debit. Can you confirm that is correct?');
  });
});
