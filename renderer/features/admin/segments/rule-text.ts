/** The rule editor's text ↔ document, and the readable summary of each rule. Pure: tested beside. */

export type ParsedRuleSet =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: string; line: number | null };

/** JSON text → an object, or where it broke (line from V8's "position N" message). */
export function parseRuleSetText(text: string): ParsedRuleSet {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(reason);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
    return { ok: false, reason, line };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'the document must be an object { "rules": [...], "fallback": "…" }', line: 1 };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export interface RuleSummary {
  index: number;
  segment: string;
  label: string;
  conditions: { key: string; text: string }[];
}

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof o.currency === 'string') parts.push(o.currency);
    if (o.min !== undefined) parts.push(`≥ ${String(o.min)}`);
    if (o.max !== undefined) parts.push(`≤ ${String(o.max)}`);
    return parts.length ? parts.join(' ') : JSON.stringify(v);
  }
  return String(v);
}

/** Each rule of a (possibly invalid) document as a row for the table; odd shapes are shown, not hidden. */
export function summarizeRules(doc: Record<string, unknown>): { rules: RuleSummary[]; fallback: string } {
  const rules = Array.isArray(doc.rules) ? doc.rules : [];
  return {
    fallback: typeof doc.fallback === 'string' ? doc.fallback : 'general',
    rules: rules.map((r, index) => {
      const o = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
      const when = (o.when && typeof o.when === 'object' ? o.when : {}) as Record<string, unknown>;
      return {
        index,
        segment: typeof o.segment === 'string' ? o.segment : '?',
        label: typeof o.label === 'string' ? o.label : '',
        conditions: Object.entries(when).map(([key, v]) => ({ key, text: valueText(v) })),
      };
    }),
  };
}

/** A starting point the admin edits: the collectors' usual days-past-due buckets. */
export const EXAMPLE_RULE_SET = {
  rules: [
    { segment: 'temprana', label: 'Mora temprana 1–30', when: { dpdBuckets: ['1-30'] } },
    { segment: 'media', label: 'Mora 31–90', when: { dpdBuckets: ['31-60', '61-90'] } },
    { segment: 'tardia_cronica', label: 'Más de 90 días, moroso crónico', when: { dpdBuckets: ['90+'], paymentHistory: ['chronic_late'] } },
    { segment: 'tardia', label: 'Más de 90 días', when: { dpdBuckets: ['90+'] } },
  ],
  fallback: 'general',
};
