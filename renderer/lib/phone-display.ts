import { parsePhoneNumberFromString } from 'libphonenumber-js';

export function formatIntl(e164: string): string {
  const p = parsePhoneNumberFromString(e164);
  return p ? p.formatInternational() : e164;
}
