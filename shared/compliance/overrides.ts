/**
 * A creditor can make the rules stricter, never looser. `applyCreditorOverrides` validates every replaced rule
 * against the base one and throws a ComplianceRuleError naming the rule and the loosened field.
 */
import { z } from 'zod';
import {
  CreditorOverrides,
  WEEKDAYS,
  hhmmToMinutes,
  type Channel,
  type CountOnly,
  type RuleSet,
  type TimeWindow,
} from './rules-schema';

export type RuleErrorCode = 'override_invalid' | 'override_loosens_rule';

/** A refused rule change; `key` is the i18n key (`compliance.ruleError.<code>`), params say which rule and field. */
export class ComplianceRuleError extends Error {
  readonly key: string;
  constructor(
    readonly code: RuleErrorCode,
    readonly params: { ruleId?: string; field?: string; detail?: string },
  ) {
    super(`compliance.ruleError.${code}: ${JSON.stringify(params)}`);
    this.name = 'ComplianceRuleError';
    this.key = `compliance.ruleError.${code}`;
  }
}

const COUNT_STRICTNESS: Record<CountOnly, number> = { attempts: 2, connected: 1, conversations: 0 };

function loosens(ruleId: string, field: string, detail: string): never {
  throw new ComplianceRuleError('override_loosens_rule', { ruleId, field, detail });
}

function requireChannels(ruleId: string, field: string, base: readonly Channel[], next: readonly Channel[]): void {
  const missing = base.filter((c) => !next.includes(c));
  if (missing.length > 0) loosens(ruleId, field, `drops ${missing.join(', ')}`);
}

function mergedIntervals(ws: TimeWindow[]): Array<[number, number]> {
  const iv = ws.map((w) => [hhmmToMinutes(w.from), hhmmToMinutes(w.to)] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [f, t] of iv) {
    const last = out[out.length - 1];
    if (last && f <= last[1]) last[1] = Math.max(last[1], t);
    else out.push([f, t]);
  }
  return out;
}

function byId<T extends { id: string }>(list: T[], id: string): T | undefined {
  return list.find((r) => r.id === id);
}

function replaceOrAdd<T extends { id: string }>(list: T[], next: T): T[] {
  const i = list.findIndex((r) => r.id === next.id);
  if (i < 0) return [...list, next];
  const copy = list.slice();
  copy[i] = next;
  return copy;
}

function scopeLoosens(base: 'debt' | 'debtor', next: 'debt' | 'debtor'): boolean {
  return base === 'debtor' && next === 'debt';
}

