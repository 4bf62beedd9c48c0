import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, datesNeeded, resizeDates, toDraft } from './form';

describe('promise form → draft', () => {
  it('parses amounts in the agent locale with the currency\'s quoted decimals', () => {
    const r = toDraft({ ...EMPTY_FORM, kind: 'pay_in_full', amount: '4.250.000', dates: ['2026-12-01'], method: 'pse' }, 'COP', 'es-CO');
    expect(r).toEqual({ ok: true, draft: { kind: 'pay_in_full', amount: { amountMinor: 425_000_000, currency: 'COP' }, dates: ['2026-12-01'], method: 'pse', installments: 1 } });
  });

  it('says which field is empty or unreadable', () => {
    const r = toDraft({ ...EMPTY_FORM, kind: 'installments', amount: 'abc', downPayment: '', dates: ['', '2026-12-01'], installments: '2' }, 'COP', 'es-CO');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['amount', 'dates.0']);
  });

  it('a plan needs one date per installment plus the down payment', () => {
    const f = { ...EMPTY_FORM, kind: 'installments' as const, installments: '3', downPayment: '100.000' };
    expect(datesNeeded(f)).toBe(4);
    expect(resizeDates({ ...f, dates: ['2026-12-01'] }).dates).toEqual(['2026-12-01', '', '', '']);
  });
});

describe('plan dates', () => {
  it('lays out the rest of a plan from its first date on business days', async () => {
    const { fillPlanDates } = await import('./form');
    const weekdays = (iso: string) => ![0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());
    const f = fillPlanDates({ ...EMPTY_FORM, kind: 'installments', installments: '3', frequency: 'monthly', downPayment: '100', dates: ['2026-12-01'] }, weekdays);
    // Down payment on the first date, then 1 Jan (Fri), 1 Feb (Mon), 1 Mar 2027 (Mon).
    expect(f.dates).toEqual(['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']);
  });
});
