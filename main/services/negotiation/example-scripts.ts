/**
 * The shipped example scripts for the desk. The JSON files are imported with their import attribute so every
 * Node loader the desk runs under (tsx, Playwright's, the esbuild bundle) reads them; shared/scripts' own index
 * imports them bare, which only bundlers accept.
 */
import cl from '../../../shared/scripts/library/cl-general.json' with { type: 'json' };
import co from '../../../shared/scripts/library/co-general.json' with { type: 'json' };
import mx from '../../../shared/scripts/library/mx-general.json' with { type: 'json' };
import pe from '../../../shared/scripts/library/pe-general.json' with { type: 'json' };
import us from '../../../shared/scripts/library/us-general.json' with { type: 'json' };
import { ScriptRegistry } from '../../../shared/scripts/registry';

export const DESK_EXAMPLE_SCRIPTS: Readonly<Record<string, unknown>> = {
  'co-general.json': co, 'cl-general.json': cl, 'mx-general.json': mx, 'pe-general.json': pe, 'us-general.json': us,
};

export function loadDeskExamples(): ScriptRegistry {
  const reg = new ScriptRegistry();
  for (const [file, json] of Object.entries(DESK_EXAMPLE_SCRIPTS)) {
    const r = reg.load(json);
    if (!r.ok) throw new Error(`${file}: ${r.issues.map((i) => i.message).join('; ')}`);
  }
  return reg;
}
