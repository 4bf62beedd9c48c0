import { z } from 'zod';

/**
 * Call scripts as versioned data. One script per creditor, segment and jurisdiction (and language): a graph of
 * steps from `start` to `end` steps, following the collection process (contact → verification → circumstances
 * → options → arrangement → closing). Format reference: docs/scripts.md. Objects are strict: an unknown field
 * is an error, so a typo never silently drops a disclosure.
 */

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'script.bad_id' });
const Text = z.string().min(1).max(2000);

export const PhaseSchema = z.enum(['contact', 'verification', 'disclosure', 'circumstances', 'options', 'arrangement', 'closing']);
export type Phase = z.infer<typeof PhaseSchema>;

/** What the agent reads before anything else about the debt; `revealsDebt` ones never on an unverified path. */
export const DisclosureSchema = z
  .object({
    /** Jurisdiction-prefixed id: us_mini_miranda, us_debt_collector, co_identificacion… */
    id: z.string().regex(/^[a-z]{2}_[a-z0-9_]+$/, { message: 'script.bad_disclosure_id' }),
    title: Text,
    text: Text,
    /** Says or implies that there is a debt: only after right-party verification. */
    revealsDebt: z.boolean(),
    /** Must be read and ticked before offers or a promise. */
    mandatory: z.boolean(),
  })
  .strict();
export type Disclosure = z.infer<typeof DisclosureSchema>;

export const AnswerSchema = z
  .object({
    id: Id,
    label: Text,
    next: Id,
    /** Keyboard key shown on the button (1–9). */
    key: z.string().regex(/^[1-9]$/).optional(),
  })
  .strict();
export type Answer = z.infer<typeof AnswerSchema>;

export const VerificationFieldSchema = z.enum(['document_number', 'document_last4', 'birth_date', 'birth_year', 'postal_code']);
export type VerificationField = z.infer<typeof VerificationFieldSchema>;

const base = {
  id: Id,
  phase: PhaseSchema,
  title: Text,
  /** Suggested wording, with placeholders like {debtor.firstName}: assertive, never accusatory. */
  say: Text.optional(),
  /** Hint for the agent, not read aloud. */
  hint: Text.optional(),
};

export const StepSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('say'), next: Id }).strict(),
  z.object({ ...base, type: z.literal('question'), answers: z.array(AnswerSchema).min(1).max(9) }).strict(),
  z
    .object({
      ...base,
      type: z.literal('verification'),
      checks: z
        .array(z.object({ field: VerificationFieldSchema, prompt: Text }).strict())
        .min(1)
        .max(4),
      /** How many checks must match: all (default) or at least n. */
      require: z.union([z.literal('all'), z.number().int().min(1).max(4)]).default('all'),
      maxAttempts: z.number().int().min(1).max(3).default(2),
      onPass: Id,
      onFail: Id,
    })
    .strict(),
  z.object({ ...base, type: z.literal('disclosure'), disclosures: z.array(z.string()).min(1), next: Id }).strict(),
  z
    .object({
      ...base,
      type: z.literal('reason'),
      /** 'ask': the agent asks why; 'listen': records a reason only if the debtor volunteers it (Colombia). */
      mode: z.enum(['ask', 'listen']),
      next: Id,
    })
    .strict(),
  z.object({ ...base, type: z.literal('offers'), answers: z.array(AnswerSchema).min(1).max(9) }).strict(),
  z.object({ ...base, type: z.literal('promise'), next: Id }).strict(),
  z.object({ ...base, type: z.literal('callback'), next: Id }).strict(),
  z
    .object({
      ...base,
      type: z.literal('end'),
      /** Dispositions the wrap-up suggests (shared/negotiation/dispositions). */
      outcomes: z.array(z.string()).min(1),
    })
    .strict(),
  z
    .object({
      ...base,
      /** Entering this step means the person on the line is not the debtor: nothing about the debt is speakable. */
      type: z.literal('third_party'),
      answers: z.array(AnswerSchema).min(1).max(9),
    })
    .strict(),
]);
export type Step = z.infer<typeof StepSchema>;
export type StepType = Step['type'];

export const ObjectionSchema = z
  .object({
    id: Id,
    /** What the debtor says ("No tengo dinero"). */
    trigger: Text,
    /** Suggested answer. */
    response: Text,
    /** Optional step to jump to after answering the objection. */
    goTo: Id.optional(),
  })
  .strict();
export type Objection = z.infer<typeof ObjectionSchema>;

export const ScriptSchema = z
  .object({
    id: Id,
    version: z.number().int().min(1),
    creditorId: z.string().min(1).max(64),
    /** A segment code, or "*" for every segment of the creditor. */
    segment: z.string().min(1).max(32),
    /** ISO country, optionally with a region: "CO", "US", "US-NY". */
    jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'script.bad_jurisdiction' }),
    language: z.enum(['es', 'en']),
    title: Text,
    start: Id,
    disclosures: z.array(DisclosureSchema).default([]),
    steps: z.array(StepSchema).min(1).max(200),
    objections: z.array(ObjectionSchema).default([]),
  })
  .strict();
export type Script = z.output<typeof ScriptSchema>;
export type ScriptInput = z.input<typeof ScriptSchema>;

/**
 * Placeholders the wording may use. `sensitive` ones tell something about the debt (or who the creditor is) and
 * are refused on any step reachable without passing right-party verification.
 */
export const PLACEHOLDERS = {
  'agent.name': { sensitive: false },
  'company.name': { sensitive: false },
  'company.phone': { sensitive: false },
  'debtor.firstName': { sensitive: false },
  'debtor.fullName': { sensitive: false },
  'creditor.name': { sensitive: true },
  'account.product': { sensitive: true },
  'account.numberLast4': { sensitive: true },
  'account.balance': { sensitive: true },
  'account.daysPastDue': { sensitive: true },
  'account.dueSince': { sensitive: true },
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export const PLACEHOLDER_PATTERN = /\{([a-zA-Z0-9_.]+)\}/g;

/**
 * JSON Schema (draft 2020-12) of the file format, for editors (VS Code `$schema`, a future admin editor). The
 * graph rules (branches, reachability, verification) are only in `parseScript`.
 */
export function scriptJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScriptSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
