/**
 * Example scripts shipped with Recaudo, one per jurisdiction: Colombia, Chile, Mexico, Peru (Spanish) and the
 * United States (English). Creditor and segment "*": the default when a creditor has no script of its own.
 * They are data: each file goes through `parseScript` like any file an admin uploads.
 */
import cl from './cl-general.json' with { type: 'json' };
import co from './co-general.json' with { type: 'json' };
import mx from './mx-general.json' with { type: 'json' };
import pe from './pe-general.json' with { type: 'json' };
import us from './us-general.json' with { type: 'json' };

export const EXAMPLE_SCRIPT_FILES: Readonly<Record<string, unknown>> = {
  'co-general.json': co,
  'cl-general.json': cl,
  'mx-general.json': mx,
  'pe-general.json': pe,
  'us-general.json': us,
};
