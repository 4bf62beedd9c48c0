import { z } from 'zod';

/** Countries Recaudo collects in. Adding one means rules (compliance), holidays and demo data for it. */
export const CountryCode = z.enum(['CO', 'CL', 'MX', 'PE', 'US', 'AR']);
export type CountryCode = z.infer<typeof CountryCode>;

/** ISO 4217 codes of the portfolios we carry. Amounts are always integer minor units of one of these. */
export const CurrencyCode = z.enum(['COP', 'CLP', 'MXN', 'PEN', 'USD', 'ARS']);
export type CurrencyCode = z.infer<typeof CurrencyCode>;

export const Language = z.enum(['es', 'en']);
export type Language = z.infer<typeof Language>;

export const Role = z.enum(['agent', 'lead', 'admin']);
export type Role = z.infer<typeof Role>;

/** UTC instant, ISO 8601 with offset (we always write `Z`). */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** A calendar date (YYYY-MM-DD) meant in the debtor's zone. */
export const IsoDate = z.iso.date();

/** An IANA zone Luxon can resolve; checked by the domain code that uses it, kept as a string here. */
export const TimeZone = z.string().min(3).max(64).regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/, 'IANA zone');

export const Id = z.string().min(1).max(64);

/** Integer minor units, within the range a double holds exactly. */
export const AmountMinor = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164 phone number');
