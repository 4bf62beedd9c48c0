/**
 * A Rulebook is the compiled, ready-to-check form of the rules: base jurisdiction sets built from the settings,
 * stacked with regional sets and each creditor's tightenings, compiled to bit masks and minute arrays so a check
 * allocates almost nothing. Build it once (at startup, and again when settings or overrides change).
 */
import { buildBaseRules, type BaseRules } from './jurisdictions';
import { applyCreditorOverrides } from './overrides';
import {
  CHANNELS,
  WEEKDAYS,
  hhmmToMinutes,
  minutesToHhmm,
  type Channel,
  type ComplianceFlag,
  type CountOnly,
  type DisclosureRule,
  type RuleSet,
} from './rules-schema';
import type { ComplianceSettingsInput } from './settings';

export const CHANNEL_BIT: Record<Channel, number> = { call: 1, sms: 2, email: 4, whatsapp: 8, visit: 16 };

export function maskOf(channels: readonly Channel[]): number {
  let m = 0;
  for (const c of channels) m |= CHANNEL_BIT[c];
  return m;
}

export function channelsOfMask(mask: number): Channel[] {
  return CHANNELS.filter((c) => (mask & CHANNEL_BIT[c]) !== 0);
}

export const LEVEL_OF: Record<CountOnly, number> = { attempts: 0, connected: 1, conversations: 2 };

export interface CompiledHours {
  id: string;
  mask: number;
  /** Index 0 = Monday … 6 = Sunday; flat [from, to, from, to…] in minutes, sorted. */
  week: number[][];
  /** "08:00–21:00" per weekday, for messages. */
  labels: string[];
}
export interface CompiledCounter {
  id: string;
  kind: 'cap' | 'distinct' | 'gap';
  mask: number;
  countMask: number;
  debtScope: boolean;
  windowDays: number;
  max: number;
  minLevel: number;
  excludeConsent: boolean;
}
export interface CompiledAfter {
  id: string;
  mask: number;
  convMask: number;
  debtScope: boolean;
  days: number;
}
export interface CompiledFlag {
  mask: number;
  overridable: boolean;
}

export interface CompiledRuleSet {
  /** Ids of the stacked sets, e.g. ["us", "us-ma", "creditor:acme"]. */
  ids: string[];
  country: string;
  /** Region for holidays (undefined = national holidays only). */
  holidayRegion?: string;
  hours: CompiledHours[];
  holidayRules: Array<{ id: string; mask: number }>;
  counters: CompiledCounter[];
  after: CompiledAfter[];
  flags: Map<ComplianceFlag, CompiledFlag>;
  disclosures: DisclosureRule[];
  requireAuthorizedChannels: boolean;
  /** Largest day span any counter looks back over (to bound searches). */
  maxSpanDays: number;
}

function compile(sets: RuleSet[], holidayRegion: string | undefined): CompiledRuleSet {
  const first = sets[0]!;
  const out: CompiledRuleSet = {
    ids: sets.map((s) => s.id),
    country: first.country,
    hours: [],
    holidayRules: [],
    counters: [],
    after: [],
    flags: new Map(),
    disclosures: [],
    requireAuthorizedChannels: false,
    maxSpanDays: 1,
  };
  if (holidayRegion) out.holidayRegion = holidayRegion;
  for (const s of sets) {
    for (const h of s.hours) {
      const week = WEEKDAYS.map((d) => {
        const iv = h.week[d].map((w) => [hhmmToMinutes(w.from), hhmmToMinutes(w.to)] as const).sort((a, b) => a[0] - b[0]);
        return iv.flatMap(([f, t]) => [f, t]);
      });
      const labels = WEEKDAYS.map((d) => h.week[d].map((w) => `${w.from}–${w.to}`).join(', '));
      out.hours.push({ id: h.id, mask: maskOf(h.channels), week, labels });
    }
    for (const h of s.holidays) out.holidayRules.push({ id: h.id, mask: maskOf(h.channels) });
    for (const c of s.caps) {
      out.counters.push({
        id: c.id,
        kind: 'cap',
        mask: maskOf(c.channels),
        countMask: maskOf(c.counts),
        debtScope: c.scope === 'debt',
        windowDays: c.windowDays,
        max: c.max,
        minLevel: LEVEL_OF[c.countOnly],
        excludeConsent: c.excludePriorConsent,
      });
      out.maxSpanDays = Math.max(out.maxSpanDays, c.windowDays);
    }
    for (const c of s.distinctChannels) {
      out.counters.push({
        id: c.id,
        kind: 'distinct',
        mask: maskOf(c.channels),
        countMask: maskOf(c.channels),
        debtScope: c.scope === 'debt',
        windowDays: c.windowDays,
        max: c.max,
        minLevel: LEVEL_OF[c.countOnly],
        excludeConsent: false,
      });
      out.maxSpanDays = Math.max(out.maxSpanDays, c.windowDays);
    }
    for (const g of s.minGap) {
      out.counters.push({
        id: g.id,
        kind: 'gap',
        mask: maskOf(g.channels),
        countMask: maskOf(g.channels),
        debtScope: g.scope === 'debt',
        windowDays: g.minDays,
        max: 0,
        minLevel: LEVEL_OF[g.countOnly],
        excludeConsent: false,
      });
      out.maxSpanDays = Math.max(out.maxSpanDays, g.minDays);
    }
    for (const a of s.afterConversation) {
      out.after.push({ id: a.id, mask: maskOf(a.channels), convMask: maskOf(a.conversationChannels), debtScope: a.scope === 'debt', days: a.days });
      out.maxSpanDays = Math.max(out.maxSpanDays, a.days);
    }
    for (const f of s.flags) {
      const prev = out.flags.get(f.flag);
      out.flags.set(f.flag, {
        mask: (prev?.mask ?? 0) | maskOf(f.channels),
        overridable: (prev?.overridable ?? true) && f.overridable,
      });
    }
    for (const d of s.disclosures) if (!out.disclosures.some((x) => x.id === d.id)) out.disclosures.push(d);
    out.requireAuthorizedChannels ||= s.requireAuthorizedChannels;
  }
  return out;
}

