import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ScheduledPayment } from './arrangement';
import { addDays, type IsBusinessDay } from './dates';

/**
 * Reminders a promise records for the messaging that a later issue sends (SMS/WhatsApp): for each payment,
 * one the business day before and one on the day itself, at a local time in the debtor's zone.
 */
export const ReminderSchema = z
  .object({
    paymentSeq: z.number().int().min(1),
    kind: z.enum(['day_before', 'due_day']),
    localDate: z.iso.date(),
    /** UTC instant to send at. */
    sendAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type Reminder = z.infer<typeof ReminderSchema>;

export interface ReminderOptions {
  /** Today in the debtor's zone; reminders before it are dropped. */
  today: string;
  zone: string;
  isBusinessDay: IsBusinessDay;
  /** Local send time, HH:mm (default 09:00: inside every jurisdiction's contact hours). */
  localTime?: string;
}

function previousBusinessDayBefore(iso: string, isBusinessDay: IsBusinessDay): string {
  let d = addDays(iso, -1);
  for (let i = 0; i < 30 && !isBusinessDay(d); i++) d = addDays(d, -1);
  return d;
}

export function reminderSchedule(schedule: readonly ScheduledPayment[], opts: ReminderOptions): Reminder[] {
  const [hh, mm] = (opts.localTime ?? '09:00').split(':').map(Number) as [number, number];
  const at = (localDate: string): string => {
    const dt = DateTime.fromISO(localDate, { zone: opts.zone }).set({ hour: hh, minute: mm });
    return dt.toUTC().toISO({ suppressMilliseconds: true }) as string;
  };
  const out: Reminder[] = [];
  for (const p of schedule) {
    const before = previousBusinessDayBefore(p.dueDate, opts.isBusinessDay);
    if (before >= opts.today) out.push({ paymentSeq: p.seq, kind: 'day_before', localDate: before, sendAt: at(before) });
    if (p.dueDate >= opts.today) out.push({ paymentSeq: p.seq, kind: 'due_day', localDate: p.dueDate, sendAt: at(p.dueDate) });
  }
  return out;
}
