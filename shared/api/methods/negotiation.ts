/**
 * The guided call's desk methods (issue 6): the script for an account, the offers its policy allows, the promise
 * to pay (validated, read back, saved with its reminders), the contact record with its disposition and callback,
 * and the agent's follow-up agenda. Validation problems of the promise and the wrap-up come back as data
 * (`{ ok: false, errors }`: field + i18n code + params) so the form shows one message per field; everything
 * else that goes wrong is an ApiError.
 */
import { z } from 'zod';
import { method } from '../define';
import { E164, Id, IsoDate, IsoDateTime, Language, TimeZone } from '../../domain/codes';
import { Callback, Contact } from '../../domain/portfolio';
import { MoneySchema } from '../../money';
import { ArrangementSchema } from '../../negotiation/arrangement';
import { DispositionSchema } from '../../negotiation/dispositions';
import { PaymentMethodSchema } from '../../negotiation/payment-methods';
import { NegotiationPolicySchema } from '../../negotiation/policy';
import { PromiseRecordSchema } from '../../negotiation/promise';
import { ReminderSchema } from '../../negotiation/reminders';
import { NonPaymentReasonSchema } from '../../negotiation/reasons';
import { ScriptSchema } from '../../scripts/schema';

/** One problem of one form field: the renderer words it with `negotiationMessage(code, params, lang, currency)`. */
export const FormError = z.object({
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type FormError = z.infer<typeof FormError>;

const ScriptVarsSchema = z.record(z.string(), z.string());

export const ScriptForResult = z.object({
  /** The script to run (last good version), with the disclosures the law requires here marked mandatory. */
  script: ScriptSchema,
  source: z.enum(['library', 'store']),
  /** Script disclosure ids the compliance rules require on this contact (already mandatory in `script`). */
  requiredDisclosures: z.array(z.string()),
  /** Disclosures the rules require that this script has no text for: the agent is told to make them anyway. */
  missingDisclosures: z.array(z.string()),
  /** Placeholder values; sensitive ones are only rendered by the runner after right-party verification. */
  vars: ScriptVarsSchema,
  debtorLanguage: Language,
  country: z.string(),
  zone: TimeZone,
  /** Whether the agent may ask why the debtor has not paid (Colombia: no). */
  mayAskReason: z.boolean(),
  /** Store scripts refused at load (the previous good version stays in use). */
  refused: z.array(z.object({ id: z.string().nullable(), issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })) })),
});
export type ScriptForResult = z.infer<typeof ScriptForResult>;

export const OfferSchema = ArrangementSchema.extend({
  id: z.string(),
  balance: MoneySchema,
  discount: MoneySchema,
  interest: MoneySchema,
  fee: MoneySchema,
  downPayment: MoneySchema.nullable(),
  installmentCount: z.number().int(),
  installmentAmount: MoneySchema,
});
export type OfferView = z.infer<typeof OfferSchema>;

export const OffersResult = z.object({
  accountId: Id,
  currency: z.string(),
  balance: MoneySchema,
  /** Today in the debtor's zone: what dates in the form are compared with. */
  today: IsoDate,
  zone: TimeZone,
  policy: NegotiationPolicySchema,
  offers: z.array(OfferSchema),
  paymentMethods: z.array(PaymentMethodSchema),
});
export type OffersResult = z.infer<typeof OffersResult>;

export const SavePromiseInput = z
  .object({
    accountId: Id,
    /** The form as typed (PromiseDraftSchema); checked by the desk so every field gets its own message. */
    draft: z.record(z.string(), z.unknown()),
    /** true: validate and return the read-back text without saving. */
    dryRun: z.boolean().default(false),
    /** The debtor confirmed the read-back: required to save. */
    confirmedByDebtor: z.boolean().default(false),
  })
  .strict();

