import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * "+57 311 904 9511" from E.164: libphonenumber-js's international format; what it cannot parse, as given.
 * Parsing with the country's metadata is the costly part (a few hundred µs for a number not seen before), so the
 * desk writes each card's numbers this way before it sends the card (`DebtorCard.phoneDisplay`) and the
 * renderer does not parse them while it paints a screen-pop.
 */
export function phoneInternational(e164: string): string {
  const p = parsePhoneNumberFromString(e164);
  return p ? p.formatInternational() : e164;
}
