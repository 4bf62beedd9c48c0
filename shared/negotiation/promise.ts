import { DateTime } from 'luxon';
import { z } from 'zod';
import { allocate, CURRENCIES, formatMoney, MoneySchema, subtract, type Money } from '../money';
import {
  ArrangementKindSchema,
  checkArrangement,
  ScheduledPaymentSchema,
  type Arrangement,
  type NegotiationContext,
  type PolicyViolation,
  type ScheduledPayment,
} from './arrangement';
import { isValidIsoDate } from './dates';
import { PaymentMethodSchema, type PaymentMethod } from './payment-methods';
import { FrequencySchema, type Frequency } from './policy';
import { reminderSchedule, ReminderSchema, type Reminder } from './reminders';

/**
 * The promise-to-pay form as the UI submits it. `dates` has one date per payment: the down payment first (if
 * any), then each installment; a single payment has one. `amounts` is optional: without it the installments are
 * an exact equal split of `amount − downPayment` (remainder on the first ones).
 */
export const PromiseDraftSchema = z
  .object({
    kind: ArrangementKindSchema.or(z.undefined()).refine((k) => k !== undefined, { message: 'promise.kind_required' }),
    amount: MoneySchema.or(z.null()).refine((m) => m !== null, { message: 'promise.amount_required' }),
    dates: z.array(z.string()).min(1, { message: 'promise.date_required' }),
    method: PaymentMethodSchema.or(z.literal('')).refine((m) => m !== '', { message: 'promise.method_required' }),
    installments: z.number({ message: 'promise.installments_invalid' }).int({ message: 'promise.installments_invalid' }).min(1, { message: 'promise.installments_invalid' }).max(250, { message: 'promise.installments_invalid' }),
    frequency: FrequencySchema.optional(),
    downPayment: MoneySchema.nullable().optional(),
    amounts: z.array(MoneySchema).optional(),
    /** The offer the form was filled from, kept for the KPIs (which offers turn into promises). */
    offerId: z.string().max(64).optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type PromiseDraft = z.input<typeof PromiseDraftSchema>;

/** The form fields an error can belong to. */
export type PromiseField = 'kind' | 'amount' | 'dates' | `dates.${number}` | 'method' | 'installments' | 'frequency' | 'downPayment' | 'form';

export interface PromiseFieldError {
  field: PromiseField;
  code: string;
  params: Record<string, string | number>;
}

/** A validated promise as stored locally and synced (the sync issue carries it); status comes from tracking. */
export const PromiseRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    accountId: z.string().min(1).max(64),
    debtorId: z.string().min(1).max(64),
    agentId: z.string().min(1).max(64),
    createdAt: z.iso.datetime({ offset: true }),
    /** Creation date in the debtor's zone: payments count from it. */
    createdOn: z.iso.date(),
    zone: z.string().min(1).max(64),
    policyId: z.string(),
    policyVersion: z.number().int().min(1),
    offerId: z.string().max(64).nullable(),
    kind: ArrangementKindSchema,
    method: PaymentMethodSchema,
    total: MoneySchema,
    frequency: FrequencySchema.nullable(),
    schedule: z.array(ScheduledPaymentSchema).min(1),
    reminders: z.array(ReminderSchema),
    note: z.string().max(1000),
  })
  .strict();
export type PromiseRecord = z.infer<typeof PromiseRecordSchema>;

export interface PromiseMeta {
  id: string;
  accountId: string;
  debtorId: string;
  agentId: string;
  /** UTC instant of creation. */
  createdAt: string;
  /** Debtor's IANA zone (today and reminders are in it). */
  zone: string;
}

export type ValidatePromiseResult =
  | { ok: true; promise: PromiseRecord; arrangement: Arrangement }
  | { ok: false; errors: PromiseFieldError[] };

/** Maps an arrangement path to the form field that shows it. */
function fieldOf(path: string): PromiseField {
  if (path === 'total') return 'amount';
  const m = /^schedule\.(\d+)\.dueDate$/.exec(path);
  if (m) return `dates.${Number(m[1])}`;
  if (path.startsWith('schedule.') && path.endsWith('.amount')) return 'amount';
  if (path === 'schedule') return 'dates';
  if (path === 'installments' || path === 'downPayment' || path === 'frequency' || path === 'kind') return path;
  return 'form';
}

