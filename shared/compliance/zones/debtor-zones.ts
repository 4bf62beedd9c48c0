/**
 * The debtor's possible locations (country, region, zone). An attempt must be allowed in every candidate, so
 * the most restrictive one decides whenever the place is unknown or ambiguous.
 *
 * - Address region known → that region's zones (a region spanning zones gives several).
 * - The phone being dialled (or, with none, every phone of the debtor) adds the zones its number suggests:
 *   a US mobile keeps its area code when people move, so both the address and the phone's zone must be fine.
 * - Nothing known → every zone of the country, and every regional rule set of that country applies.
 * - A stored `timeZone` is one more candidate (the portfolio may have set it from a better source).
 */
import { isValidZone } from '../local-time';
import { placeOfPhone } from './phone-zones';
import { normalizeRegion, zonesOfCountry, zonesOfRegion } from './region-zones';

export interface ZoneCandidate {
  country: string;
  /** Region code when known (e.g. "MA", "C"); undefined = unknown, so every regional set of the country applies. */
  region?: string;
  zone: string;
}

export interface DebtorPlaceInput {
  country: string;
  region?: string | null;
  timeZone?: string | null;
  /** E.164 numbers of the debtor. */
  phones?: readonly string[];
  /** The number about to be dialled, if any: it narrows the phone-based guess to that one number. */
  dialledE164?: string | null;
}

function push(out: ZoneCandidate[], c: ZoneCandidate): void {
  if (!out.some((x) => x.zone === c.zone && x.country === c.country && x.region === c.region)) out.push(c);
}

export function debtorZoneCandidates(input: DebtorPlaceInput): ZoneCandidate[] {
  const country = input.country.toUpperCase();
  const region = normalizeRegion(country, input.region);
  const out: ZoneCandidate[] = [];
  const regionZones = region ? zonesOfRegion(country, region) : undefined;
  if (region && regionZones) for (const zone of regionZones) push(out, { country, region, zone });

  const phones = input.dialledE164 ? [input.dialledE164] : (input.phones ?? []);
  for (const p of phones) {
    const place = placeOfPhone(p);
    if (!place || place.country !== country) continue;
    // With a known address region, the phone only adds a zone; the address region's rules still apply.
    const r = region && regionZones ? region : place.region;
    for (const zone of place.zones) push(out, r ? { country, region: r, zone } : { country, zone });
  }

  if (input.timeZone && isValidZone(input.timeZone)) {
    push(out, region && regionZones ? { country, region, zone: input.timeZone } : { country, zone: input.timeZone });
  }

  if (out.length === 0) {
    for (const zone of zonesOfCountry(country)) push(out, region ? { country, region, zone } : { country, zone });
  }
  return out;
}
