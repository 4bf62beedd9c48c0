/** SQLite rows ↔ domain objects (shared/domain/portfolio). One place, so columns and fields cannot drift. */
import type {
  Account, Callback, Contact, Debtor, Note, Payment, Phone, PromiseToPay,
} from '../../../shared/domain/portfolio';

export interface DebtorRow {
  num: number; id: string; creditor_id: string; full_name: string; document_type: string; document_id: string;
  birth_date: string | null; country: string; region: string | null; city: string | null; time_zone: string;
  language: string; flags: string; profile: string; updated_at: string;
}
export const toDebtor = (r: DebtorRow): Debtor => ({
  id: r.id, creditorId: r.creditor_id, fullName: r.full_name, documentType: r.document_type,
  documentId: r.document_id, birthDate: r.birth_date, country: r.country as Debtor['country'], region: r.region,
  city: r.city, timeZone: r.time_zone, language: r.language as Debtor['language'],
  flags: JSON.parse(r.flags) as Debtor['flags'], profile: r.profile as Debtor['profile'], updatedAt: r.updated_at,
});

export interface AccountRow {
  id: string; debtor_id: string; creditor_id: string; account_number: string; product: string; currency: string;
  balance_minor: number; principal_minor: number; days_past_due: number; due_since: string;
  last_payment_at: string | null; segment: string; assigned_agent_id: string | null; status: string; updated_at: string;
}
export const toAccount = (r: AccountRow): Account => ({
  id: r.id, debtorId: r.debtor_id, creditorId: r.creditor_id, accountNumber: r.account_number, product: r.product,
  currency: r.currency as Account['currency'], balanceMinor: r.balance_minor, principalMinor: r.principal_minor,
  daysPastDue: r.days_past_due, dueSince: r.due_since, lastPaymentAt: r.last_payment_at, segment: r.segment,
  assignedAgentId: r.assigned_agent_id, status: r.status as Account['status'], updatedAt: r.updated_at,
});

export interface PhoneRow {
  id: string; debtor_id: string; e164: string; type: string; valid: number; status: string; updated_at: string;
}
export const toPhone = (r: PhoneRow): Phone => ({
  id: r.id, debtorId: r.debtor_id, e164: r.e164, type: r.type as Phone['type'], valid: r.valid === 1,
  status: r.status as Phone['status'], updatedAt: r.updated_at,
});

export interface PaymentRow {
  id: string; account_id: string; amount_minor: number; currency: string; posted_at: string; method: string;
}
export const toPayment = (r: PaymentRow): Payment => ({
  id: r.id, accountId: r.account_id, amountMinor: r.amount_minor, currency: r.currency as Payment['currency'],
  postedAt: r.posted_at, method: r.method,
});

export interface ContactRow {
  id: string; debtor_id: string; account_id: string | null; agent_id: string; channel: string; direction: string;
  phone_e164: string | null; started_at: string; ended_at: string | null; outcome: string; reason: string | null;
  notes: string; mos: number | null; conversation: number;
}
export const toContact = (r: ContactRow): Contact => ({
  id: r.id, debtorId: r.debtor_id, accountId: r.account_id, agentId: r.agent_id,
  channel: r.channel as Contact['channel'], direction: r.direction as Contact['direction'], phoneE164: r.phone_e164,
  startedAt: r.started_at, endedAt: r.ended_at, outcome: r.outcome, reason: r.reason, notes: r.notes, mos: r.mos,
  conversation: r.conversation === 1,
});

export interface PromiseRow {
  id: string; account_id: string; debtor_id: string; agent_id: string; amount_minor: number; currency: string;
  due_date: string; method: string; installments: number; status: string; created_at: string;
}
export const toPromise = (r: PromiseRow): PromiseToPay => ({
  id: r.id, accountId: r.account_id, debtorId: r.debtor_id, agentId: r.agent_id, amountMinor: r.amount_minor,
  currency: r.currency as PromiseToPay['currency'], dueDate: r.due_date, method: r.method,
  installments: r.installments, status: r.status as PromiseToPay['status'], createdAt: r.created_at,
});

export interface CallbackRow {
  id: string; debtor_id: string; account_id: string | null; agent_id: string; due_at: string; time_zone: string;
  note: string; status: string;
}
export const toCallback = (r: CallbackRow): Callback => ({
  id: r.id, debtorId: r.debtor_id, accountId: r.account_id, agentId: r.agent_id, dueAt: r.due_at,
  timeZone: r.time_zone, note: r.note, status: r.status as Callback['status'],
});

export interface NoteRow { id: string; debtor_id: string; agent_id: string; text: string; created_at: string }
export const toNote = (r: NoteRow): Note => ({
  id: r.id, debtorId: r.debtor_id, agentId: r.agent_id, text: r.text, createdAt: r.created_at,
});