/** Returns a new rule set with the creditor's tightenings; throws ComplianceRuleError on any loosening. */
export function applyCreditorOverrides(base: RuleSet, overridesInput: unknown): RuleSet {
  const parsed = CreditorOverrides.safeParse(overridesInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ComplianceRuleError('override_invalid', {
      field: issue ? issue.path.join('.') : '',
      detail: issue ? issue.message : z.prettifyError(parsed.error),
    });
  }
  const o = parsed.data;
  let next: RuleSet = { ...base };

  for (const h of o.hours ?? []) {
    const b = byId(base.hours, h.id);
    if (b) {
      requireChannels(h.id, 'channels', b.channels, h.channels);
      for (const d of WEEKDAYS) {
        const allowed = mergedIntervals(b.week[d]);
        for (const w of h.week[d]) {
          const f = hhmmToMinutes(w.from);
          const t = hhmmToMinutes(w.to);
          if (!allowed.some(([af, at]) => f >= af && t <= at)) loosens(h.id, `week.${d}`, `${w.from}–${w.to}`);
        }
      }
    }
    next.hours = replaceOrAdd(next.hours, h);
  }
  for (const h of o.holidays ?? []) {
    const b = byId(base.holidays, h.id);
    if (b) requireChannels(h.id, 'channels', b.channels, h.channels);
    next.holidays = replaceOrAdd(next.holidays, h);
  }
  for (const c of o.caps ?? []) {
    const b = byId(base.caps, c.id);
    if (b) {
      requireChannels(c.id, 'channels', b.channels, c.channels);
      requireChannels(c.id, 'counts', b.counts, c.counts);
      if (c.max > b.max) loosens(c.id, 'max', `${b.max} → ${c.max}`);
      if (c.windowDays < b.windowDays) loosens(c.id, 'windowDays', `${b.windowDays} → ${c.windowDays}`);
      if (scopeLoosens(b.scope, c.scope)) loosens(c.id, 'scope', `${b.scope} → ${c.scope}`);
      if (COUNT_STRICTNESS[c.countOnly] < COUNT_STRICTNESS[b.countOnly]) loosens(c.id, 'countOnly', `${b.countOnly} → ${c.countOnly}`);
      if (c.excludePriorConsent && !b.excludePriorConsent) loosens(c.id, 'excludePriorConsent', 'false → true');
    }
    next.caps = replaceOrAdd(next.caps, c);
  }
  for (const c of o.distinctChannels ?? []) {
    const b = byId(base.distinctChannels, c.id);
    if (b) {
      requireChannels(c.id, 'channels', b.channels, c.channels);
      if (c.max > b.max) loosens(c.id, 'max', `${b.max} → ${c.max}`);
      if (c.windowDays < b.windowDays) loosens(c.id, 'windowDays', `${b.windowDays} → ${c.windowDays}`);
      if (scopeLoosens(b.scope, c.scope)) loosens(c.id, 'scope', `${b.scope} → ${c.scope}`);
      if (COUNT_STRICTNESS[c.countOnly] < COUNT_STRICTNESS[b.countOnly]) loosens(c.id, 'countOnly', `${b.countOnly} → ${c.countOnly}`);
    }
    next.distinctChannels = replaceOrAdd(next.distinctChannels, c);
  }
  for (const a of o.afterConversation ?? []) {
    const b = byId(base.afterConversation, a.id);
    if (b) {
      requireChannels(a.id, 'channels', b.channels, a.channels);
      requireChannels(a.id, 'conversationChannels', b.conversationChannels, a.conversationChannels);
      if (a.days < b.days) loosens(a.id, 'days', `${b.days} → ${a.days}`);
      if (scopeLoosens(b.scope, a.scope)) loosens(a.id, 'scope', `${b.scope} → ${a.scope}`);
    }
    next.afterConversation = replaceOrAdd(next.afterConversation, a);
  }
  for (const g of o.minGap ?? []) {
    const b = byId(base.minGap, g.id);
    if (b) {
      requireChannels(g.id, 'channels', b.channels, g.channels);
      if (g.minDays < b.minDays) loosens(g.id, 'minDays', `${b.minDays} → ${g.minDays}`);
      if (scopeLoosens(b.scope, g.scope)) loosens(g.id, 'scope', `${b.scope} → ${g.scope}`);
      if (COUNT_STRICTNESS[g.countOnly] < COUNT_STRICTNESS[b.countOnly]) loosens(g.id, 'countOnly', `${b.countOnly} → ${g.countOnly}`);
    }
    next.minGap = replaceOrAdd(next.minGap, g);
  }
  for (const f of o.flags ?? []) {
    const i = next.flags.findIndex((x) => x.flag === f.flag);
    const b = base.flags.find((x) => x.flag === f.flag);
    if (b) {
      requireChannels(`flag.${f.flag}`, 'channels', b.channels, f.channels);
      if (f.overridable && !b.overridable) loosens(`flag.${f.flag}`, 'overridable', 'false → true');
    }
    next.flags = i < 0 ? [...next.flags, f] : next.flags.map((x, j) => (j === i ? f : x));
  }
  for (const d of o.disclosures ?? []) {
    const b = byId(base.disclosures, d.id);
    if (b) {
      requireChannels(d.id, 'channels', b.channels, d.channels);
      if (d.when !== b.when && d.when !== 'every_communication') loosens(d.id, 'when', `${b.when} → ${d.when}`);
    }
    next.disclosures = replaceOrAdd(next.disclosures, d);
  }
  if (o.requireAuthorizedChannels !== undefined) {
    if (base.requireAuthorizedChannels && !o.requireAuthorizedChannels) {
      loosens(base.id, 'requireAuthorizedChannels', 'true → false');
    }
    next = { ...next, requireAuthorizedChannels: o.requireAuthorizedChannels };
  }
  return next;
}
