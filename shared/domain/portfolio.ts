import { z } from 'zod';
import { AmountMinor, CountryCode, CurrencyCode, E164, Id, IsoDate, IsoDateTime, Language, TimeZone } from './codes';

/** Flags that stop or restrict contact (see shared/compliance). */
export const StopFlag = z.enum([
  'cease_communication',
  'dispute_pending',
  'attorney_represented',
  'do_not_call',
  'deceased',
  'bankruptcy',
]);
export type StopFlag = z.infer<typeof StopFlag>;

export const Creditor = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  country: CountryCode,
});
export type Creditor = z.infer<typeof Creditor>;

export const Debtor = z.object({
  id: Id,
  creditorId: Id,
  fullName: z.string().min(1).max(200),
  documentType: z.string().min(1).max(16),
  documentId: z.string().min(1).max(32),
  birthDate: IsoDate.nullable(),
  country: CountryCode,
  /** State / department / region code as the country's post uses it (e.g. "NY", "ANT", "RM"). */
  region: z.string().max(64).nullable(),
  city: z.string().max(100).nullable(),
  timeZone: TimeZone,
  language: Language,
  flags: z.array(StopFlag),
  /** Debtor profile for segmentation: how they have paid over time. */
  profile: z.enum(['occasional_late', 'chronic_late', 'first_default', 'unknown']),
  updatedAt: IsoDateTime,
});
export type Debtor = z.infer<typeof Debtor>;

export const AccountStatus = z.enum(['active', 'settled', 'closed']);

export const Account = z.object({
  id: Id,
  debtorId: Id,
  creditorId: Id,
  /** The creditor's own account number: the key re-imports upsert on. */
  accountNumber: z.string().min(1).max(64),
  product: z.string().min(1).max(64),
  currency: CurrencyCode,
  balanceMinor: AmountMinor,
  principalMinor: AmountMinor,
  daysPastDue: z.number().int().min(0),
  dueSince: IsoDate,
  lastPaymentAt: IsoDate.nullable(),
  segment: z.string().min(1).max(32),
  assignedAgentId: Id.nullable(),
  status: AccountStatus,
  updatedAt: IsoDateTime,
});
export type Account = z.infer<typeof Account>;

export const PhoneStatus = z.enum(['ok', 'wrong_number', 'not_debtor', 'do_not_call']);
export const Phone = z.object({
  id: Id,
  debtorId: Id,
  e164: E164,
  type: z.enum(['mobile', 'landline', 'voip', 'other']),
  valid: z.boolean(),
  status: PhoneStatus,
  updatedAt: IsoDateTime,
});
export type Phone = z.infer<typeof Phone>;

export const Payment = z.object({
  id: Id,
  accountId: Id,
  amountMinor: AmountMinor,
  currency: CurrencyCode,
  postedAt: IsoDate,
  method: z.string().max(32),
});
export type Payment = z.infer<typeof Payment>;

export const ContactChannel = z.enum(['call', 'sms', 'email', 'whatsapp', 'visit']);
export const Contact = z.object({
  id: Id,
  debtorId: Id,
  accountId: Id.nullable(),
  agentId: Id,
  channel: ContactChannel,
  direction: z.enum(['outbound', 'inbound']),
  phoneE164: E164.nullable(),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  /** Disposition code (shared/negotiation/dispositions). */
  outcome: z.string().min(1).max(32),
  /** Reason for non-payment code, when learned. */
  reason: z.string().max(32).nullable(),
  notes: z.string().max(4000),
  /** Estimated MOS of the call (1–4.5), when it was a call. */
  mos: z.number().min(1).max(5).nullable(),
  /** Whether a right-party conversation happened: Reg F's 7-day rule counts from it. */
  conversation: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const PromiseStatus = z.enum(['pending', 'kept', 'partial', 'broken', 'cancelled']);
export const PromiseToPay = z.object({
  id: Id,
  accountId: Id,
  debtorId: Id,
  agentId: Id,
  amountMinor: AmountMinor,
  currency: CurrencyCode,
  dueDate: IsoDate,
  method: z.string().max(32),
  installments: z.number().int().min(1).max(120),
  status: PromiseStatus,
  createdAt: IsoDateTime,
});
export type PromiseToPay = z.infer<typeof PromiseToPay>;

export const Callback = z.object({
  id: Id,
  debtorId: Id,
  accountId: Id.nullable(),
  agentId: Id,
  dueAt: IsoDateTime,
  timeZone: TimeZone,
  note: z.string().max(1000),
  status: z.enum(['pending', 'done', 'cancelled']),
});
export type Callback = z.infer<typeof Callback>;

export const Note = z.object({
  id: Id,
  debtorId: Id,
  agentId: Id,
  text: z.string().min(1).max(4000),
  createdAt: IsoDateTime,
});
export type Note = z.infer<typeof Note>;

/**
 * A creditor's negotiation policy for one segment. `body` is the negotiation module's policy document
 * (shared/negotiation/policy), versioned so a promise records which version it was made under.
 */
export const PolicyRecord = z.object({
  id: Id,
  creditorId: Id,
  segment: z.string().min(1).max(32),
  version: z.number().int().min(1),
  body: z.unknown(),
});
export type PolicyRecord = z.infer<typeof PolicyRecord>;

/** What one agent's desk holds: the slice of the portfolio assigned to them. */
export const PortfolioSlice = z.object({
  creditors: z.array(Creditor),
  debtors: z.array(Debtor),
  accounts: z.array(Account),
  phones: z.array(Phone),
  payments: z.array(Payment),
  contacts: z.array(Contact),
  promises: z.array(PromiseToPay),
  callbacks: z.array(Callback),
  policies: z.array(PolicyRecord),
});
export type PortfolioSlice = z.infer<typeof PortfolioSlice>;
