import type { Money } from '../money';
import type { ScheduledPayment } from './arrangement';
import { addDays } from './dates';
import { dateInZone } from './zone-date';

/**
 * Broken-promise detection, pure: promises + posted payments + grace days + now → a status per promise and per
 * payment of its schedule. Matching rules:
 * - a payment counts only for the same account, the same currency, and promises created on or before the
 *   payment's posting date (in the debtor's zone);
 * - it goes to the oldest open installment of that account (by due date, then promise creation, then sequence),
 *   spilling over to the next ones when it is larger; an installment stops being open once fully paid or once its
 *   grace period is over before the payment was posted (a late payment cannot rescue a broken installment);
 * - what is left is reported as unapplied (payments outside any promise, or overpayments).
 * An installment is broken the day after dueDate + graceDays (calendar days) if not fully paid by then; paid late
 * within grace is kept. A promise is broken when any of its installments is.
 */

export interface TrackedPromise {
  id: string;
  accountId: string;
  agentId: string;
  /** UTC instant it was made (orders promises of one account). */
  createdAt: string;
  /** Creation date in the debtor's zone. */
  createdOn: string;
  zone: string;
  schedule: readonly ScheduledPayment[];
  cancelled?: boolean;
}

export interface PostedPayment {
  id: string;
  accountId: string;
  amount: Money;
  /** Posting date in the debtor's zone (YYYY-MM-DD). */
  postedOn: string;
}

export type InstallmentStatus = 'kept' | 'partial' | 'pending' | 'broken';
/** Same words as shared/domain PromiseStatus. */
export type TrackedPromiseStatus = 'kept' | 'partial' | 'pending' | 'broken' | 'cancelled';

export interface InstallmentTracking {
  seq: number;
  dueDate: string;
  /** Last day a payment still counts as on time. */
  graceUntil: string;
  amountMinor: number;
  paidMinor: number;
  status: InstallmentStatus;
  /** Past its due date but still inside grace. */
  overdue: boolean;
  /** Date the installment became fully paid. */
  paidOn: string | null;
}

export interface PromiseTracking {
  promiseId: string;
  accountId: string;
  agentId: string;
  status: TrackedPromiseStatus;
  paidMinor: number;
  totalMinor: number;
  /** Day it counted as broken (the day after the first unmet installment's grace). */
  brokenOn: string | null;
  /** Day the last installment was paid, when kept. */
  keptOn: string | null;
  installments: InstallmentTracking[];
}

export interface PaymentApplication {
  paymentId: string;
  promiseId: string;
  seq: number;
  amountMinor: number;
}

export interface TrackingResult {
  promises: PromiseTracking[];
  applications: PaymentApplication[];
  unapplied: Array<{ paymentId: string; amountMinor: number; reason: 'no_open_installment' | 'currency_mismatch' }>;
}

export interface TrackingInput {
  promises: readonly TrackedPromise[];
  payments: readonly PostedPayment[];
  /** The policy's grace days, per promise (policies differ by segment). */
  graceDays: number | ((p: TrackedPromise) => number);
  /** UTC instant; each promise's "today" is taken in its own zone. */
  now: string;
}

interface Slot {
  promise: TrackedPromise;
  inst: InstallmentTracking;
  currency: string;
}

/** The date of the UTC instant `nowUtc` in `zone` (one cached formatter per zone: see zone-date.ts). */
export function todayIn(zone: string, nowUtc: string): string {
  return dateInZone(zone, nowUtc);
}

