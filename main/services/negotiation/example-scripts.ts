/** The shipped example scripts (shared/scripts/library), loaded into a registry for the desk. */
import { EXAMPLE_SCRIPT_FILES } from '../../../shared/scripts/library/index';
import { ScriptRegistry } from '../../../shared/scripts/registry';

export const DESK_EXAMPLE_SCRIPTS = EXAMPLE_SCRIPT_FILES;

export function loadDeskExamples(): ScriptRegistry {
  const reg = new ScriptRegistry();
  for (const [file, json] of Object.entries(EXAMPLE_SCRIPT_FILES)) {
    const r = reg.load(json);
    if (!r.ok) throw new Error(`${file}: ${r.issues.map((i) => i.message).join('; ')}`);
  }
  return reg;
}
