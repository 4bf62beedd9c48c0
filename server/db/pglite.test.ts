import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, PGLITE_SHARED_BUFFERS } from './pglite';

const settings = `select name, setting, unit from pg_settings
  where name in ('shared_buffers', 'search_path', 'max_worker_processes', 'io_method') order by name`;

describe('embedded PostgreSQL settings', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it(`runs with ${PGLITE_SHARED_BUFFERS} of shared buffers and keeps PGlite's own start settings, in memory and on disk, first open and reopen`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recaudo-pglite-settings-'));
    dirs.push(dir);
    const seen: unknown[] = [];
    for (const open of [() => openPglite(), () => openPglite(dir), () => openPglite(dir)]) {
      const db = await open();
      try {
        seen.push(await db.query(settings));
      } finally {
        await db.close();
      }
    }
    // shared_buffers counts 8 kB pages: 32 MB is 4096 of them (PostgreSQL's default, 128 MB, would be 16384).
    const expected = [
      { name: 'io_method', setting: 'sync', unit: null },
      { name: 'max_worker_processes', setting: '0', unit: null },
      { name: 'search_path', setting: 'public', unit: null },
      { name: 'shared_buffers', setting: '4096', unit: '8kB' },
    ];
    expect(seen).toEqual([expected, expected, expected]);
  }, 60_000);
});
