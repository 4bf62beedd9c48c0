/**
 * The base rule sets: one per country, plus regional sets stacked on top (a US state, CABA). Built from the
 * settings so uncertain figures can be tuned without code.
 */
import { RuleSet } from '../rules-schema';
import { ComplianceSettings, type ComplianceSettingsInput } from '../settings';
import { arCabaRules, arRules } from './ar';
import { clRules } from './cl';
import { coRules } from './co';
import { mxRules } from './mx';
import { peRules } from './pe';
import { usMaRules, usRules } from './us';

export interface BaseRules {
  /** By country code. */
  countries: Record<string, RuleSet>;
  /** By `${country}-${region}`, applied in addition to the country's set. */
  regions: Record<string, RuleSet>;
}

export function buildBaseRules(settingsInput: ComplianceSettingsInput = {}): BaseRules {
  const settings = ComplianceSettings.parse(settingsInput);
  const countries: Record<string, RuleSet> = {
    US: usRules(settings),
    CO: coRules(settings),
    CL: clRules(settings),
    MX: mxRules(settings),
    PE: peRules(settings),
    AR: arRules(settings),
  };
  const regions: Record<string, RuleSet> = {
    'US-MA': usMaRules(),
    'AR-C': arCabaRules(settings),
  };
  // Validate what we built too: a bad setting combination must fail here, not in a check.
  for (const rs of [...Object.values(countries), ...Object.values(regions)]) RuleSet.parse(rs);
  return { countries, regions };
}