/** One error per field: the first one found is the one the agent needs to fix first. */
function onePerField(errors: PromiseFieldError[]): PromiseFieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}

/**
 * Validates the form against its own shape, then against the policy (the same check the offers pass), and builds
 * the record with its schedule and reminders. Every problem comes back as field + i18n code + params.
 */
export function validatePromise(draft: unknown, ctx: NegotiationContext, meta: PromiseMeta): ValidatePromiseResult {
  const parsed = PromiseDraftSchema.safeParse(draft);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i): PromiseFieldError => {
      const head = String(i.path[0] ?? 'form');
      const field = (['kind', 'amount', 'dates', 'method', 'installments', 'frequency', 'downPayment'].includes(head) ? head : 'form') as PromiseField;
      const code = i.message.startsWith('promise.') ? i.message : `promise.${field === 'form' ? 'unknown_field' : `${field}_invalid`}`;
      return { field, code, params: i.code === 'unrecognized_keys' ? { keys: i.keys.join(', ') } : {} };
    });
    return { ok: false, errors: onePerField(errors) };
  }
  const d = parsed.data;
  const kind = d.kind!;
  const amount = d.amount!;
  const method = d.method as PaymentMethod;
  const errors: PromiseFieldError[] = [];
  const cur = ctx.balance.currency;

  d.dates.forEach((date, i) => {
    if (!isValidIsoDate(date)) errors.push({ field: `dates.${i}`, code: 'promise.date_invalid', params: { date } });
  });
  const single = kind !== 'installments';
  const down = single ? null : (d.downPayment ?? null);
  if (single && d.installments !== 1) errors.push({ field: 'installments', code: 'promise.single_payment_one_installment', params: {} });
  if (!single && !d.frequency) errors.push({ field: 'frequency', code: 'promise.frequency_required', params: {} });
  const expectedDates = single ? 1 : d.installments + (down ? 1 : 0);
  if (d.dates.length !== expectedDates) errors.push({ field: 'dates', code: 'promise.dates_count_mismatch', params: { expected: expectedDates, actual: d.dates.length } });
  if (amount.currency !== cur || (down && down.currency !== cur) || d.amounts?.some((m) => m.currency !== cur)) {
    errors.push({ field: 'amount', code: 'policy.currency_mismatch', params: { expected: cur, actual: amount.currency } });
  }
  if (amount.amountMinor <= 0) errors.push({ field: 'amount', code: 'promise.amount_not_positive', params: {} });
  if (down && down.amountMinor >= amount.amountMinor) errors.push({ field: 'downPayment', code: 'promise.down_payment_too_large', params: {} });
  if (d.amounts && d.amounts.length !== expectedDates) errors.push({ field: 'amount', code: 'promise.amounts_count_mismatch', params: { expected: expectedDates } });
  if (errors.length > 0) return { ok: false, errors: onePerField(errors) };

  // Build the schedule.
  let amounts: Money[];
  if (d.amounts) amounts = d.amounts;
  else if (single) amounts = [amount];
  else {
    const rest = allocate(subtract(amount, down ?? { amountMinor: 0, currency: cur }), d.installments);
    amounts = down ? [down, ...rest] : rest;
  }
  const schedule: ScheduledPayment[] = amounts.map((a, i) => ({
    seq: i + 1,
    kind: single ? 'single' : down && i === 0 ? 'down_payment' : 'installment',
    dueDate: d.dates[i] as string,
    amount: a,
  }));
  const arrangement: Arrangement = { kind, total: amount, schedule, ...(single ? {} : { frequency: d.frequency }) };
  const violations: PolicyViolation[] = checkArrangement(arrangement, ctx);
  if (violations.length > 0) {
    return { ok: false, errors: onePerField(violations.map((x) => ({ field: fieldOf(x.path), code: x.code, params: x.params }))) };
  }
  const reminders: Reminder[] = reminderSchedule(schedule, { today: ctx.today, zone: meta.zone, isBusinessDay: ctx.isBusinessDay });
  const promise: PromiseRecord = {
    ...meta,
    createdOn: ctx.today,
    policyId: ctx.policy.id,
    policyVersion: ctx.policy.version,
    offerId: d.offerId ?? null,
    kind,
    method,
    total: amount,
    frequency: single ? null : (d.frequency as Frequency),
    schedule,
    reminders,
    note: d.note ?? '',
  };
  return { ok: true, promise, arrangement };
}

