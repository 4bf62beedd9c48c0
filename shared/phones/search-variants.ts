/**
 * "Find the debtor by any number the agent types": the agent types "300 123 4567", "0571 300…",
 * "+57 3001234567", "11 2345-6789" (an Argentine mobile written without its 9) or only the last digits.
 * Stored phones are E.164 (see normalizePhone), so search by the exact E.164 candidates first, then by the
 * typed digits as a suffix when the input is too short to be a whole number.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { normalizePhone } from './normalize-phone';

export interface PhoneSearchVariants {
  /** Whole-number candidates in E.164, most likely first, no duplicates. Match with `phone_e164 IN (...)`. */
  e164: string[];
  /**
   * The typed digits (no prefix, no punctuation) when there are at least 4 of them: match stored numbers
   * ending with them (`phone_e164 LIKE '%' || ?`). Empty when fewer than 4 digits were typed.
   */
  suffixDigits: string;
}

/** Countries we collect in; a number that is not valid at home is tried as one of theirs. */
export const SEARCH_COUNTRIES = ['CO', 'MX', 'PE', 'CL', 'AR', 'US'] as const;

function add(list: string[], e164: string | undefined): void {
  if (e164 && !list.includes(e164)) list.push(e164);
}

/** Argentina writes mobiles without the 9 (and with a 15 nationally); +54 9 XX… and +54 XX… are the same line. */
function argentinaTwin(e164: string): string | undefined {
  if (!e164.startsWith('+54')) return undefined;
  const rest = e164.slice(3);
  const twin = rest.startsWith('9') ? '+54' + rest.slice(1) : '+549' + rest;
  const p = parsePhoneNumberFromString(twin);
  return p?.isValid() ? p.number : undefined;
}

export function phoneSearchVariants(input: string, country: string): PhoneSearchVariants {
  const e164: string[] = [];
  const digits = input.replace(/\D/g, '');
  const home = normalizePhone(input, country);
  if (home.ok) {
    add(e164, home.e164);
    add(e164, argentinaTwin(home.e164));
  }
  // Typed with a country code but without '+': "573001234567", "12125550123".
  if (digits.length >= 8 && !input.trim().startsWith('+')) {
    const intl = normalizePhone('+' + digits, country);
    if (intl.ok) {
      add(e164, intl.e164);
      add(e164, argentinaTwin(intl.e164));
    }
  }
  // A foreign number typed in its national format (a US debtor dialled from a Colombian desk).
  if (!input.trim().startsWith('+')) {
    for (const other of SEARCH_COUNTRIES) {
      if (other === country.toUpperCase()) continue;
      const p = normalizePhone(input, other);
      if (p.ok && p.country === other) add(e164, p.e164);
    }
  }
  return { e164, suffixDigits: digits.length >= 4 ? digits : '' };
}

/** Whether a stored E.164 number matches what the agent typed (the same test the SQL search does). */
export function phoneMatchesSearch(storedE164: string, variants: PhoneSearchVariants): boolean {
  if (variants.e164.includes(storedE164)) return true;
  return variants.suffixDigits !== '' && storedE164.replace(/\D/g, '').endsWith(variants.suffixDigits);
}

/** Convenience for callers that hold the parsed number's country code as a type. */
export type PhoneCountry = CountryCode;
