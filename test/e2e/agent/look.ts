/**
 * A quick look at the agent screen while building it: central server (PGlite in memory, demo portfolio) +
 * desk services + browser host + Chromium, screenshots to a folder. Not a test; the spec is
 * agent-screen.spec.ts. Run: npx vite build --config renderer/vite.config.ts && npx tsx test/e2e/agent/look.ts [outDir]
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startServer } from '../../../server/start';
import { openDesk } from '../../../main/services/desk';
import { keyFileProvider } from '../../../main/services/store/key-file';
import { startBrowserHost } from '../../../main/browser-host/host';
import { chromiumArgs } from '../playwright.config';

const out = resolve(process.argv[2] ?? '/tmp/recaudo-look');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'recaudo-look-'));

const server = await startServer({ demo: { seed: 7, debtors: 400 } });
const desk = openDesk({ userDataDir: dir, keyProvider: keyFileProvider(dir), serverUrl: server.url, log: () => {} });
const host = await startBrowserHost({
  desk: { dispatch: desk.dispatch, onEvent: (l) => desk.events.onAny(l) },
  rendererDir: resolve('dist/renderer'),
  connectSrc: [server.url],
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const shots: string[] = [];
async function shot(page: Page, name: string) {
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file });
  shots.push(file);
}
try {
  for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
    const page = await browser.newPage({ viewport: { width: w, height: h }, locale: 'es-CO' });
    page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
    page.on('requestfailed', (r) => console.log('requestfailed:', r.url()));
    page.on('response', (r) => r.status() >= 400 && console.log('http', r.status(), r.url()));
    await page.goto(host.launchUrl());
    await page.waitForTimeout(1500);
    await shot(page, `boot-${w}`);
    if (await page.locator('.desk').count()) {
      await page.getByRole('button', { name: /Salir|Sign out/ }).click();
    }
    await page.getByLabel(/Usuario|Username/).fill('agent1');
    if (w === 1366) {
      await page.getByLabel(/Contraseña|Password/).fill('wrong');
      await page.getByRole('button', { name: /Entrar|Sign in/ }).click();
      await page.getByText(/incorrectos|Wrong/).first().waitFor();
      await shot(page, `login-error-${w}`);
    }
    await page.getByLabel(/Contraseña|Password/).fill('recaudo');
    await page.getByRole('button', { name: /Entrar|Sign in/ }).click();
    await page.locator('.queue-row').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await shot(page, `desk-empty-${w}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('debtor-card').waitFor();
    await shot(page, `desk-card-${w}`);
    await page.keyboard.press('F3');
    const phone = await page.locator('.phone').first().getAttribute('data-e164');
    await page.getByTestId('search-input').fill(phone ? phone.slice(-10).replace(/(\d{3})(\d{3})(\d{4})/, '($1) $2-$3') : 'Ga');
    await page.locator('.hit').first().waitFor();
    await shot(page, `search-${w}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+N');
    await page.keyboard.type('Dice que paga el viernes; llamar después de las 6 pm.');
    await page.keyboard.press('Enter');
    await page.getByText(/Nota guardada|Note saved/).waitFor();
    await page.keyboard.press('Alt+L');
    await page.waitForTimeout(300);
    await shot(page, `desk-en-${w}`);
    await page.keyboard.press('Alt+L');
    await page.close();
  }
  console.log(shots.join('\n'));
} finally {
  await browser.close();
  await host.close();
  desk.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