/** Prefills the promise form from an offer the debtor accepted (the agent may still change dates or amounts). */
export function draftFromOffer(offer: Arrangement & { id?: string }, method: PaymentMethod | '' = ''): PromiseDraft {
  const down = offer.schedule.find((p) => p.kind === 'down_payment');
  const installments = offer.schedule.filter((p) => p.kind === 'installment').length;
  return {
    kind: offer.kind,
    amount: offer.total,
    dates: offer.schedule.map((p) => p.dueDate),
    method,
    installments: offer.kind === 'installments' ? installments : 1,
    ...(offer.frequency ? { frequency: offer.frequency } : {}),
    downPayment: down ? down.amount : null,
    amounts: offer.schedule.map((p) => p.amount),
    ...(offer.id ? { offerId: offer.id } : {}),
  };
}

// ---------- read-back ----------

export type DebtorLanguage = 'es' | 'en';

const METHOD_PHRASE: Record<DebtorLanguage, Record<PaymentMethod, string>> = {
  es: {
    bank_transfer: 'por transferencia bancaria',
    pse: 'por PSE',
    cash_point: 'en efectivo en un punto de pago autorizado',
    bank_branch: 'en una oficina del banco',
    card: 'con tarjeta',
    direct_debit: 'por débito automático',
    online_portal: 'en el portal de pagos en línea',
    check: 'con cheque',
    other: 'por el medio acordado',
  },
  en: {
    bank_transfer: 'by bank transfer',
    pse: 'through PSE',
    cash_point: 'in cash at an authorized payment point',
    bank_branch: 'at a bank branch',
    card: 'by card',
    direct_debit: 'by direct debit',
    online_portal: 'through the online payment portal',
    check: 'by check',
    other: 'by the agreed method',
  },
};

const FREQ_PHRASE: Record<DebtorLanguage, Record<Frequency, [string, string]>> = {
  es: { weekly: ['cuota semanal', 'cuotas semanales'], biweekly: ['cuota quincenal', 'cuotas quincenales'], monthly: ['cuota mensual', 'cuotas mensuales'] },
  en: { weekly: ['weekly installment', 'weekly installments'], biweekly: ['biweekly installment', 'biweekly installments'], monthly: ['monthly installment', 'monthly installments'] },
};

/** "viernes 4 de diciembre de 2026" / "Friday, December 4, 2026". */
export function spokenDate(iso: string, lang: DebtorLanguage): string {
  const d = DateTime.fromISO(iso, { zone: 'utc' }).setLocale(lang);
  return lang === 'es' ? d.toFormat("cccc d 'de' LLLL 'de' yyyy") : d.toFormat('cccc, LLLL d, yyyy');
}

function spokenMoney(m: Money, lang: DebtorLanguage): string {
  // "COP 1.200.000": the code, never "$", which is ambiguous between pesos and dollars on the phone.
  const locale = lang === 'es' ? CURRENCIES[m.currency].defaultLocale : 'en-US';
  return formatMoney(m, locale, { display: 'code' }).replace(/[\u00a0\u202f]/g, ' ');
}

