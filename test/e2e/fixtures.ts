/**
 * e2e fixtures: a real central server (PGlite, demo portfolio), a real desk behind the browser host (encrypted
 * SQLite in a temp dir) and Debian's Chromium driven by Playwright. One stack per worker; a fresh page per test.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer } from '../../server/start';
import { startDeskHost, type DeskHost, type DeskHostOptions } from '../../main/browser-host/desk-host';

export const DEMO_PASSWORD = 'recaudo';
export const RENDERER_DIR = resolve('dist/renderer');

export interface Stack {
  server: RunningServer;
  desk: DeskHost;
  userDataDir: string;
  /** Restarts the desk (same user-data dir), e.g. after the test killed or closed it. */
  restartDesk(): Promise<DeskHost>;
}

export async function startStack(opts: { debtors?: number; desk?: Partial<DeskHostOptions> } = {}): Promise<Stack> {
  const server = await startServer({ demo: { seed: 'e2e', debtors: opts.debtors ?? 300 } });
  const userDataDir = mkdtempSync(join(tmpdir(), 'recaudo-e2e-desk-'));
  const make = () => startDeskHost({ userDataDir, serverUrl: server.url, rendererDir: RENDERER_DIR, ...opts.desk });
  const stack: Stack = {
    server,
    desk: await make(),
    userDataDir,
    async restartDesk() {
      await stack.desk.close();
      stack.desk = await make();
      return stack.desk;
    },
  };
  return stack;
}

export async function stopStack(stack: Stack): Promise<void> {
  await stack.desk.close();
  await stack.server.close();
  rmSync(stack.userDataDir, { recursive: true, force: true });
}

/** Opens the app with a fresh launch token and logs in through the real login form. */
export async function openAndLogin(page: Page, stack: Stack, username = 'agent1'): Promise<void> {
  // The desk keeps its session across pages (as a desktop app does across windows): start from the login form
  // whatever an earlier test on this worker's stack left behind.
  await stack.desk.desk.dispatch('session.logout', {});
  await page.goto(stack.desk.host.launchUrl());
  await page.getByLabel(/usuario|user/i).fill(username);
  await page.getByLabel(/contraseña|password/i).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /salir|log out/i })).toBeVisible({ timeout: 20_000 });
}

export const test = base.extend<{ stack: Stack }, { workerStack: Stack }>({
  workerStack: [
    async ({}, use) => {
      const stack = await startStack();
      await use(stack);
      await stopStack(stack);
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  stack: async ({ workerStack }, use) => {
    await use(workerStack);
  },
});
export { expect };
