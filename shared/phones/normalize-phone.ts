/**
 * Phone numbers in, E.164 out. Every phone Recaudo stores or dials goes through `normalizePhone`, so search,
 * dedupe, do-not-call lists and the compliance engine all compare the same string.
 *
 * Uses libphonenumber-js with the `max` metadata: the smaller metadata sets cannot tell a mobile from a
 * landline, and line type matters (SMS only to mobiles, Chile/Mexico zone guesses from landline area codes).
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';

export type PhoneType = 'mobile' | 'landline' | 'voip' | 'other';

/** Why a raw phone could not be normalized; the UI shows `phones.error.<reason>` (see ./messages). */
export type PhoneErrorReason =
  | 'empty'
  | 'not_a_number'
  | 'invalid_country'
  | 'too_short'
  | 'too_long'
  | 'invalid';

export interface NormalizedPhone {
  ok: true;
  /** E.164, e.g. "+573001234567". */
  e164: string;
  type: PhoneType;
  /**
   * libphonenumber's finer type, lower-cased: 'mobile', 'fixed_line', 'fixed_line_or_mobile', 'voip',
   * 'toll_free', 'premium_rate', 'shared_cost', 'personal_number', 'pager', 'uan', 'voicemail' or 'unknown'.
   * US, Mexico and Chile numbers are mostly 'fixed_line_or_mobile' (type 'other'): their plans don't say.
   */
  lineType: string;
  /** True when the number is or may be a mobile (SMS/WhatsApp are worth trying). */
  mayBeMobile: boolean;
  /** ISO 3166-1 alpha-2 country of the number, e.g. "CO". */
  country: string;
  /** National significant number (digits only, no national prefix), e.g. "3001234567". */
  nationalNumber: string;
}

export interface PhoneError {
  ok: false;
  reason: PhoneErrorReason;
  /** Params for the i18n message (the raw input, the default country). */
  params: { raw: string; defaultCountry: string };
}

export type NormalizePhoneResult = NormalizedPhone | PhoneError;

const COUNTRY_RE = /^[A-Z]{2}$/;

/** Digits and a leading '+' only; agents paste "(212) 555-0123", "300 123 4567", "+57-300…", "tel:…". */
function cleanup(raw: string): string {
  let s = raw.trim().replace(/^tel:/i, '');
  // Extension markers: keep the main number only.
  s = s.replace(/\s*(?:ext\.?|x|#|anexo|int\.?)\s*\d+\s*$/i, '');
  const plus = /^\s*(?:\+|00(?=[1-9]))/.test(s);
  const digits = s.replace(/\D/g, '');
  if (plus) return '+' + (s.trim().startsWith('00') ? digits.slice(2) : digits);
  return digits;
}

/**
 * Mexico dropped its mobile prefixes in 2019 ("044/045" nationally, "1" after +52), but agents and old
 * portfolios still carry them, and current libphonenumber metadata rejects them as too long.
 */
function stripLegacyMexicanPrefixes(s: string, defaultCountry: string): string {
  if (s.startsWith('+521') && s.length === 14) return '+52' + s.slice(4);
  if (s.startsWith('521') && s.length === 13 && defaultCountry !== 'MX') return '+52' + s.slice(3);
  if (defaultCountry === 'MX' && !s.startsWith('+')) {
    if (/^04[45]\d{10}$/.test(s)) return s.slice(3);
    if (/^01\d{10}$/.test(s)) return s.slice(2);
    if (/^521\d{10}$/.test(s)) return s.slice(3);
  }
  return s;
}

function mapType(t: string | undefined): { type: PhoneType; lineType: string; mayBeMobile: boolean } {
  switch (t) {
    case 'MOBILE':
      return { type: 'mobile', lineType: 'mobile', mayBeMobile: true };
    case 'FIXED_LINE':
      return { type: 'landline', lineType: 'fixed_line', mayBeMobile: false };
    case 'VOIP':
      return { type: 'voip', lineType: 'voip', mayBeMobile: false };
    case 'FIXED_LINE_OR_MOBILE':
      return { type: 'other', lineType: 'fixed_line_or_mobile', mayBeMobile: true };
    case undefined:
      return { type: 'other', lineType: 'unknown', mayBeMobile: false };
    default:
      return { type: 'other', lineType: t.toLowerCase(), mayBeMobile: false };
  }
}

/**
 * Normalizes what a person typed or a CSV carried into E.164.
 * `defaultCountry` (ISO alpha-2) is used when the number has no international prefix.
 */
export function normalizePhone(raw: string, defaultCountry: string): NormalizePhoneResult {
  const params = { raw, defaultCountry };
  const country = defaultCountry.toUpperCase();
  if (!COUNTRY_RE.test(country)) return { ok: false, reason: 'invalid_country', params };
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty', params };
  const cleaned = stripLegacyMexicanPrefixes(cleanup(raw), country);
  if (cleaned === '' || cleaned === '+') return { ok: false, reason: 'not_a_number', params };

  let parsed;
  try {
    parsed = parsePhoneNumberFromString(cleaned, country as CountryCode);
  } catch {
    parsed = undefined;
  }
  // A number typed with its country code but no '+' ("573001234567") is common in exports.
  if ((!parsed || !parsed.isValid()) && !cleaned.startsWith('+')) {
    const intl = parsePhoneNumberFromString('+' + cleaned);
    if (intl?.isValid()) parsed = intl;
  }
  if (!parsed || !parsed.isValid()) {
    let lengthProblem: string | undefined;
    try {
      lengthProblem = validatePhoneNumberLength(cleaned, country as CountryCode);
    } catch {
      lengthProblem = undefined;
    }
    if (lengthProblem === 'TOO_SHORT') return { ok: false, reason: 'too_short', params };
    if (lengthProblem === 'TOO_LONG') return { ok: false, reason: 'too_long', params };
    if (lengthProblem === 'NOT_A_NUMBER') return { ok: false, reason: 'not_a_number', params };
    if (lengthProblem === 'INVALID_COUNTRY') return { ok: false, reason: 'invalid_country', params };
    return { ok: false, reason: 'invalid', params };
  }
  const typed = mapType(parsed.getType());
  return {
    ok: true,
    e164: parsed.number,
    ...typed,
    country: parsed.country ?? country,
    nationalNumber: parsed.nationalNumber,
  };
}
