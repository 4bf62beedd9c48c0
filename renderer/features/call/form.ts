/**
 * The promise form as the agent types it → the draft the desk validates. Pure (tested beside): amounts are text
 * in the agent's locale, parsed with the account's currency; a form field error keeps its i18n code + params.
 */
import type { FormError, OfferView } from '../../../shared/api/methods/negotiation';
import { formatAmount, isCurrencyCode, parseMoneyInput, type Money } from '../../../shared/money';
import type { ArrangementKind, Frequency, IsBusinessDay, PaymentMethod } from '../../../shared/negotiation';
import { buildDueDates, isValidIsoDate } from '../../../shared/negotiation/dates';

export interface PromiseForm {
  kind: ArrangementKind | '';
  amount: string;
  /** One date per payment (down payment first). */
  dates: string[];
  method: PaymentMethod | '';
  installments: string;
  frequency: Frequency | '';
  downPayment: string;
  offerId: string | null;
}

export const EMPTY_FORM: PromiseForm = { kind: '', amount: '', dates: [''], method: '', installments: '1', frequency: '', downPayment: '', offerId: null };

/** Fills the form from an offer the debtor accepted. */
export function formFromOffer(o: OfferView, locale: string): PromiseForm {
  const fmt = (m: Money) => formatAmount(m, locale);
  return {
    kind: o.kind,
    amount: fmt(o.total),
    dates: o.schedule.map((s) => s.dueDate),
    method: '',
    installments: String(o.kind === 'installments' ? o.installmentCount : 1),
    frequency: o.frequency ?? '',
    downPayment: o.downPayment ? fmt(o.downPayment) : '',
    offerId: o.id,
  };
}

/** How many dates the form needs for its kind, installments and down payment. */
export function datesNeeded(f: PromiseForm): number {
  if (f.kind !== 'installments') return 1;
  const n = Number.parseInt(f.installments, 10);
  return (Number.isFinite(n) && n > 0 ? Math.min(n, 250) : 1) + (f.downPayment.trim() ? 1 : 0);
}

/** Keeps the dates list as long as the plan needs, keeping what was typed. */
export function resizeDates(f: PromiseForm): PromiseForm {
  const n = datesNeeded(f);
  const dates = f.dates.slice(0, n);
  while (dates.length < n) dates.push('');
  return { ...f, dates };
}

export type DraftResult = { ok: true; draft: Record<string, unknown> } | { ok: false; errors: FormError[] };

export function toDraft(f: PromiseForm, currency: string, locale: string): DraftResult {
  const errors: FormError[] = [];
  if (!isCurrencyCode(currency)) return { ok: false, errors: [{ field: 'amount', code: 'policy.currency_mismatch', params: { expected: currency, actual: currency } }] };
  let amount: Money | null = null;
  if (f.amount.trim() === '') errors.push({ field: 'amount', code: 'promise.amount_required', params: {} });
  else {
    const r = parseMoneyInput(f.amount, currency, locale);
    if (r.ok) amount = r.value;
    else errors.push({ field: 'amount', code: r.error.code, params: r.error.params as Record<string, string | number> });
  }
  let down: Money | null = null;
  if (f.kind === 'installments' && f.downPayment.trim() !== '') {
    const r = parseMoneyInput(f.downPayment, currency, locale);
    if (r.ok) down = r.value;
    else errors.push({ field: 'downPayment', code: r.error.code, params: r.error.params as Record<string, string | number> });
  }
  const installments = Number(f.installments);
  f.dates.forEach((d, i) => {
    if (d.trim() === '') errors.push({ field: `dates.${i}`, code: 'promise.date_required', params: {} });
  });
  if (errors.length > 0) return { ok: false, errors };
  const draft: Record<string, unknown> = {
    kind: f.kind === '' ? undefined : f.kind,
    amount,
    dates: f.dates,
    method: f.method,
    installments: Number.isInteger(installments) ? installments : -1,
  };
  if (f.kind === 'installments') {
    if (f.frequency) draft.frequency = f.frequency;
    draft.downPayment = down;
  }
  if (f.offerId) draft.offerId = f.offerId;
  return { ok: true, draft };
}

/** The first error per field, for showing beside it. */
export function errorsByField(errors: readonly FormError[]): Record<string, FormError> {
  const out: Record<string, FormError> = {};
  for (const e of errors) out[e.field] ??= e;
  return out;
}

/**
 * A plan's dates from its first one: every period after it, on the debtor's business days (as the offers lay
 * them out). The agent types the first date, the count and the frequency; the rest follows.
 */
export function fillPlanDates(f: PromiseForm, isBusinessDay: IsBusinessDay): PromiseForm {
  const sized = resizeDates(f);
  const first = sized.dates[0] ?? '';
  if (f.kind !== 'installments' || !f.frequency || !isValidIsoDate(first) || sized.dates.length < 2) return sized;
  const down = f.downPayment.trim() !== '';
  const rest = down
    ? buildDueDates(first, sized.dates.length - 1, f.frequency, isBusinessDay, 1)
    : buildDueDates(first, sized.dates.length, f.frequency, isBusinessDay).slice(1);
  return { ...sized, dates: [first, ...rest] };
}
