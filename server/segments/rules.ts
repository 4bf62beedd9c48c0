/**
 * Segmentation rules the admin writes, one document per creditor (versioned in `segment_rule_sets`): an ordered
 * list of rules, each a segment name and conditions over what collectors segment by; an account takes the
 * segment of the first rule whose conditions all hold, else `fallback`. Validated with zod at the boundary.
 */
import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../../shared/money';

export const DPD_BUCKETS = ['1-30', '31-60', '61-90', '90+'] as const;
export type DpdBucket = (typeof DPD_BUCKETS)[number];

export const SegmentName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'segment names are 1–32 lower-case letters, digits, "_" or "-"');

const Range = z
  .object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() })
  .strict()
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: 'min must not exceed max' })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: 'give min, max or both' });

const nonEmpty = <T extends z.ZodType>(t: T) => z.array(t).min(1).max(200);

export const SegmentConditions = z
  .object({
    /** Days-past-due buckets: 1–30, 31–60, 61–90, 90+ (an account current, 0 days, is in none). */
    dpdBuckets: nonEmpty(z.enum(DPD_BUCKETS)).optional(),
    /** Exact days-past-due range when the buckets are too coarse. */
    daysPastDue: Range.optional(),
    /** Amount owed, in minor units of `currency` (an account in another currency does not match). */
    balance: z
      .object({
        currency: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]),
        min: z.number().int().min(0).optional(),
        max: z.number().int().min(0).optional(),
      })
      .strict()
      .refine((r) => r.min !== undefined || r.max !== undefined, { message: 'give min, max or both' })
      .optional(),
    /** Payment history: occasional vs chronic late payer, first default (the debtor's profile). */
    paymentHistory: nonEmpty(z.enum(['occasional_late', 'chronic_late', 'first_default', 'unknown'])).optional(),
    products: nonEmpty(z.string().min(1).max(64)).optional(),
    /** Region codes as the file carries them ("ANT", "NY"); compared case-insensitively. */
    regions: nonEmpty(z.string().min(1).max(64)).optional(),
    countries: nonEmpty(z.string().regex(/^[A-Z]{2}$/)).optional(),
    /** Debtor profile: age in whole years at evaluation (debtors without a birth date do not match). */
    ageYears: Range.optional(),
    languages: nonEmpty(z.enum(['es', 'en'])).optional(),
  })
  .strict();
export type SegmentConditions = z.infer<typeof SegmentConditions>;

export const SegmentRule = z
  .object({
    segment: SegmentName,
    /** What the admin calls the rule in the editor. */
    label: z.string().max(120).optional(),
    when: SegmentConditions,
  })
  .strict();

export const SegmentRuleSet = z
  .object({
    rules: z.array(SegmentRule).max(200),
    fallback: SegmentName.default('general'),
  })
  .strict();
export type SegmentRuleSet = z.infer<typeof SegmentRuleSet>;
export type SegmentRuleSetInput = z.input<typeof SegmentRuleSet>;

/** What a rule looks at, for one account. */
export interface SegmentInput {
  daysPastDue: number;
  balanceMinor: number;
  currency: string;
  profile: string;
  product: string;
  region: string | null;
  country: string;
  birthDate: string | null;
  language: string;
}

export const DEFAULT_RULE_SET: SegmentRuleSet = { rules: [], fallback: 'general' };
