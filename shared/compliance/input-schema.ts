/**
 * zod schemas for a check request crossing a process boundary (renderer → main, queue worker): the same shapes
 * as CheckDebtor / CheckAccount / ContactAttempt / ContactEvent. The check itself only does cheap guards.
 */
import { z } from 'zod';
import { Channel, ComplianceFlag } from './rules-schema';

const Instant = z.iso.datetime({ offset: true });
const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164 phone number');
const Hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');

export const FlagInputSchema = z.union([
  ComplianceFlag,
  z.object({ flag: ComplianceFlag, effectiveAt: Instant.optional(), receivedAt: Instant.optional() }).strict(),
]);

export const CheckDebtorSchema = z
  .object({
    id: z.string().min(1).max(64),
    country: z.string().regex(/^[A-Z]{2}$/),
    region: z.string().max(64).nullable().optional(),
    timeZone: z.string().max(64).nullable().optional(),
    phones: z.array(E164).max(50).optional(),
    flags: z.array(FlagInputSchema).max(20),
    doNotCallNumbers: z.array(E164).max(50).optional(),
    refusedChannels: z.array(Channel).optional(),
    authorizedChannels: z.array(Channel).nullable().optional(),
    inconvenientTimes: z
      .array(z.object({ weekday: z.number().int().min(1).max(7).optional(), from: Hhmm, to: Hhmm }).strict())
      .max(20)
      .optional(),
  })
  .strict();

export const CheckAccountSchema = z.object({ id: z.string().min(1).max(64), creditorId: z.string().max(64).nullable().optional() }).strict();

export const ContactEventSchema = z
  .object({
    at: Instant,
    channel: Channel,
    accountId: z.string().max(64).nullable(),
    direction: z.enum(['outbound', 'inbound']).optional(),
    connected: z.boolean().optional(),
    conversation: z.boolean().optional(),
    priorConsent: z.boolean().optional(),
  })
  .strict();

export const OverrideRequestSchema = z
  .object({ by: z.string().min(1).max(64), role: z.string().max(16), reason: z.string().trim().min(5).max(500) })
  .strict();

export const ContactAttemptSchema = z
  .object({ channel: Channel, at: Instant, phoneE164: E164.nullable().optional(), override: OverrideRequestSchema.optional() })
  .strict();

export const CheckRequestSchema = z
  .object({
    debtor: CheckDebtorSchema,
    account: CheckAccountSchema,
    attempt: ContactAttemptSchema,
    history: z.array(ContactEventSchema).max(5000),
    now: Instant.optional(),
  })
  .strict();
export type CheckRequest = z.infer<typeof CheckRequestSchema>;
