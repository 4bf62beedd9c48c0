import type { z } from 'zod';
import { DISPOSITION_CODES } from '../negotiation/dispositions';
import { mayAskReason } from '../negotiation/reasons';
import { edgesOf, reachable, restrictedSteps } from './graph';
import { scriptIssueMessage } from './messages';
import { PLACEHOLDER_PATTERN, PLACEHOLDERS, ScriptSchema, type Script, type Step } from './schema';

/** One problem in a script file: where (JSON path, dotted), what (i18n code + params) and an English sentence. */
export interface ScriptIssue {
  path: string;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export type ParseScriptResult = { ok: true; script: Script } | { ok: false; issues: ScriptIssue[] };

function issue(path: string, code: string, params: Record<string, string | number> = {}): ScriptIssue {
  return { path, code, params, message: scriptIssueMessage(path, code, params) };
}

function fromZod(error: z.ZodError): ScriptIssue[] {
  const out: ScriptIssue[] = [];
  for (const i of error.issues) {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) out.push(issue(path ? `${path}.${k}` : k, 'script.unknown_field', { field: k }));
    } else if (i.message.startsWith('script.')) {
      out.push(issue(path || '(root)', i.message));
    } else if (i.code === 'invalid_union' && i.path.length >= 2 && i.path[0] === 'steps') {
      out.push(issue(path.endsWith('.type') ? path : `${path}.type`, 'script.unknown_step_type', { reason: i.message }));
    } else {
      out.push(issue(path || '(root)', 'script.invalid_value', { reason: i.message }));
    }
  }
  return out;
}

const STEP_TEXT_FIELDS = ['title', 'say', 'hint'] as const;

/** Every piece of wording in a step, with its path inside the step. */
function textsOf(step: Step): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const f of STEP_TEXT_FIELDS) {
    const t = (step as Record<string, unknown>)[f];
    if (typeof t === 'string') out.push([f, t]);
  }
  if ('answers' in step) step.answers.forEach((a, i) => out.push([`answers.${i}.label`, a.label]));
  if (step.type === 'verification') step.checks.forEach((c, i) => out.push([`checks.${i}.prompt`, c.prompt]));
  return out;
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] as string);
}

/**
 * Parses and validates a script (an object or JSON text). Beyond the schema it refuses: duplicate ids, a branch
 * to a step that does not exist, an unreachable step, unknown placeholders and disclosures, debt details or
 * account steps reachable without right-party verification (or from a third-party step), offers reachable
 * without reading a mandatory disclosure, asking for the reason where the law forbids it, and no reachable end.
 */
