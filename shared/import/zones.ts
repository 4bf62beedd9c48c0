/**
 * A debtor's IANA zone when the file does not carry one: the country's zone, or for the countries that span
 * several, the region's. Compliance (contact hours) runs on this zone, so a file with a `time_zone` column wins.
 */
import type { ImportCountry } from './values';

const COUNTRY_ZONE: Record<ImportCountry, string> = {
  CO: 'America/Bogota',
  CL: 'America/Santiago',
  MX: 'America/Mexico_City',
  PE: 'America/Lima',
  US: 'America/New_York',
  AR: 'America/Argentina/Buenos_Aires',
};

const US_STATES: Record<string, string> = {};
const put = (zone: string, states: string) => states.split(' ').forEach((s) => (US_STATES[s] = zone));
put('America/New_York', 'CT DE DC FL GA IN KY ME MD MA MI NH NJ NY NC OH PA RI SC VT VA WV');
put('America/Chicago', 'AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI');
put('America/Denver', 'CO MT NM UT WY ID');
put('America/Phoenix', 'AZ');
put('America/Los_Angeles', 'CA NV OR WA');
put('America/Anchorage', 'AK');
put('Pacific/Honolulu', 'HI');
put('America/Puerto_Rico', 'PR');

const MX_STATES: Record<string, string> = {
  BC: 'America/Tijuana', BCN: 'America/Tijuana', SON: 'America/Hermosillo', SO: 'America/Hermosillo',
  BCS: 'America/Mazatlan', SIN: 'America/Mazatlan', NAY: 'America/Mazatlan', CHH: 'America/Chihuahua',
  ROO: 'America/Cancun', QR: 'America/Cancun',
};

const CL_REGIONS: Record<string, string> = { MAG: 'America/Punta_Arenas', AI: 'America/Santiago' };

export function defaultZone(country: ImportCountry, region: string | null): string {
  const r = region?.trim().toUpperCase() ?? '';
  if (r) {
    if (country === 'US' && US_STATES[r]) return US_STATES[r]!;
    if (country === 'MX' && MX_STATES[r]) return MX_STATES[r]!;
    if (country === 'CL' && CL_REGIONS[r]) return CL_REGIONS[r]!;
  }
  return COUNTRY_ZONE[country];
}

export function defaultLanguage(country: ImportCountry): 'es' | 'en' {
  return country === 'US' ? 'en' : 'es';
}
