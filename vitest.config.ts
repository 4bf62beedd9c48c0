import { defineConfig } from 'vitest/config';

// One runner for unit and integration tests beside the code they prove; e2e lives in test/e2e (Playwright).
export default defineConfig({
  test: {
    include: ['{shared,main,preload,renderer,server,test,scripts,build}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One throwaway PostgreSQL for the run; server and sync tests run against it and against PGlite.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
