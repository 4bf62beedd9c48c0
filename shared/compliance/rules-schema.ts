/**
 * Compliance rules as data. A jurisdiction's rule set is a list of independent constraints; stacking rule sets
 * (federal + state + creditor) is concatenation, so the strictest always wins: an attempt must satisfy every
 * constraint of every set that applies. All schemas are zod so settings files and creditor overrides coming
 * from the server are validated at the boundary.
 */
import { z } from 'zod';

export const CHANNELS = ['call', 'sms', 'email', 'whatsapp', 'visit'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Flags that stop contact. The first six are the domain's StopFlag; `lawsuit_served` is Chile's art. 37 stop. */
export const STOP_FLAGS = [
  'cease_communication',
  'dispute_pending',
  'attorney_represented',
  'do_not_call',
  'deceased',
  'bankruptcy',
  'lawsuit_served',
] as const;
export const ComplianceFlag = z.enum(STOP_FLAGS);
export type ComplianceFlag = z.infer<typeof ComplianceFlag>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const Hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
export const TimeWindow = z
  .object({ from: Hhmm, to: Hhmm })
  .strict()
  .refine((w) => w.from < w.to, { message: 'window must end after it starts', path: ['to'] });
export type TimeWindow = z.infer<typeof TimeWindow>;

/** Allowed windows per weekday, in the debtor's local time; [from, to) — a contact at `to` itself is outside. */
export const WeekWindows = z
  .object({
    mon: z.array(TimeWindow),
    tue: z.array(TimeWindow),
    wed: z.array(TimeWindow),
    thu: z.array(TimeWindow),
    fri: z.array(TimeWindow),
    sat: z.array(TimeWindow),
    sun: z.array(TimeWindow),
  })
  .strict();
export type WeekWindows = z.infer<typeof WeekWindows>;

const RuleId = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'rule id');
const Source = z.string().max(300);
const Channels = z.array(Channel).min(1);

export const HoursRule = z
  .object({ id: RuleId, channels: Channels, week: WeekWindows, source: Source })
  .strict();
export type HoursRule = z.infer<typeof HoursRule>;

export const HolidayRule = z.object({ id: RuleId, channels: Channels, source: Source }).strict();
export type HolidayRule = z.infer<typeof HolidayRule>;

/**
 * What past events a rule counts: every placed attempt, attempts that connected (answered, voicemail), or only
 * right-party conversations. Strictest first: a creditor may move towards 'attempts', never away.
 */
export const CountOnly = z.enum(['attempts', 'connected', 'conversations']);
export type CountOnly = z.infer<typeof CountOnly>;
/** Per debt (account) — Reg F — or per debtor across all their accounts. */
export const Scope = z.enum(['debt', 'debtor']);

/**
 * At most `max` events on `counts` channels (the new attempt included) in any `windowDays` consecutive local
 * calendar days, when the attempt is on one of `channels`.
 */
export const CapRule = z
  .object({
    id: RuleId,
    channels: Channels,
    counts: Channels,
    scope: Scope,
    windowDays: z.number().int().min(1).max(366),
    max: z.number().int().min(0).max(1000),
    countOnly: CountOnly,
    /** Reg F 1006.14(b)(3): calls made with the consumer's direct prior consent don't count. */
    excludePriorConsent: z.boolean(),
    source: Source,
  })
  .strict();
export type CapRule = z.infer<typeof CapRule>;

/** At most `max` different channels used in any `windowDays` consecutive days (Colombia: 1 channel a week). */
export const DistinctChannelsRule = z
  .object({
    id: RuleId,
    channels: Channels,
    scope: Scope,
    windowDays: z.number().int().min(1).max(366),
    max: z.number().int().min(1).max(10),
    countOnly: CountOnly,
    source: Source,
  })
  .strict();
export type DistinctChannelsRule = z.infer<typeof DistinctChannelsRule>;

/** No contact on `channels` for `days` local days after a conversation, the conversation's day being day 1. */
export const AfterConversationRule = z
  .object({
    id: RuleId,
    channels: Channels,
    conversationChannels: Channels,
    scope: Scope,
    days: z.number().int().min(1).max(366),
    source: Source,
  })
  .strict();
export type AfterConversationRule = z.infer<typeof AfterConversationRule>;

/** Two events on `channels` must be at least `minDays` local calendar days apart (Chile: 2 days for SMS/email). */
export const MinGapRule = z
  .object({
    id: RuleId,
    channels: Channels,
    scope: Scope,
    minDays: z.number().int().min(1).max(366),
    countOnly: CountOnly,
    source: Source,
  })
  .strict();
export type MinGapRule = z.infer<typeof MinGapRule>;

export const FlagRule = z
  .object({ flag: ComplianceFlag, channels: Channels, overridable: z.boolean(), source: Source })
  .strict();
export type FlagRule = z.infer<typeof FlagRule>;

/** A statement the agent must make; ids are what the negotiation scripts reference. */
export const DisclosureRule = z
  .object({
    id: RuleId,
    when: z.enum(['first_communication', 'subsequent_communication', 'every_communication']),
    channels: Channels,
    source: Source,
  })
  .strict();
export type DisclosureRule = z.infer<typeof DisclosureRule>;

export const RuleSet = z
  .object({
    id: RuleId,
    /** ISO alpha-2; the holidays of this country (and region) apply. */
    country: z.string().regex(/^[A-Z]{2}$/),
    /** A sub-national set (a US state, CABA) applies on top of its country's. */
    region: z.string().min(1).max(8).optional(),
    title: z.string().max(200),
    hours: z.array(HoursRule),
    holidays: z.array(HolidayRule),
    caps: z.array(CapRule),
    distinctChannels: z.array(DistinctChannelsRule),
    afterConversation: z.array(AfterConversationRule),
    minGap: z.array(MinGapRule),
    flags: z.array(FlagRule),
    disclosures: z.array(DisclosureRule),
    /** Colombia art. 2: only channels the debtor authorized (enforced when the debtor record lists them). */
    requireAuthorizedChannels: z.boolean(),
  })
  .strict();
export type RuleSet = z.infer<typeof RuleSet>;

/**
 * A creditor's tightening: rules with an existing id replace it (and must be at least as strict), new ids add
 * constraints. Nothing can be removed.
 */
export const CreditorOverrides = z
  .object({
    hours: z.array(HoursRule).optional(),
    holidays: z.array(HolidayRule).optional(),
    caps: z.array(CapRule).optional(),
    distinctChannels: z.array(DistinctChannelsRule).optional(),
    afterConversation: z.array(AfterConversationRule).optional(),
    minGap: z.array(MinGapRule).optional(),
    flags: z.array(FlagRule).optional(),
    disclosures: z.array(DisclosureRule).optional(),
    requireAuthorizedChannels: z.boolean().optional(),
  })
  .strict();
export type CreditorOverrides = z.infer<typeof CreditorOverrides>;

export function hhmmToMinutes(s: string): number {
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}

export function minutesToHhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export const ALL_CHANNELS: Channel[] = [...CHANNELS];

export function sameWeek(w: TimeWindow[]): WeekWindows {
  return { mon: w, tue: w, wed: w, thu: w, fri: w, sat: w, sun: w };
}
