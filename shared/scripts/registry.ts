import { scriptIssueMessage } from './messages';
import { parseScript, type ScriptIssue } from './validate';
import type { Script } from './schema';

export interface ScriptCriteria {
  creditorId: string;
  segment: string;
  /** "CO", or "US-NY" (a region-specific script wins over the country one). */
  jurisdiction: string;
  language: 'es' | 'en';
}

/**
 * The best script for an account: creditor-specific beats "*", segment-specific beats "*", region beats country,
 * the debtor's language first (any language if none fits), then the highest version.
 */
export function selectScript(scripts: readonly Script[], c: ScriptCriteria): Script | null {
  const country = c.jurisdiction.slice(0, 2);
  const fits = scripts.filter(
    (s) =>
      (s.creditorId === c.creditorId || s.creditorId === '*') &&
      (s.segment === c.segment || s.segment === '*') &&
      (s.jurisdiction === c.jurisdiction || s.jurisdiction === country),
  );
  const score = (s: Script) =>
    (s.language === c.language ? 8 : 0) + (s.creditorId === c.creditorId ? 4 : 0) + (s.segment === c.segment ? 2 : 0) + (s.jurisdiction === c.jurisdiction && c.jurisdiction !== country ? 1 : 0);
  let best: Script | null = null;
  for (const s of fits) {
    if (!best || score(s) > score(best) || (score(s) === score(best) && s.version > best.version)) best = s;
  }
  return best;
}

export type LoadResult = { ok: true; script: Script } | { ok: false; issues: ScriptIssue[]; kept: Script | null };

/**
 * Holds the last good version of each script. A file that fails validation is refused with its issues and the
 * previous good version stays in use; an older or equal version number than the one held is refused too.
 */
export class ScriptRegistry {
  private readonly byId = new Map<string, Script>();

  load(input: unknown): LoadResult {
    const r = parseScript(input);
    if (!r.ok) {
      const id = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : null;
      return { ok: false, issues: r.issues, kept: id ? (this.byId.get(id) ?? null) : null };
    }
    const held = this.byId.get(r.script.id);
    if (held && r.script.version <= held.version) {
      return {
        ok: false,
        issues: [{ path: 'version', code: 'script.version_not_newer', params: { version: r.script.version, current: held.version }, message: scriptIssueMessage('version', 'script.version_not_newer', { version: r.script.version, current: held.version }) }],
        kept: held,
      };
    }
    this.byId.set(r.script.id, r.script);
    return { ok: true, script: r.script };
  }

  get(id: string): Script | null {
    return this.byId.get(id) ?? null;
  }

  all(): Script[] {
    return [...this.byId.values()];
  }

  select(c: ScriptCriteria): Script | null {
    return selectScript(this.all(), c);
  }
}
