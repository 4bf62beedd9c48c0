/** Adapters from the domain's records to the check's inputs. */
import type { Contact, Debtor, Phone } from '../domain/portfolio';
import type { CheckDebtor, ContactEvent } from './check';

/** Domain contacts → contact events (a conversation implies it connected). */
export function contactEventsFromContacts(contacts: readonly Contact[]): ContactEvent[] {
  return contacts.map((c) => ({
    at: c.startedAt,
    channel: c.channel,
    accountId: c.accountId,
    direction: c.direction,
    conversation: c.conversation,
  }));
}

/** Domain debtor + phones → the check's debtor (do-not-call numbers from phone status). */
export function checkDebtorFrom(debtor: Debtor, phones: readonly Phone[]): CheckDebtor {
  const mine = phones.filter((p) => p.debtorId === debtor.id);
  return {
    id: debtor.id,
    country: debtor.country,
    region: debtor.region,
    timeZone: debtor.timeZone,
    phones: mine.map((p) => p.e164),
    flags: debtor.flags,
    doNotCallNumbers: mine.filter((p) => p.status === 'do_not_call').map((p) => p.e164),
  };
}
