import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config';

// The root config plus the shared PostgreSQL of the run, until the root config carries the globalSetup:
// `npx vitest run -c server/vitest.config.ts server`.
export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL('..', import.meta.url)),
    test: { globalSetup: ['test/support/global-setup.ts'] },
  }),
);
