/**
 * Which IANA zones a country or a region (state, department, región) may be in. A region spanning several zones
 * lists them all; the compliance check then requires an attempt to be allowed in each.
 */

const US_STATES: Record<string, string[]> = {
  AL: ['America/Chicago'],
  AK: ['America/Anchorage', 'America/Adak'],
  AZ: ['America/Phoenix', 'America/Denver'], // the Navajo Nation keeps DST
  AR: ['America/Chicago'],
  CA: ['America/Los_Angeles'],
  CO: ['America/Denver'],
  CT: ['America/New_York'],
  DE: ['America/New_York'],
  DC: ['America/New_York'],
  FL: ['America/New_York', 'America/Chicago'],
  GA: ['America/New_York'],
  HI: ['Pacific/Honolulu'],
  ID: ['America/Boise', 'America/Los_Angeles'],
  IL: ['America/Chicago'],
  IN: ['America/Indiana/Indianapolis', 'America/Chicago'],
  IA: ['America/Chicago'],
  KS: ['America/Chicago', 'America/Denver'],
  KY: ['America/New_York', 'America/Chicago'],
  LA: ['America/Chicago'],
  ME: ['America/New_York'],
  MD: ['America/New_York'],
  MA: ['America/New_York'],
  MI: ['America/Detroit', 'America/Menominee'],
  MN: ['America/Chicago'],
  MS: ['America/Chicago'],
  MO: ['America/Chicago'],
  MT: ['America/Denver'],
  NE: ['America/Chicago', 'America/Denver'],
  NV: ['America/Los_Angeles', 'America/Denver'],
  NH: ['America/New_York'],
  NJ: ['America/New_York'],
  NM: ['America/Denver'],
  NY: ['America/New_York'],
  NC: ['America/New_York'],
  ND: ['America/Chicago', 'America/Denver'],
  OH: ['America/New_York'],
  OK: ['America/Chicago'],
  OR: ['America/Los_Angeles', 'America/Boise'],
  PA: ['America/New_York'],
  RI: ['America/New_York'],
  SC: ['America/New_York'],
  SD: ['America/Chicago', 'America/Denver'],
  TN: ['America/Chicago', 'America/New_York'],
  TX: ['America/Chicago', 'America/Denver'],
  UT: ['America/Denver'],
  VT: ['America/New_York'],
  VA: ['America/New_York'],
  WA: ['America/Los_Angeles'],
  WV: ['America/New_York'],
  WI: ['America/Chicago'],
  WY: ['America/Denver'],
  PR: ['America/Puerto_Rico'],
  GU: ['Pacific/Guam'],
  VI: ['America/St_Thomas'],
  AS: ['Pacific/Pago_Pago'],
  MP: ['Pacific/Saipan'],
};

/** Mexico by ISO 3166-2 state code; since 2022 only the US-border strip keeps DST. */
const MX_STATES: Record<string, string[]> = {
  BCN: ['America/Tijuana'],
  BCS: ['America/Mazatlan'],
  SIN: ['America/Mazatlan'],
  NAY: ['America/Mazatlan', 'America/Bahia_Banderas'],
  SON: ['America/Hermosillo'],
  CHH: ['America/Chihuahua', 'America/Ciudad_Juarez', 'America/Ojinaga'],
  COA: ['America/Monterrey', 'America/Matamoros'],
  NLE: ['America/Monterrey', 'America/Matamoros'],
  TAM: ['America/Monterrey', 'America/Matamoros'],
  ROO: ['America/Cancun'],
  CAM: ['America/Merida'],
  YUC: ['America/Merida'],
  DUR: ['America/Monterrey'],
};
const MX_CENTRAL = ['America/Mexico_City'];
const MX_ALIASES: Record<string, string> = {
  CDMX: 'CMX', DF: 'CMX', BC: 'BCN', 'B.C.': 'BCN', QROO: 'ROO', 'Q.ROO': 'ROO', QR: 'ROO', NL: 'NLE', 'N.L.': 'NLE',
  CHIH: 'CHH', COAH: 'COA', TAMPS: 'TAM', SON: 'SON', SIN: 'SIN', NAY: 'NAY', DGO: 'DUR', YUC: 'YUC', CAMP: 'CAM',
};

/** Chile by ISO 3166-2 region code. */
const CL_REGIONS: Record<string, string[]> = {
  MA: ['America/Punta_Arenas'], // Magallanes keeps UTC−3 all year
  VS: ['America/Santiago', 'Pacific/Easter'], // Valparaíso includes Rapa Nui
};
const CL_DEFAULT = ['America/Santiago'];
const CL_ALIASES: Record<string, string> = { XII: 'MA', MAG: 'MA', V: 'VS', VAL: 'VS', RM: 'RM' };

export const COUNTRY_ZONES: Record<string, string[]> = {
  US: [...new Set(Object.values(US_STATES).filter((z) => !z.some((x) => x.startsWith('Pacific/') && x !== 'Pacific/Honolulu')).flat())],
  MX: ['America/Mexico_City', 'America/Cancun', 'America/Merida', 'America/Monterrey', 'America/Matamoros', 'America/Chihuahua', 'America/Ciudad_Juarez', 'America/Ojinaga', 'America/Mazatlan', 'America/Bahia_Banderas', 'America/Hermosillo', 'America/Tijuana'],
  CL: ['America/Santiago', 'America/Punta_Arenas', 'Pacific/Easter'],
  CO: ['America/Bogota'],
  PE: ['America/Lima'],
  AR: ['America/Argentina/Buenos_Aires'],
};

function clean(region: string): string {
  return region.trim().toUpperCase().replace(/^[A-Z]{2}-/, '');
}

/** Normalizes a region as typed by a portfolio ("CDMX", "MX-CMX", "Q.Roo") to the code our tables use. */
export function normalizeRegion(country: string, region: string | null | undefined): string | undefined {
  if (!region || !region.trim()) return undefined;
  const r = clean(region);
  if (country === 'MX') return MX_ALIASES[r] ?? r;
  if (country === 'CL') return CL_ALIASES[r] ?? r;
  if (country === 'AR' && (r === 'CABA' || r === 'CAPITAL FEDERAL')) return 'C';
  return r;
}

/** Zones of a country's region, or undefined when the region is unknown to us. */
export function zonesOfRegion(country: string, region: string): string[] | undefined {
  switch (country) {
    case 'US':
      return US_STATES[region];
    case 'MX':
      return MX_STATES[region] ?? (/^[A-Z]{3}$/.test(region) ? MX_CENTRAL : undefined);
    case 'CL':
      return CL_REGIONS[region] ?? (/^[A-Z]{2}$/.test(region) ? CL_DEFAULT : undefined);
    default:
      return COUNTRY_ZONES[country];
  }
}

export function zonesOfCountry(country: string): string[] {
  return COUNTRY_ZONES[country] ?? [];
}
