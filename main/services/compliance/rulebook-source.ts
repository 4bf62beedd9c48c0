/**
 * The desk's rulebook: the jurisdictions' rules with the admin's settings for uncertain figures, plus each
 * creditor's tightenings. A creditor's tightenings travel with its policies (`policies.body.compliance`:
 * country → overrides, as shared/compliance/overrides reads them) so they reach the desk by the same pull. A
 * creditor document that would loosen a rule is refused and that creditor gets the jurisdiction's rules (the
 * legal floor) — logged, never silently weaker. Rebuilt only when the policies change.
 */
import { createRulebook, type Rulebook } from '../../../shared/compliance/rulebook';
import type { ComplianceSettingsInput } from '../../../shared/compliance/settings';
import { ComplianceRuleError } from '../../../shared/compliance/overrides';
import type { Db } from '../store/open';

export type ComplianceLog = (level: 'warn' | 'error', msg: string, detail?: unknown) => void;

export function createRulebookSource(db: Db, opts: { settings?: ComplianceSettingsInput; log: ComplianceLog }) {
  // A cheap fingerprint of the policies table: a pull that changes any policy changes it.
  const fingerprint = db.prepare("SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), '') || ':' || coalesce(sum(length(body)), 0) FROM policies").pluck();
  const bodies = db.prepare("SELECT creditor_id, body FROM policies WHERE body LIKE '%\"compliance\"%' ORDER BY creditor_id, version");
  let current: { key: string; rules: Rulebook } | null = null;
  // The queue asks once per account (5,000 times per build): look at the table at most every 500 ms.
  let checkedAt = -Infinity;

  function overridesFromPolicies(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const r of bodies.all() as Array<{ creditor_id: string; body: string }>) {
      let body: unknown;
      try {
        body = JSON.parse(r.body);
      } catch {
        continue;
      }
      const c = (body as { compliance?: unknown } | null)?.compliance;
      if (c && typeof c === 'object' && !Array.isArray(c)) out[r.creditor_id] = { ...out[r.creditor_id], ...(c as Record<string, unknown>) };
    }
    return out;
  }

  function build(): Rulebook {
    const settings = opts.settings ?? {};
    const all = overridesFromPolicies();
    const accepted: Record<string, Record<string, unknown>> = {};
    for (const [creditorId, byCountry] of Object.entries(all)) {
      try {
        createRulebook({ settings, creditorOverrides: { [creditorId]: byCountry } });
        accepted[creditorId] = byCountry;
      } catch (err) {
        if (!(err instanceof ComplianceRuleError)) throw err;
        opts.log('error', `creditor ${creditorId}: compliance overrides refused, the jurisdiction's rules apply`, { key: err.key, params: err.params });
      }
    }
    return createRulebook({ settings, creditorOverrides: accepted });
  }

  return {
    rules(): Rulebook {
      const t = performance.now();
      if (current && t - checkedAt < 500) return current.rules;
      checkedAt = t;
      const key = fingerprint.get() as string;
      if (!current || current.key !== key) current = { key, rules: build() };
      return current.rules;
    },
    /** Forget the cached rules now (after a pull that changed policies, when the caller knows). */
    invalidate(): void {
      checkedAt = -Infinity;
    },
  };
}