export function trackPromises(input: TrackingInput): TrackingResult {
  const grace = (p: TrackedPromise) => (typeof input.graceDays === 'number' ? input.graceDays : input.graceDays(p));
  const slotsByAccount = new Map<string, Slot[]>();
  const tracking: PromiseTracking[] = [];
  const instOf = new Map<string, InstallmentTracking[]>();

  for (const p of input.promises) {
    const g = grace(p);
    const installments = p.schedule.map(
      (s): InstallmentTracking => ({
        seq: s.seq,
        dueDate: s.dueDate,
        graceUntil: addDays(s.dueDate, g),
        amountMinor: s.amount.amountMinor,
        paidMinor: 0,
        status: 'pending',
        overdue: false,
        paidOn: null,
      }),
    );
    instOf.set(p.id, installments);
    if (p.cancelled) continue;
    const slots = slotsByAccount.get(p.accountId) ?? [];
    installments.forEach((inst, i) => slots.push({ promise: p, inst, currency: p.schedule[i]!.amount.currency }));
    slotsByAccount.set(p.accountId, slots);
  }
  for (const slots of slotsByAccount.values()) {
    slots.sort((a, b) =>
      a.inst.dueDate !== b.inst.dueDate
        ? a.inst.dueDate < b.inst.dueDate ? -1 : 1
        : a.promise.createdAt !== b.promise.createdAt
          ? a.promise.createdAt < b.promise.createdAt ? -1 : 1
          : a.inst.seq - b.inst.seq,
    );
  }

  const applications: PaymentApplication[] = [];
  const unapplied: TrackingResult['unapplied'] = [];
  const payments = [...input.payments].sort((a, b) => (a.postedOn !== b.postedOn ? (a.postedOn < b.postedOn ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const pay of payments) {
    let left = pay.amount.amountMinor;
    const slots = slotsByAccount.get(pay.accountId) ?? [];
    let currencyMismatch = false;
    for (const slot of slots) {
      if (left <= 0) break;
      const { inst, promise } = slot;
      if (promise.createdOn > pay.postedOn) continue; // made after the payment: not what it was for
      if (inst.paidMinor >= inst.amountMinor) continue;
      if (pay.postedOn > inst.graceUntil) continue; // too late for this one: it is broken
      if (slot.currency !== pay.amount.currency) {
        currencyMismatch = true;
        continue;
      }
      const take = Math.min(left, inst.amountMinor - inst.paidMinor);
      inst.paidMinor += take;
      left -= take;
      if (inst.paidMinor === inst.amountMinor) inst.paidOn = pay.postedOn;
      applications.push({ paymentId: pay.id, promiseId: promise.id, seq: inst.seq, amountMinor: take });
    }
    if (left > 0) unapplied.push({ paymentId: pay.id, amountMinor: left, reason: currencyMismatch && left === pay.amount.amountMinor ? 'currency_mismatch' : 'no_open_installment' });
  }

  const todayByZone = new Map<string, string>();
  for (const p of input.promises) {
    let today = todayByZone.get(p.zone);
    if (today === undefined) {
      today = todayIn(p.zone, input.now);
      todayByZone.set(p.zone, today);
    }
    const installments = instOf.get(p.id)!;
    for (const inst of installments) {
      if (inst.paidMinor >= inst.amountMinor) inst.status = 'kept';
      else if (today > inst.graceUntil) inst.status = 'broken';
      else if (inst.paidMinor > 0) inst.status = 'partial';
      else inst.status = 'pending';
      inst.overdue = inst.status !== 'kept' && inst.status !== 'broken' && today > inst.dueDate;
    }
    const paidMinor = installments.reduce((a, i) => a + i.paidMinor, 0);
    const firstBroken = installments.find((i) => i.status === 'broken');
    let status: TrackedPromiseStatus;
    if (p.cancelled) status = 'cancelled';
    else if (firstBroken) status = 'broken';
    else if (installments.every((i) => i.status === 'kept')) status = 'kept';
    else if (paidMinor > 0) status = 'partial';
    else status = 'pending';
    tracking.push({
      promiseId: p.id,
      accountId: p.accountId,
      agentId: p.agentId,
      status,
      paidMinor,
      totalMinor: installments.reduce((a, i) => a + i.amountMinor, 0),
      brokenOn: status === 'broken' && firstBroken ? addDays(firstBroken.graceUntil, 1) : null,
      keptOn: status === 'kept' ? installments.reduce((a, i) => (i.paidOn && i.paidOn > a ? i.paidOn : a), '') || null : null,
      installments,
    });
  }
  return { promises: tracking, applications, unapplied };
}

/** Promises whose status became `broken` since the previous run: these accounts go back to the queue, higher. */
export function newlyBroken(previous: ReadonlyMap<string, TrackedPromiseStatus>, current: readonly PromiseTracking[]): PromiseTracking[] {
  return current.filter((t) => t.status === 'broken' && previous.get(t.promiseId) !== 'broken');
}

export interface KeptRate {
  agentId: string;
  kept: number;
  broken: number;
  open: number;
  /** kept / (kept + broken) in ppm, null while nothing is resolved. */
  keptRatePpm: number | null;
}

/** Kept rate per agent over resolved promises (kept or broken); cancelled ones do not count. */
export function keptRateByAgent(tracked: readonly PromiseTracking[]): KeptRate[] {
  const by = new Map<string, KeptRate>();
  for (const t of tracked) {
    if (t.status === 'cancelled') continue;
    const r = by.get(t.agentId) ?? { agentId: t.agentId, kept: 0, broken: 0, open: 0, keptRatePpm: null };
    if (t.status === 'kept') r.kept++;
    else if (t.status === 'broken') r.broken++;
    else r.open++;
    by.set(t.agentId, r);
  }
  for (const r of by.values()) {
    const resolved = r.kept + r.broken;
    r.keptRatePpm = resolved === 0 ? null : Math.floor((r.kept * 1_000_000) / resolved);
  }
  return [...by.values()].sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
}
