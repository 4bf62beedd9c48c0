import { z } from 'zod';
import { method } from '../define';
import { Id, IsoDateTime } from '../../domain/codes';
import {
  Account, Callback, Contact, Debtor, Note, Payment, Phone, PromiseToPay,
} from '../../domain/portfolio';
import { StaffMember } from '../../domain/users';

/** Why a queue row is where it is, as an i18n key + params the renderer words. */
export const QueueReason = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const QueueItem = z.object({
  accountId: Id,
  debtorId: Id,
  debtorName: z.string(),
  accountNumber: z.string(),
  product: z.string(),
  currency: z.string(),
  balanceMinor: z.number().int(),
  daysPastDue: z.number().int(),
  segment: z.string(),
  timeZone: z.string(),
  priority: z.number(),
  reasons: z.array(QueueReason),
  /** Set when compliance forbids contact now: until when, and why. */
  deferredUntil: IsoDateTime.nullable(),
  deferReason: QueueReason.nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/**
 * The top of the queue as the desk shows it, with totals over the whole queue: the agent works the first rows
 * (search reaches the rest), yet "88 cuentas · 76 diferidas" must stay true beyond what was sent.
 */
export const QueuePage = z.object({
  items: z.array(QueueItem),
  totals: z.object({
    accounts: z.number().int().min(0),
    deferred: z.number().int().min(0),
    /** Accounts with a promise due today / a callback due or overdue (the "Hoy: …" line). */
    promisesToday: z.number().int().min(0),
    callbacksToday: z.number().int().min(0),
  }),
  /** Segments of the whole queue asked for (before the limit), sorted. */
  segments: z.array(z.string()),
});
export type QueuePage = z.infer<typeof QueuePage>;

export const DebtorCard = z.object({
  debtor: Debtor,
  accounts: z.array(Account),
  phones: z.array(Phone),
  payments: z.array(Payment),
  contacts: z.array(Contact),
  promises: z.array(PromiseToPay),
  callbacks: z.array(Callback),
  notes: z.array(Note),
  /**
   * Name and role of each user the card's contacts, promises, callbacks and notes name, as far as the desk's staff
   * directory knows them (an id missing here is shown as is). Optional: a card built before the directory exists.
   */
  staff: z.array(StaffMember).optional(),
  /**
   * Each of the card's phone numbers as people write it (E.164 → libphonenumber-js's international format,
   * `shared/phones/display`): written by the desk so the renderer paints a screen-pop without parsing numbers.
   * Optional: a renderer formats what is missing itself.
   */
  phoneDisplay: z.record(z.string(), z.string()).optional(),
});
export type DebtorCard = z.infer<typeof DebtorCard>;

export const DebtorHit = z.object({
  debtorId: Id,
  fullName: z.string(),
  documentId: z.string(),
  city: z.string().nullable(),
  accounts: z.number().int(),
  totalMinor: z.number().int(),
  currency: z.string(),
  /** Which field matched: name, document, account, phone. */
  matchedOn: z.enum(['name', 'document', 'account', 'phone']),
});
export type DebtorHit = z.infer<typeof DebtorHit>;

export const portfolioMethods = {
  /** Pulls the agent's slice from the server into the local store. */
  refresh: method(z.object({}).strict(), z.object({ accounts: z.number().int(), debtors: z.number().int(), at: IsoDateTime })),
  queue: method(
    z.object({ segment: z.string().max(32).optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    z.array(QueueItem),
  ),
  /** The first `limit` rows of the queue and totals over all of it. */
  queuePage: method(
    z.object({ segment: z.string().max(32).optional(), limit: z.number().int().min(1).max(10_000) }).strict(),
    QueuePage,
  ),
  card: method(z.object({ debtorId: Id }).strict(), DebtorCard),
  search: method(z.object({ query: z.string().trim().min(2).max(100) }).strict(), z.array(DebtorHit)),
  lookupByPhone: method(z.object({ phone: z.string().trim().min(3).max(32) }).strict(), z.array(DebtorHit)),
  /**
   * The screen-pop in one round trip: who has this number and, when exactly one debtor does, their card (a view,
   * audited as `card` is). A ringing call waits for one reply instead of two.
   */
  popByPhone: method(
    z.object({ phone: z.string().trim().min(3).max(32) }).strict(),
    z.object({ hits: z.array(DebtorHit), card: DebtorCard.nullable() }),
  ),
};
