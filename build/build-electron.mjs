// Bundles the Electron shell for packaging:
//   main/electron/main.ts → dist/electron/main.cjs   (Node/CommonJS; npm dependencies stay in node_modules)
//   preload/preload.ts    → dist/electron/preload.cjs (one self-contained CommonJS file: a sandboxed preload
//                                                      can require nothing but `electron`)
//   main/services/negotiation/agenda-worker.ts → dist/electron/agenda-worker.cjs (the follow-up agenda's thread,
//                                                      started by main.cjs)
import { build } from 'esbuild';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'electron');
mkdirSync(out, { recursive: true });
const production = process.env.NODE_ENV !== 'development';

const common = {
  bundle: true,
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'main/electron/main.ts')],
    outfile: join(out, 'main.cjs'),
    platform: 'node',
    // Native code and packages that load files or workers at run time ship as-is in node_modules.
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'electron-updater', 'pino', 'thread-stream'],
  }),
  build({
    ...common,
    entryPoints: [join(root, 'main/services/negotiation/agenda-worker.ts')],
    outfile: join(out, 'agenda-worker.cjs'),
    platform: 'node',
    external: ['better-sqlite3-multiple-ciphers'],
  }),
  build({
    ...common,
    entryPoints: [join(root, 'preload/preload.ts')],
    outfile: join(out, 'preload.cjs'),
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
  }),
]);

for (const f of ['main.cjs', 'agenda-worker.cjs', 'preload.cjs']) {
  console.log(`build-electron: dist/electron/${f} ${(statSync(join(out, f)).size / 1024).toFixed(1)} KiB`);
}
