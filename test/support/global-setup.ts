/**
 * Vitest globalSetup: one throwaway PostgreSQL for the whole run. Test files get its URL with
 * `inject('TEST_DATABASE_URL')` and create their own database on it, so files run in parallel.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    TEST_DATABASE_URL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  project.provide('TEST_DATABASE_URL', cluster.url());
  return () => cluster.stop();
}
