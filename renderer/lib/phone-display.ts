import { parsePhoneNumberFromString } from 'libphonenumber-js';

// Parsing a number with its country's metadata is the costly part of showing it; a card shows each phone twice
// (the number, the dial button's label) and the same numbers come back call after call.
const shown = new Map<string, string>();
const MAX_SHOWN = 5000;

/** "+57 311 904 9511" from E.164 (libphonenumber-js's international format); what it cannot parse, as given. */
export function formatIntl(e164: string): string {
  let text = shown.get(e164);
  if (text === undefined) {
    const p = parsePhoneNumberFromString(e164);
    text = p ? p.formatInternational() : e164;
    if (shown.size >= MAX_SHOWN) shown.clear();
    shown.set(e164, text);
  }
  return text;
}
