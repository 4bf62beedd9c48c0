import type { Db } from '../store/open';
import { phoneQuery } from './phone-query';

/**
 * Debtor ids for a phone number, however it was typed or delivered as caller ID. Index-only lookups on
 * phones(e164) and phones(national_digits): the screen-pop path.
 */
export function createPhoneLookup(db: Db) {
  const byE164 = db.prepare('SELECT DISTINCT debtor_id FROM phones WHERE e164 = ?').pluck();
  const byNational = db.prepare('SELECT DISTINCT debtor_id FROM phones WHERE national_digits = ?').pluck();
  return function lookup(input: string): string[] {
    const q = phoneQuery(input);
    if (!q) return [];
    const ids = new Set<string>();
    for (const e of q.e164) for (const id of byE164.all(e) as string[]) ids.add(id);
    for (const n of q.national) for (const id of byNational.all(n) as string[]) ids.add(id);
    return [...ids];
  };
}
