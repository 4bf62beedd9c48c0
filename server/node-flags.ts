/**
 * V8 flags the central server runs with (`npm run server`; the import bench starts its server child with the same
 * flags, so its figures are the shipped configuration's). Each one trims the peak memory of a streaming
 * 1,000,000-row import (docs/import.md, goal ≤300 MB):
 * - `--max-semi-space-size=4`: a 4 MB young generation. The import's garbage is short-lived batches, collected
 *   sooner by a smaller nursery: ~316 → ~274 MB on PostgreSQL.
 * - `--heap-growing-percent=25`: the old generation may grow 25 % past what survived the last full collection
 *   before the next one, instead of V8's adaptive factor (up to 4×). The server keeps little between requests, so
 *   the rest of an import's growth was garbage waiting for a late collection: peak ~260 → ~155 MB on PostgreSQL
 *   (200,000 rows), with no measured loss of speed.
 * - `--no-liftoff`: the embedded database (PGlite, WebAssembly) compiled by the optimizing tier only, not first by
 *   the baseline one and then again: ~40 MB less code, ~1.5 s more to open the database at start.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=25', '--no-liftoff'] as const;

/** The flags a server process was started without (`process.execArgv`): its memory figures are not the shipped ones. */
export function missingServerFlags(execArgv: readonly string[]): string[] {
  return SERVER_NODE_FLAGS.filter((f) => !execArgv.includes(f));
}
