/**
 * Which environment each file runs in, and what it may import. The rule VS Code enforces with its
 * code-layering lint, in one table: shared/ is pure; renderer/ is browser-only; main/services and the browser
 * host are Node-only; only main/electron and preload/ touch `electron`.
 */
import { builtinModules } from 'node:module';

export type Layer = 'shared' | 'renderer' | 'preload' | 'electron-main' | 'node-main' | 'server' | 'test' | 'scripts' | 'build';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Pure packages shared/ may use: no I/O, no globals of a particular runtime. */
const PURE_PACKAGES = ['zod', 'luxon', 'date-holidays', 'libphonenumber-js', '@noble/hashes'];
const TEST_PACKAGES = ['vitest', 'fast-check', '@playwright/test'];

export function layerOf(file: string): Layer | null {
  const f = file.replaceAll('\\', '/');
  // Build configs run in Node whatever folder they configure.
  if (/(^|\/)[\w.-]+\.config\.[cm]?ts$/.test(f)) return 'build';
  if (f.startsWith('shared/')) return 'shared';
  if (f.startsWith('renderer/')) return 'renderer';
  if (f.startsWith('preload/')) return 'preload';
  if (f.startsWith('main/electron/')) return 'electron-main';
  if (f.startsWith('main/')) return 'node-main';
  if (f.startsWith('server/')) return 'server';
  if (f.startsWith('test/')) return 'test';
  if (f.startsWith('scripts/')) return 'scripts';
  if (f.startsWith('build/')) return 'build';
  return null;
}

/** Layers a file of `layer` may import from (relative imports resolved to repo paths). */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  preload: ['preload', 'shared'],
  'electron-main': ['electron-main', 'node-main', 'shared'],
  'node-main': ['node-main', 'shared', 'server'],
  server: ['server', 'shared'],
  test: ['test', 'shared', 'server', 'node-main', 'renderer', 'scripts', 'electron-main', 'preload'],
  scripts: ['scripts', 'shared', 'server', 'node-main'],
  build: ['build'],
};

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Returns why `spec` may not be imported from `file` (repo-relative, with `resolved` for relative specs). */
export function importViolation(file: string, spec: string, resolved: string | null): string | null {
  const layer = layerOf(file);
  if (!layer) return null;
  // Tests and their helpers (a `testing/` folder) keep their folder's environment but may use test support.
  const isTest = /\.(test|spec)\.tsx?$/.test(file) || /(^|\/)testing\//.test(file);
  // main/browser-host serves the renderer and may not be confused with electron-main; the node-main layer covers it.
  if (resolved !== null) {
    const target = layerOf(resolved);
    if (!target) return null;
    if (layer === 'node-main' && target === 'server' && !isTest && !file.startsWith('main/browser-host/')) {
      return `${file}: main/services must reach the server over HTTP, not import ${resolved}`;
    }
    // The demo (`npm start`) runs the same Kamailio as the tests: the browser host's CLI may start it.
    if (file === 'main/browser-host/cli.ts' && resolved.startsWith('test/pbx/')) return null;
    const testMay = TEST_LAYERS_FOR[layer] ?? ['test'];
    if (!MAY_IMPORT[layer].includes(target) && !(isTest && testMay.includes(target))) {
      return `${file}: a ${layer} file may not import ${resolved} (${target})`;
    }
    return null;
  }
  const pkg = packageName(spec);
  if (pkg === 'electron' && layer !== 'electron-main' && layer !== 'preload' && !(isTest && (layer === 'test'))) {
    return `${file}: only main/electron and preload may import electron`;
  }
  const builtin = NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg);
  if (builtin && (layer === 'shared' || layer === 'renderer' || layer === 'preload')) {
    if (isTest && layer !== 'preload') return null;
    return `${file}: a ${layer} file may not import the Node module ${spec}`;
  }
  if (layer === 'shared' && !builtin) {
    if (PURE_PACKAGES.includes(pkg)) return null;
    if (isTest && TEST_PACKAGES.includes(pkg)) return null;
    return `${file}: shared/ is pure; ${pkg} is not on its list of pure packages`;
  }
  return null;
}

const TEST_LAYERS_FOR: Partial<Record<Layer, Layer[]>> = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
};

const IMPORT_RE = /(?:^|[^.\w])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^.\w])import\s+['"]([^'"]+)['"]|(?:^|[^.\w])require\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (spec) out.push(spec);
  }
  return out;
}

const FOCUS_RE = /\b(?:it|test|describe)\.(?:only|skip|todo)\s*\(|\b(?:xit|xdescribe|fit|fdescribe)\s*\(/;
export function focusOrSkipViolation(file: string, source: string): string | null {
  if (!/\.(test|spec)\.tsx?$/.test(file)) return null;
  const line = source.split('\n').findIndex((l) => FOCUS_RE.test(l));
  return line >= 0 ? `${file}:${line + 1}: focused, skipped or todo test` : null;
}
