/**
 * Call scripts: versioned data, validated at load, run by a pure state machine.
 *
 * - Format: `ScriptSchema` (zod, strict) — steps (say, question, verification, disclosure, reason, offers,
 *   promise, callback, third_party, end), disclosures, objection cards, placeholders (`PLACEHOLDERS`). docs/scripts.md.
 * - `parseScript(jsonOrObject)` → `{ ok, script }` | `{ ok: false, issues: [{ path, code, params, message }] }`:
 *   refuses unknown fields, dangling branches, unreachable steps, debt details before right-party verification
 *   or on a third-party path, offers reachable without a mandatory disclosure. es/en texts: `scriptMessages`.
 * - `ScriptRegistry`: keeps the last good version when a new file is refused; `selectScript` picks the best
 *   script for creditor/segment/jurisdiction/language.
 * - Runner (pure, immutable state): `startRun`, `answer`, `verify`, `tickDisclosure`, `setReason`, `setPromise`,
 *   `setCallback`, `next`, `useObjection`, `back`; `view` (filled wording, blockers, speakable details),
 *   `reached` (for dispositions), `contactRecord` (script id+version, disclosures read, path).
 * - `lintWording(script)`: warnings for accusing or threatening wording (not errors); `scriptJsonSchema()` for editors.
 * - `loadExampleScripts()`: the shipped examples (CO, CL, MX, PE in Spanish; US in English).
 */
import { EXAMPLE_SCRIPT_FILES } from './library';
import { ScriptRegistry } from './registry';

export * from './schema';
export * from './validate';
export * from './runner';
export * from './registry';
export * from './messages';
export { lintWording } from './wording';
export { restrictedSteps } from './graph';
export { EXAMPLE_SCRIPT_FILES } from './library';

/** A registry with every shipped example loaded; throws if one is invalid (a test guards it). */
export function loadExampleScripts(): ScriptRegistry {
  const reg = new ScriptRegistry();
  for (const [file, json] of Object.entries(EXAMPLE_SCRIPT_FILES)) {
    const r = reg.load(json);
    if (!r.ok) throw new Error(`${file}: ${r.issues.map((i) => i.message).join('; ')}`);
  }
  return reg;
}
