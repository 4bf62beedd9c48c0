import { defineConfig } from '@playwright/test';

/**
 * Softphone e2e: real Kamailio, one Chromium process per party with its own fake microphone tone. Parties and
 * the PBX are worker-scoped, so one worker runs everything in order (the last spec restarts the PBX).
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  retries: 0,
});
