import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config';

const SETUP = 'test/support/global-setup.ts';
const wired = [base.test?.globalSetup ?? []].flat().includes(SETUP);

// The root config plus the shared PostgreSQL of the run, until the root config carries the globalSetup:
// `npx vitest run -c server/vitest.config.ts server`. Once it does, this file adds nothing.
export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL('..', import.meta.url)),
    test: wired ? {} : { globalSetup: [SETUP] },
  }),
);
