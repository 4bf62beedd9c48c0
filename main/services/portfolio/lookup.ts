import type { Db } from '../store/open';
import { argentinaTwin, phoneQuery } from './phone-query';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Debtor ids for a phone number, however it was typed or delivered as caller ID. Index-only lookups on
 * phones(e164) and phones(national_digits): the screen-pop path.
 */
export function createPhoneLookup(db: Db) {
  const byE164 = db.prepare('SELECT DISTINCT debtor_id FROM phones WHERE e164 = ?').pluck();
  const byNational = db.prepare('SELECT DISTINCT debtor_id FROM phones WHERE national_digits = ?').pluck();
  return function lookup(input: string): string[] {
    // Caller ID usually arrives as E.164 already: a stored number (E.164 as libphonenumber-js wrote it at import)
    // equal to it is that number, so the parse (~0.5 ms, the screen-pop's costliest step) is skipped on a hit.
    if (E164.test(input)) {
      const ids = new Set(byE164.all(input) as string[]);
      const twin = argentinaTwin(input);
      if (twin) for (const id of byE164.all(twin) as string[]) ids.add(id);
      if (ids.size > 0) return [...ids];
    }
    const q = phoneQuery(input);
    if (!q) return [];
    const ids = new Set<string>();
    for (const e of q.e164) for (const id of byE164.all(e) as string[]) ids.add(id);
    for (const n of q.national) for (const id of byNational.all(n) as string[]) ids.add(id);
    return [...ids];
  };
}
