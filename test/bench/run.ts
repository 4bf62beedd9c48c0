/**
 * `npm run bench` runs every test/bench/*.bench.ts; `npm run bench -- <id> [<id>…]` runs the modules owning
 * those ids. Each figure prints as `bench: <id> <value> <unit>`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatFigure, type Bench } from './bench';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
let ran = 0;
let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  const bench = mod.default;
  if (wanted.length > 0 && !bench.ids.some((id) => wanted.includes(id))) continue;
  ran++;
  try {
    for (const fig of await bench.run()) {
      if (wanted.length === 0 || wanted.includes(fig.id) || bench.ids.some((id) => wanted.includes(id))) {
        console.log(formatFigure(fig));
      }
    }
  } catch (err) {
    failed++;
    console.error(`bench: ${bench.ids.join(',')} FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
if (wanted.length > 0 && ran === 0) {
  console.error(`bench: no benchmark owns ${wanted.join(', ')}`);
  process.exit(2);
}
process.exit(failed > 0 ? 1 : 0);
