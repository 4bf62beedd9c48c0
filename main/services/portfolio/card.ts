import type { Db } from '../store/open';
import type { DebtorCard } from '../../../shared/api/methods/portfolio';
import {
  toAccount, toCallback, toContact, toDebtor, toNote, toPayment, toPhone, toPromise,
  type AccountRow, type CallbackRow, type ContactRow, type DebtorRow, type NoteRow, type PaymentRow, type PhoneRow,
  type PromiseRow,
} from './rows';
import { createStaffStore } from './staff';
import { phoneInternational } from '../../../shared/phones/display';

/** The screen-pop card: everything about one debtor, newest first, from the local store only. */
export function createCardQuery(db: Db) {
  const q = {
    debtor: db.prepare('SELECT * FROM debtors WHERE id = ?'),
    accounts: db.prepare('SELECT * FROM accounts WHERE debtor_id = ? ORDER BY days_past_due DESC, id'),
    phones: db.prepare('SELECT * FROM phones WHERE debtor_id = ? ORDER BY valid DESC, id'),
    payments: db.prepare(`SELECT p.* FROM payments p JOIN accounts a ON a.id = p.account_id
      WHERE a.debtor_id = ? ORDER BY p.posted_at DESC, p.id`),
    contacts: db.prepare('SELECT * FROM contacts WHERE debtor_id = ? ORDER BY started_at DESC, id'),
    promises: db.prepare('SELECT * FROM promises WHERE debtor_id = ? ORDER BY due_date DESC, id'),
    callbacks: db.prepare('SELECT * FROM callbacks WHERE debtor_id = ? ORDER BY due_at DESC, id'),
    notes: db.prepare('SELECT * FROM notes WHERE debtor_id = ? ORDER BY created_at DESC, id'),
  };
  const staff = createStaffStore(db);
  return function card(debtorId: string): DebtorCard | null {
    const d = q.debtor.get(debtorId) as DebtorRow | undefined;
    if (!d) return null;
    const contacts = (q.contacts.all(debtorId) as ContactRow[]).map(toContact);
    const promises = (q.promises.all(debtorId) as PromiseRow[]).map(toPromise);
    const callbacks = (q.callbacks.all(debtorId) as CallbackRow[]).map(toCallback);
    const notes = (q.notes.all(debtorId) as NoteRow[]).map(toNote);
    const phones = (q.phones.all(debtorId) as PhoneRow[]).map(toPhone);
    const phoneDisplay: Record<string, string> = {};
    for (const p of phones) phoneDisplay[p.e164] = phoneInternational(p.e164);
    return {
      debtor: toDebtor(d),
      accounts: (q.accounts.all(debtorId) as AccountRow[]).map(toAccount),
      phones,
      payments: (q.payments.all(debtorId) as PaymentRow[]).map(toPayment),
      contacts,
      promises,
      callbacks,
      notes,
      // Names for the ids the rows carry, in the same call: one round trip for the screen-pop.
      staff: staff.named([contacts, promises, callbacks, notes].flatMap((rows) => rows.map((r) => r.agentId))),
      phoneDisplay,
    };
  };
}