export interface RulebookOptions {
  /** Uncertain-figure settings (see ./settings); defaults when omitted. */
  settings?: ComplianceSettingsInput;
  /** creditorId → country → tightenings. Validated eagerly: a loosening throws ComplianceRuleError. */
  creditorOverrides?: Record<string, Partial<Record<string, unknown>>>;
}

export interface Rulebook {
  readonly base: BaseRules;
  /** The compiled stack for a creditor (or none) and a place; cached. Undefined when the country has no rules. */
  compiled(creditorId: string | undefined, country: string, region: string | undefined): CompiledRuleSet | undefined;
  /** The effective rule sets (data) for a place, for display and docs. */
  ruleSets(creditorId: string | undefined, country: string, region: string | undefined): RuleSet[];
  /**
   * The longest look-back of any rule of any place or creditor, in days (cap and channel windows, the wait after
   * a conversation, gaps): contacts older than this (plus a day either side for zones) never change a decision.
   */
  readonly longestWindowDays: number;
}

/** The longest look-back of one rule set, in days. */
export function windowDaysOf(set: RuleSet): number {
  let days = 0;
  for (const c of set.caps) days = Math.max(days, c.windowDays);
  for (const c of set.distinctChannels) days = Math.max(days, c.windowDays);
  for (const c of set.afterConversation) days = Math.max(days, c.days);
  for (const c of set.minGap) days = Math.max(days, c.minDays);
  return days;
}

export function createRulebook(options: RulebookOptions = {}): Rulebook {
  const base = buildBaseRules(options.settings ?? {});
  const creditorSets = new Map<string, Map<string, RuleSet>>();
  for (const [creditorId, byCountry] of Object.entries(options.creditorOverrides ?? {})) {
    const m = new Map<string, RuleSet>();
    for (const [country, ov] of Object.entries(byCountry)) {
      const b = base.countries[country];
      if (!b || ov === undefined) continue;
      m.set(country, { ...applyCreditorOverrides(b, ov), id: `creditor.${creditorId.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 64) });
    }
    creditorSets.set(creditorId, m);
  }
  const cache = new Map<string, CompiledRuleSet | null>();

  function ruleSets(creditorId: string | undefined, country: string, region: string | undefined): RuleSet[] {
    const c = creditorId ? creditorSets.get(creditorId)?.get(country) : undefined;
    const countrySet = c ?? base.countries[country];
    if (!countrySet) return [];
    const sets = [countrySet];
    if (region) {
      const r = base.regions[`${country}-${region}`];
      if (r) sets.push(r);
    } else {
      // Region unknown: every regional set of the country applies (most restrictive).
      for (const [key, r] of Object.entries(base.regions)) if (key.startsWith(`${country}-`)) sets.push(r);
    }
    return sets;
  }

  let longestWindowDays = 0;
  for (const set of Object.values(base.countries)) longestWindowDays = Math.max(longestWindowDays, windowDaysOf(set));
  for (const set of Object.values(base.regions)) longestWindowDays = Math.max(longestWindowDays, windowDaysOf(set));
  for (const m of creditorSets.values()) for (const set of m.values()) longestWindowDays = Math.max(longestWindowDays, windowDaysOf(set));

  return {
    base,
    ruleSets,
    longestWindowDays,
    compiled(creditorId, country, region) {
      const key = `${creditorId ?? ''}|${country}|${region ?? ''}`;
      let c = cache.get(key);
      if (c === undefined) {
        const sets = ruleSets(creditorId, country, region);
        c = sets.length === 0 ? null : compile(sets, region);
        cache.set(key, c);
      }
      return c ?? undefined;
    },
  };
}

export function windowsLabel(h: CompiledHours, weekdayIndex: number): string {
  return h.labels[weekdayIndex] ?? '';
}

export { minutesToHhmm };