function joinList(items: string[], lang: DebtorLanguage): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${last}`;
}

export interface ReadBackInput {
  kind: PromiseRecord['kind'];
  method: PaymentMethod;
  total: Money;
  frequency: Frequency | null;
  schedule: readonly ScheduledPayment[];
}

/**
 * The text the agent reads aloud and the debtor confirms, in the debtor's language: amount with its currency
 * code, weekday and full date of every payment (grouped when a plan is long), the method, what the payment does
 * to the account, and the confirmation question. Assertive and neutral, never accusatory.
 */
export function readBackText(p: ReadBackInput, lang: DebtorLanguage): string {
  const M = (m: Money) => spokenMoney(m, lang);
  const D = (iso: string) => spokenDate(iso, lang);
  const method = METHOD_PHRASE[lang][p.method];
  const first = p.schedule[0] as ScheduledPayment;
  const es = lang === 'es';
  const confirm = es ? '¿Me confirma que es correcto?' : 'Can you confirm that is correct?';
  switch (p.kind) {
    case 'pay_in_full':
      return es
        ? `Confirmamos su compromiso de pago total de ${M(p.total)} el ${D(first.dueDate)} ${method}. Con este pago su obligación queda saldada. ${confirm}`
        : `We confirm your promise to pay ${M(p.total)} in full on ${D(first.dueDate)} ${method}. This payment settles your account. ${confirm}`;
    case 'settlement':
      return es
        ? `Confirmamos su compromiso de pago de ${M(p.total)} el ${D(first.dueDate)} ${method}, como acuerdo para saldar su obligación. ${confirm}`
        : `We confirm your promise to pay ${M(p.total)} on ${D(first.dueDate)} ${method}, as an agreement that settles your account. ${confirm}`;
    case 'partial':
      return es
        ? `Confirmamos su compromiso de pago de ${M(p.total)} el ${D(first.dueDate)} ${method}. Este pago es un abono: el saldo restante sigue pendiente. ${confirm}`
        : `We confirm your promise to pay ${M(p.total)} on ${D(first.dueDate)} ${method}. This is a partial payment: the remaining balance stays open. ${confirm}`;
    case 'installments': {
      const parts: string[] = [];
      const down = p.schedule.find((s) => s.kind === 'down_payment');
      if (down) parts.push(es ? `una cuota inicial de ${M(down.amount)} el ${D(down.dueDate)}` : `a down payment of ${M(down.amount)} on ${D(down.dueDate)}`);
      const insts = p.schedule.filter((s) => s.kind === 'installment');
      const [one, many] = FREQ_PHRASE[lang][p.frequency ?? 'monthly'];
      const n = insts.length;
      if (n <= 4) {
        const each = insts.map((s) => (es ? `${M(s.amount)} el ${D(s.dueDate)}` : `${M(s.amount)} on ${D(s.dueDate)}`));
        parts.push(es ? `${n} ${n === 1 ? one : many}: ${joinList(each, lang)}` : `${n} ${n === 1 ? one : many}: ${joinList(each, lang)}`);
      } else {
        // Group runs of equal amounts: "2 de COP 8.744.278 y 4 de COP 8.744.277".
        const groups: Array<{ count: number; amount: Money }> = [];
        for (const s of insts) {
          const g = groups[groups.length - 1];
          if (g && g.amount.amountMinor === s.amount.amountMinor) g.count++;
          else groups.push({ count: 1, amount: s.amount });
        }
        const amounts = groups.length === 1 ? (es ? `de ${M(groups[0]!.amount)}` : `of ${M(groups[0]!.amount)}`) : joinList(groups.map((g) => (es ? `${g.count} de ${M(g.amount)}` : `${g.count} of ${M(g.amount)}`)), lang);
        const firstI = insts[0] as ScheduledPayment;
        const lastI = insts[n - 1] as ScheduledPayment;
        parts.push(
          es
            ? `${n} ${many} ${groups.length === 1 ? amounts : `(${amounts})`}, la primera el ${D(firstI.dueDate)} y la última el ${D(lastI.dueDate)}`
            : `${n} ${many} ${groups.length === 1 ? amounts : `(${amounts})`}, the first on ${D(firstI.dueDate)} and the last on ${D(lastI.dueDate)}`,
        );
      }
      return es
        ? `Confirmamos su acuerdo de pago por un total de ${M(p.total)}: ${joinList(parts, lang)}, ${method}. ${confirm}`
        : `We confirm your payment plan for a total of ${M(p.total)}: ${joinList(parts, lang)}, ${method}. ${confirm}`;
    }
  }
}
