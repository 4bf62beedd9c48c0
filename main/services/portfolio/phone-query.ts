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
      return { e164: [...e164], national: [] };
    }
  }
  national.add(digits);
  // Trunk / carrier prefixes the agent may have kept: 0 (PE, AR, CL landline), 01/044/045 (MX legacy), 1 (US).
  for (const prefix of ['044', '045', '01', '0', '1']) {
    if (digits.startsWith(prefix) && digits.length - prefix.length >= 6) national.add(digits.slice(prefix.length));
  }
  e164.add(`+${digits}`);
  if (defaultCountry) {
    const p = parsePhoneNumberFromString(digits, defaultCountry);
    if (p?.isPossible()) e164.add(p.number);
  }
  return { e164: [...e164], national: [...national] };
}