export const SavePromiseResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    saved: z.boolean(),
    promise: PromiseRecordSchema,
    readBack: z.string(),
    readBackLanguage: Language,
    reminders: z.array(ReminderSchema),
  }),
  z.object({ ok: z.literal(false), currency: z.string(), errors: z.array(FormError).min(1) }),
]);
export type SavePromiseResult = z.infer<typeof SavePromiseResult>;

export const Verification = z.enum(['passed', 'failed', 'third_party', 'pending']);

export const RecordContactInput = z
  .object({
    debtorId: Id,
    accountId: Id.nullable(),
    disposition: DispositionSchema,
    reason: NonPaymentReasonSchema.nullable().default(null),
    reasonText: z.string().max(500).default(''),
    notes: z.string().max(4000).default(''),
    scriptId: z.string().min(1).max(64),
    scriptVersion: z.number().int().min(1),
    /** Disclosures the agent read and ticked, in order. */
    disclosures: z.array(z.string().max(64)).max(50),
    verification: Verification,
    /** The promise made on this call (required by the promise disposition). */
    promiseId: Id.nullable().default(null),
    /** A callback at a wall-clock date and time in the debtor's zone. */
    callbackAt: z.object({ date: z.string().max(10), time: z.string().max(5) }).strict().nullable().default(null),
    phoneE164: E164.nullable().default(null),
    direction: z.enum(['outbound', 'inbound']).default('outbound'),
    startedAt: IsoDateTime.optional(),
    endedAt: IsoDateTime.optional(),
    mos: z.number().min(1).max(5).nullable().default(null),
  })
  .strict();

export const RecordContactResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), contact: Contact, callback: Callback.nullable() }),
  z.object({ ok: z.literal(false), errors: z.array(FormError).min(1) }),
]);
export type RecordContactResult = z.infer<typeof RecordContactResult>;

/** The most items one agenda group lists in one call (the desk pages in more on demand). */
export const AGENDA_MAX_LIMIT = 5_000;

export const AgendaItemView = z.object({
  kind: z.enum(['payment_due', 'callback', 'broken_promise']),
  /** Agent's local date of the item (payment dates are the debtor's dates). */
  date: IsoDate,
  time: z.string().nullable(),
  overdue: z.boolean(),
  debtorId: Id,
  debtorName: z.string(),
  accountId: Id.nullable(),
  accountNumber: z.string().nullable(),
  currency: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  paidMinor: z.number().int().nullable(),
  promiseId: Id.nullable(),
  callbackId: Id.nullable(),
  /** The debtor's wall clock for a callback ("10:30 America/Bogota"). */
  debtorTime: z.string().nullable(),
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const AgendaResult = z.object({
  range: z.enum(['today', 'week']),
  today: IsoDate,
  overdue: z.array(AgendaItemView),
  dueToday: z.array(AgendaItemView),
  thisWeek: z.array(AgendaItemView),
  /**
   * How many items each group holds in all; the lists above carry at most the `limit` asked for (soonest first),
   * so a desk with 10,000 callbacks neither ships nor paints them all.
   */
  totals: z.object({ overdue: z.number().int().min(0), dueToday: z.number().int().min(0), thisWeek: z.number().int().min(0) }),
});
export type AgendaResult = z.infer<typeof AgendaResult>;

export const negotiationMethods = {
  scriptFor: method(z.object({ debtorId: Id, accountId: Id }).strict(), ScriptForResult),
  offers: method(z.object({ accountId: Id }).strict(), OffersResult),
  savePromise: method(SavePromiseInput, SavePromiseResult),
  recordContact: method(RecordContactInput, RecordContactResult),
  /** The agent's follow-up calendar; `zone` is the agent's own zone (the renderer's); `limit` caps each group's list. */
  agenda: method(
    z.object({ range: z.enum(['today', 'week']), zone: TimeZone.optional(), limit: z.number().int().min(1).max(AGENDA_MAX_LIMIT).optional() }).strict(),
    AgendaResult,
  ),
};
