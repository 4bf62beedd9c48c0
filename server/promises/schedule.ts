import { allocate, type Money } from '../../shared/money';
import { nominalDate, ScheduledPaymentSchema, type ScheduledPayment } from '../../shared/negotiation';
import { z } from 'zod';

const Terms = z.object({ schedule: z.array(ScheduledPaymentSchema).min(1) }).passthrough();

/**
 * A promise's payment schedule. The desk records the full terms with the promise (an audit entry
 * `promise.terms`, synced with it); without them — a promise imported or made by an older desk — the total is one
 * payment on the due date, or equal monthly installments from it.
 */
export function scheduleFor(
  row: { amount_minor: number; currency: string; due_date: string; installments: number },
  terms: unknown,
): ScheduledPayment[] {
  const t = Terms.safeParse(terms);
  if (t.success) {
    const total = t.data.schedule.reduce((a, p) => a + p.amount.amountMinor, 0);
    // Terms that do not add up to the promise (tampered or from another promise) are not trusted.
    if (total === row.amount_minor && t.data.schedule.every((p) => p.amount.currency === row.currency)) return t.data.schedule;
  }
  const amount: Money = { amountMinor: row.amount_minor, currency: row.currency as Money['currency'] };
  if (row.installments <= 1) return [{ seq: 1, kind: 'single', dueDate: row.due_date, amount }];
  return allocate(amount, row.installments).map((a, i) => ({ seq: i + 1, kind: 'installment', dueDate: nominalDate(row.due_date, i, 'monthly'), amount: a }));
}
