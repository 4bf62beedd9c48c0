import { z } from 'zod';
import { CurrencyCodeSchema, MoneySchema, PercentSchema, type CurrencyCode } from '../money';

/**
 * A creditor's negotiation policy for one segment: what an agent may offer without asking a supervisor.
 * Percentages are written as people write them (15 = 15 %, up to 4 decimals) and computed in ppm.
 * Amounts are Money in integer minor units of the policy's currency (COP in centavos).
 * Field-by-field documentation: docs/policies.md.
 */

export const FrequencySchema = z.enum(['weekly', 'biweekly', 'monthly']);
export type Frequency = z.infer<typeof FrequencySchema>;

const Days = z.number().int().min(0).max(366);

export const PayInFullRuleSchema = z
  .object({
    /** Largest discount on the balance for paying everything at once, percent of the balance. */
    maxDiscountPercent: PercentSchema,
    /** When true and the principal is known, the discounted amount never goes below the principal. */
    floorAtPrincipal: z.boolean().default(false),
    /** Latest payment date, counted in calendar days from today. */
    maxDaysToPay: Days,
  })
  .strict();

export const SettlementRuleSchema = z
  .object({
    /** The least the creditor accepts to close the account, percent of the balance. */
    floorPercentOfBalance: PercentSchema,
    /** Optional second floor, percent of the principal (the larger floor wins). */
    floorPercentOfPrincipal: PercentSchema.optional(),
    maxDaysToPay: Days,
  })
  .strict();

export const DownPaymentRuleSchema = z
  .object({
    required: z.boolean(),
    /** Least down payment, percent of the balance. */
    minPercent: PercentSchema,
  })
  .strict();

export const InstallmentRuleSchema = z
  .object({
    /** Most installments in a plan, not counting the down payment. Plans start at 2. */
    maxTerm: z.number().int().min(2).max(250),
    frequencies: z.array(FrequencySchema).min(1),
    /** No installment below this amount. */
    minInstallment: MoneySchema,
    downPayment: DownPaymentRuleSchema.optional(),
    /** Flat fee added once to each plan (e.g. an agreement fee). */
    planFee: MoneySchema.optional(),
    /**
     * Monthly interest on the financed amount (balance − down payment), simple, prorated by the plan's length
     * in months (weekly plan of n: n·12/52 months; biweekly: n·12/26; monthly: n).
     */
    monthlyInterestPercent: PercentSchema.optional(),
    /** First payment (down payment, or first installment) at most this many calendar days from today. */
    maxDaysToFirstPayment: Days,
    /** The first payment date the offers propose, in days from today, before moving it to a business day. */
    defaultDaysToFirstPayment: Days.optional(),
  })
  .strict();

export const PartialPaymentRuleSchema = z
  .object({
    /** A one-off partial payment the agent may accept as a promise (does not close the account). */
    minAmount: MoneySchema,
    maxDaysToPay: Days,
  })
  .strict();

export const NegotiationPolicySchema = z
  .object({
    id: z.string().min(1).max(64),
    version: z.number().int().min(1),
    creditorId: z.string().min(1).max(64),
    segment: z.string().min(1).max(32),
    currency: CurrencyCodeSchema,
    payInFull: PayInFullRuleSchema.optional(),
    settlement: SettlementRuleSchema.optional(),
    installments: InstallmentRuleSchema.optional(),
    partialPayment: PartialPaymentRuleSchema.optional(),
    /** Days after a due date before an unmet promise counts as broken. */
    graceDays: z.number().int().min(0).max(60),
  })
  .strict()
  .superRefine((p, ctx) => {
    const checkCurrency = (m: { currency: CurrencyCode } | undefined, path: (string | number)[]) => {
      if (m && m.currency !== p.currency) {
        ctx.addIssue({ code: 'custom', path, message: 'policy.amount_currency_mismatch', params: { expected: p.currency } });
      }
    };
    checkCurrency(p.installments?.minInstallment, ['installments', 'minInstallment', 'currency']);
    checkCurrency(p.installments?.planFee, ['installments', 'planFee', 'currency']);
    checkCurrency(p.partialPayment?.minAmount, ['partialPayment', 'minAmount', 'currency']);
    const inst = p.installments;
    if (inst) {
      if (new Set(inst.frequencies).size !== inst.frequencies.length) {
        ctx.addIssue({ code: 'custom', path: ['installments', 'frequencies'], message: 'policy.duplicate_frequency' });
      }
      if (inst.defaultDaysToFirstPayment !== undefined && inst.defaultDaysToFirstPayment > inst.maxDaysToFirstPayment) {
        ctx.addIssue({ code: 'custom', path: ['installments', 'defaultDaysToFirstPayment'], message: 'policy.default_after_max' });
      }
      if (inst.minInstallment.amountMinor <= 0) {
        ctx.addIssue({ code: 'custom', path: ['installments', 'minInstallment', 'amountMinor'], message: 'policy.min_installment_not_positive' });
      }
    }
    if (!p.payInFull && !p.settlement && !p.installments && !p.partialPayment) {
      ctx.addIssue({ code: 'custom', path: [], message: 'policy.no_arrangement_allowed' });
    }
  });

export type NegotiationPolicyInput = z.input<typeof NegotiationPolicySchema>;
export type NegotiationPolicy = z.output<typeof NegotiationPolicySchema>;

export type PolicyParseResult =
  | { ok: true; policy: NegotiationPolicy }
  | { ok: false; issues: Array<{ path: string; message: string }> };

/** Validates a policy document (e.g. `PolicyRecord.body`); issues carry a dotted path and a reason. */
export function parsePolicy(body: unknown): PolicyParseResult {
  const r = NegotiationPolicySchema.safeParse(body);
  if (r.success) return { ok: true, policy: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })) };
}

/** JSON Schema of a policy document, for editors; cross-field rules (currencies, defaults ≤ max) only in `parsePolicy`. */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(NegotiationPolicySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