export function parseScript(input: unknown): ParseScriptResult {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      return { ok: false, issues: [issue('(root)', 'script.invalid_json', { reason: e instanceof Error ? e.message : String(e) })] };
    }
  }
  const parsed = ScriptSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error) };
  const script = parsed.data;
  const issues: ScriptIssue[] = [];

  // Unique ids.
  const stepIndex = new Map<string, number>();
  script.steps.forEach((s, i) => {
    if (stepIndex.has(s.id)) issues.push(issue(`steps.${i}.id`, 'script.duplicate_id', { id: s.id }));
    else stepIndex.set(s.id, i);
    if ('answers' in s) {
      const seen = new Set<string>();
      s.answers.forEach((a, j) => {
        if (seen.has(a.id)) issues.push(issue(`steps.${i}.answers.${j}.id`, 'script.duplicate_id', { id: a.id }));
        seen.add(a.id);
      });
    }
  });
  const disclosureIds = new Set<string>();
  script.disclosures.forEach((d, i) => {
    if (disclosureIds.has(d.id)) issues.push(issue(`disclosures.${i}.id`, 'script.duplicate_id', { id: d.id }));
    disclosureIds.add(d.id);
  });
  const objectionIds = new Set<string>();
  script.objections.forEach((o, i) => {
    if (objectionIds.has(o.id)) issues.push(issue(`objections.${i}.id`, 'script.duplicate_id', { id: o.id }));
    objectionIds.add(o.id);
  });

  // Dangling branches.
  if (!stepIndex.has(script.start)) issues.push(issue('start', 'script.dangling_branch', { target: script.start }));
  script.steps.forEach((s, i) => {
    for (const e of edgesOf(s)) {
      if (!stepIndex.has(e.to)) issues.push(issue(`steps.${i}.${e.path}`, 'script.dangling_branch', { target: e.to }));
    }
  });
  script.objections.forEach((o, i) => {
    if (o.goTo !== undefined && !stepIndex.has(o.goTo)) issues.push(issue(`objections.${i}.goTo`, 'script.dangling_branch', { target: o.goTo }));
  });
  if (issues.length > 0) return { ok: false, issues };

  // Reachability (objection jumps count: an agent can take them from any step).
  const jumpTargets = script.objections.flatMap((o) => (o.goTo ? [o.goTo] : []));
  const reach = reachable(script, [script.start, ...jumpTargets], { crossVerified: true });
  script.steps.forEach((s, i) => {
    if (!reach.has(s.id)) issues.push(issue(`steps.${i}`, 'script.unreachable_step', { id: s.id }));
  });
  if (!script.steps.some((s) => s.type === 'end' && reach.has(s.id))) issues.push(issue('steps', 'script.no_end_reachable'));

  // Wording: known placeholders only; nothing about the debt where the person is not verified.
  const restricted = restrictedSteps(script);
  const disclosureById = new Map(script.disclosures.map((d) => [d.id, d]));
  script.steps.forEach((s, i) => {
    for (const [field, text] of textsOf(s)) {
      for (const ph of placeholdersIn(text)) {
        const known = PLACEHOLDERS[ph as keyof typeof PLACEHOLDERS];
        if (!known) issues.push(issue(`steps.${i}.${field}`, 'script.unknown_placeholder', { placeholder: ph }));
        else if (known.sensitive && restricted.has(s.id)) {
          issues.push(issue(`steps.${i}.${field}`, 'script.sensitive_before_verification', { placeholder: ph, step: s.id }));
        }
      }
    }
    if (s.type === 'disclosure') {
      s.disclosures.forEach((id, j) => {
        const d = disclosureById.get(id);
        if (!d) issues.push(issue(`steps.${i}.disclosures.${j}`, 'script.unknown_disclosure', { id }));
        else if (d.revealsDebt && restricted.has(s.id)) issues.push(issue(`steps.${i}.disclosures.${j}`, 'script.debt_disclosure_before_verification', { id, step: s.id }));
      });
    }
    if ((s.type === 'offers' || s.type === 'promise' || s.type === 'reason') && restricted.has(s.id)) {
      issues.push(issue(`steps.${i}`, 'script.account_step_before_verification', { id: s.id, type: s.type }));
    }
    if (s.type === 'reason' && s.mode === 'ask' && !mayAskReason(script.jurisdiction.slice(0, 2))) {
      issues.push(issue(`steps.${i}.mode`, 'script.reason_question_not_allowed', { jurisdiction: script.jurisdiction }));
    }
    if (s.type === 'end') {
      s.outcomes.forEach((o, j) => {
        if (!(DISPOSITION_CODES as readonly string[]).includes(o)) issues.push(issue(`steps.${i}.outcomes.${j}`, 'script.unknown_outcome', { outcome: o }));
      });
    }
  });
  script.disclosures.forEach((d, i) => {
    for (const field of ['title', 'text'] as const) {
      for (const ph of placeholdersIn(d[field])) {
        const known = PLACEHOLDERS[ph as keyof typeof PLACEHOLDERS];
        if (!known) issues.push(issue(`disclosures.${i}.${field}`, 'script.unknown_placeholder', { placeholder: ph }));
        else if (known.sensitive && !d.revealsDebt) issues.push(issue(`disclosures.${i}.${field}`, 'script.sensitive_in_neutral_disclosure', { placeholder: ph }));
      }
    }
  });
  script.objections.forEach((o, i) => {
    for (const field of ['trigger', 'response'] as const) {
      for (const ph of placeholdersIn(o[field])) {
        if (!PLACEHOLDERS[ph as keyof typeof PLACEHOLDERS]) issues.push(issue(`objections.${i}.${field}`, 'script.unknown_placeholder', { placeholder: ph }));
      }
    }
  });

  // Mandatory disclosures: read somewhere, and on every path to offers or a promise.
  const account = script.steps.filter((s) => s.type === 'offers' || s.type === 'promise').map((s) => s.id);
  script.disclosures.forEach((d, i) => {
    if (!d.mandatory) return;
    const readers = new Set(script.steps.filter((s) => s.type === 'disclosure' && s.disclosures.includes(d.id)).map((s) => s.id));
    if (readers.size === 0) {
      issues.push(issue(`disclosures.${i}`, 'script.disclosure_never_read', { id: d.id }));
      return;
    }
    const without = reachable(script, [script.start], { crossVerified: true, blocked: readers });
    const skipped = account.find((id) => without.has(id));
    if (skipped) issues.push(issue(`disclosures.${i}`, 'script.offers_before_disclosure', { id: d.id, step: skipped }));
  });

  return issues.length > 0 ? { ok: false, issues } : { ok: true, script };
}
