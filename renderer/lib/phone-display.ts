import { phoneInternational } from '../../shared/phones/display';

// A card shows each phone twice (the number, the dial button's label) and the same numbers come back call after
// call; a screen-pop's card brings its numbers already written (`primePhoneDisplay`).
const shown = new Map<string, string>();
const MAX_SHOWN = 5000;

function remember(e164: string, text: string): void {
  if (shown.size >= MAX_SHOWN) shown.clear();
  shown.set(e164, text);
}

/** "+57 311 904 9511" from E.164 (libphonenumber-js's international format); what it cannot parse, as given. */
export function formatIntl(e164: string): string {
  let text = shown.get(e164);
  if (text === undefined) {
    text = phoneInternational(e164);
    remember(e164, text);
  }
  return text;
}

/** Takes the texts the desk already wrote for a card's numbers (E.164 → text), so painting it parses none. */
export function primePhoneDisplay(texts: Readonly<Record<string, string>> | undefined): void {
  if (!texts) return;
  for (const e164 in texts) if (!shown.has(e164)) remember(e164, texts[e164]!);
}
