/**
 * What the agent typed or clicked → the SIP user part to dial. E.164 numbers (or national numbers read with the
 * desk's default country) and PBX extensions. Pure; bad input gets an i18n key the UI can say.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type DialTarget = { kind: 'e164'; user: string } | { kind: 'extension'; user: string };

export class DialTargetError extends Error {
  constructor(
    readonly key: 'phone.error.emptyNumber' | 'phone.error.invalidNumber',
    readonly params: Record<string, string> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'DialTargetError';
  }
}

const EXTENSION = /^(?:[a-z][a-z0-9._-]{0,31}|\d{2,6})$/i;

export function parseDialTarget(input: string, defaultCountry?: string): DialTarget {
  const raw = input.trim();
  if (raw === '') throw new DialTargetError('phone.error.emptyNumber');
  const sip = /^sips?:([^@;>]+)@/i.exec(raw);
  const text = sip?.[1] ?? raw;
  if (EXTENSION.test(text)) return { kind: 'extension', user: text };
  const compact = text.replace(/[\s().-]/g, '');
  if (/^\+?\d{7,16}$/.test(compact) || /^00\d{7,16}$/.test(compact)) {
    const normalized = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
    const parsed = parsePhoneNumberFromString(normalized, (defaultCountry?.toUpperCase() as CountryCode) || undefined);
    if (parsed?.isPossible()) return { kind: 'e164', user: parsed.number };
  }
  throw new DialTargetError('phone.error.invalidNumber', { number: raw });
}
