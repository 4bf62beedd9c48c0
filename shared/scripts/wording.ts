import { scriptIssueMessage } from './messages';
import type { Script } from './schema';
import type { ScriptIssue } from './validate';

/**
 * Phrases that accuse, shame or threaten. Collection wording states facts and offers help ("Notamos que su pago
 * está pendiente, ¿cómo podemos ayudarle?"), it never blames ("Usted no ha pagado") nor threatens. These are
 * warnings, not errors: a legal-stage script may need to name a lawsuit, and a reviewer decides.
 */
const PHRASES: Record<'es' | 'en', string[]> = {
  es: ['no ha pagado', 'no pagó', 'no quiere pagar', 'moroso', 'morosa', 'incumplido', 'incumplida', 'irresponsable', 'embargo', 'embargar', 'demanda', 'demandar', 'cárcel', 'lista negra', 'su culpa', 'debe pagar ya'],
  en: ["haven't paid", 'have not paid', 'failed to pay', 'refuse to pay', 'deadbeat', 'delinquent', 'irresponsible', 'lawsuit', 'sue you', 'garnish', 'arrest', 'jail', 'your fault', 'pay now or'],
};

function normalize(text: string): string {
  return text.toLowerCase().replace(/[’]/g, "'");
}

/** Wording warnings (`script.accusatory_wording`) with the JSON path of each text that contains a phrase. */
export function lintWording(script: Script): ScriptIssue[] {
  const phrases = PHRASES[script.language];
  const out: ScriptIssue[] = [];
  const check = (path: string, text: string | undefined) => {
    if (!text) return;
    const t = normalize(text);
    for (const phrase of phrases) {
      if (t.includes(phrase)) {
        const params = { phrase };
        out.push({ path, code: 'script.accusatory_wording', params, message: scriptIssueMessage(path, 'script.accusatory_wording', params) });
      }
    }
  };
  script.steps.forEach((s, i) => {
    check(`steps.${i}.say`, s.say);
    if ('answers' in s) s.answers.forEach((a, j) => check(`steps.${i}.answers.${j}.label`, a.label));
    if (s.type === 'verification') s.checks.forEach((c, j) => check(`steps.${i}.checks.${j}.prompt`, c.prompt));
  });
  script.disclosures.forEach((d, i) => check(`disclosures.${i}.text`, d.text));
  script.objections.forEach((o, i) => check(`objections.${i}.response`, o.response));
  return out;
}
