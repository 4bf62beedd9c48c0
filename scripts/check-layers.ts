/** `npm run check` step: fails when a file imports across environments the wrong way, or a test is skipped. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { focusOrSkipViolation, importViolation, importsOf } from './layers';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIRS = ['shared', 'renderer', 'preload', 'main', 'server', 'test', 'scripts', 'build'];

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

const problems: string[] = [];
let files = 0;
for (const d of DIRS) {
  let exists = true;
  try { statSync(join(root, d)); } catch { exists = false; }
  if (!exists) continue;
  for (const abs of walk(join(root, d))) {
    files++;
    const file = relative(root, abs).replaceAll('\\', '/');
    const source = readFileSync(abs, 'utf8');
    for (const spec of importsOf(source)) {
      const resolved = spec.startsWith('.') ? relative(root, normalize(join(dirname(abs), spec))).replaceAll('\\', '/') : null;
      const v = importViolation(file, spec, resolved);
      if (v) problems.push(v);
    }
    const f = focusOrSkipViolation(file, source);
    if (f) problems.push(f);
  }
}
if (problems.length > 0) {
  console.error(`check-layers: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`check-layers: ${files} files, environments respected`);
