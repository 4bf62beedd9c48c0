/**
 * A best guess of where a phone is, from its number: US area code → state; Mexican area codes of the zones that
 * differ from Central time; Chilean landline areas. Mobiles elsewhere say nothing about place.
 */
import { usStateOfAreaCode } from './us-area-codes';
import { COUNTRY_ZONES, zonesOfRegion } from './region-zones';

export interface PhonePlace {
  country: string;
  region?: string;
  zones: string[];
}

/** Mexican area-code prefixes outside Central time (or with US-border DST). Others are Central. */
const MX_PREFIX_ZONES: Array<[string[], string[]]> = [
  [['664', '686', '646', '665', '661', '616'], ['America/Tijuana']],
  [['662', '644', '631', '622', '642', '653', '633', '637', '641', '634', '623', '645', '647', '643', '638'], ['America/Hermosillo']],
  [['612', '624', '613', '615', '667', '669', '668', '687', '672', '673', '694', '696', '697', '698', '311', '319', '323', '324', '325', '327', '389'], ['America/Mazatlan']],
  [['614', '625', '627', '628', '629', '635', '636', '639', '648', '649'], ['America/Chihuahua']],
  [['656'], ['America/Ciudad_Juarez']],
  [['626'], ['America/Ojinaga']],
  [['998', '983', '984', '987', '997'], ['America/Cancun']],
  [['868', '899', '867', '878', '877'], ['America/Matamoros']],
];
const MX_PREFIX = new Map<string, string[]>();
for (const [prefixes, zones] of MX_PREFIX_ZONES) for (const p of prefixes) MX_PREFIX.set(p, zones);

/** Places a phone may be in; `zones` empty means the number says nothing beyond its country. */
export function placeOfPhone(e164: string): PhonePlace | undefined {
  if (e164.startsWith('+1') && e164.length === 12) {
    const state = usStateOfAreaCode(e164.slice(2, 5));
    if (!state) return { country: 'US', zones: [] }; // Canada/Caribbean or unknown: no guess
    return { country: 'US', region: state, zones: zonesOfRegion('US', state) ?? [] };
  }
  if (e164.startsWith('+52')) {
    const national = e164.slice(3);
    const p3 = national.slice(0, 3);
    const zones = MX_PREFIX.get(p3);
    if (zones) return { country: 'MX', zones };
    // Prefixes starting with 6 are the north-west; unknown ones there could be any of its zones.
    if (p3.startsWith('6')) return { country: 'MX', zones: ['America/Tijuana', 'America/Hermosillo', 'America/Mazatlan', 'America/Chihuahua', 'America/Ciudad_Juarez', 'America/Ojinaga'] };
    return { country: 'MX', zones: ['America/Mexico_City'] };
  }
  if (e164.startsWith('+56')) {
    const national = e164.slice(3);
    if (national.startsWith('9')) return { country: 'CL', zones: [] }; // mobile: anywhere in Chile
    if (national.startsWith('61')) return { country: 'CL', region: 'MA', zones: ['America/Punta_Arenas'] };
    if (national.startsWith('32')) return { country: 'CL', region: 'VS', zones: ['America/Santiago', 'Pacific/Easter'] };
    return { country: 'CL', zones: ['America/Santiago'] };
  }
  for (const [cc, country] of [['+57', 'CO'], ['+51', 'PE'], ['+54', 'AR']] as const) {
    if (e164.startsWith(cc)) return { country, zones: COUNTRY_ZONES[country] ?? [] };
  }
  return undefined;
}
