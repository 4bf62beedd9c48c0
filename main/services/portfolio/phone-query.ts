import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * What to look a typed or caller-ID number up by. Agents and PBXs write numbers every way: "+57 311-904-9511",
 * "311 904 9511", "0057 3119049511", "(311) 904 9511", "573119049511". An international form becomes one E.164;
 * bare digits are matched against national significant numbers, with trunk prefixes (0, 01, 044…) stripped, and
 * also tried as E.164 in case the country code was typed without '+'.
 */
export interface PhoneQuery {
  e164: string[];
  national: string[];
}

export function phoneQuery(input: string, defaultCountry?: CountryCode): PhoneQuery | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return null;
  const e164 = new Set<string>();
  const national = new Set<string>();
  const intl = trimmed.startsWith('+') ? trimmed : digits.startsWith('00') ? `+${digits.slice(2)}` : null;
  if (intl) {
    const p = parsePhoneNumberFromString(intl);
    if (p) {
      e164.add(p.number);
      const twin = argentinaTwin(p.number);
      if (twin) e164.add(twin);
      return { e164: [...e164], national: [] };
    }
  }
  national.add(digits);
  // Trunk / carrier prefixes the agent may have kept: 0 (PE, AR, CL landline), 01/044/045 (MX legacy), 1 (US).
  for (const prefix of ['044', '045', '01', '0', '1']) {
    if (digits.startsWith(prefix) && digits.length - prefix.length >= 6) national.add(digits.slice(prefix.length));
  }
  // Argentina writes mobiles without their 9 ("11 2345-6789" is national 9 11 2345 6789): an 11-digit national
  // number starting with 9 exists only there, so the twin cannot match another country's number.
  for (const n of [...national]) if (n.length === 10) national.add(`9${n}`);
  e164.add(`+${digits}`);
  const twin = argentinaTwin(`+${digits}`);
  if (twin) e164.add(twin);
  if (defaultCountry) {
    const p = parsePhoneNumberFromString(digits, defaultCountry);
    if (p?.isPossible()) e164.add(p.number);
  }
  return { e164: [...e164], national: [...national] };
}

/** +54 9 XX… and +54 XX… are the same Argentine mobile line. */
export function argentinaTwin(e164: string): string | null {
  if (!e164.startsWith('+54')) return null;
  const rest = e164.slice(3);
  return rest.startsWith('9') ? `+54${rest.slice(1)}` : `+549${rest}`;
}
