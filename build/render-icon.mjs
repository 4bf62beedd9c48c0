// Renders the app's icons with Debian's Chromium: `node build/render-icon.mjs`. Re-run after editing an SVG and
// commit what it writes:
// - build/icon.svg → build/icon.png (1024×1024, what electron-builder wants for .ico/.icns);
// - build/favicon.svg → renderer/public/favicon-32.png and favicon-64.png, the page's icons. The page links no SVG
//   icon: Chromium rasterizes a page's SVG icon at 512×512 for the media session each time the ring starts (a
//   1 MB bitmap, ~25 ms of the browser's main thread per ring, in the middle of the screen-pop; docs/screen-pop.md).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const renders = [
  { svg: 'icon.svg', px: 1024, out: join(dir, 'icon.png') },
  { svg: 'favicon.svg', px: 32, out: join(dir, '..', 'renderer', 'public', 'favicon-32.png') },
  { svg: 'favicon.svg', px: 64, out: join(dir, '..', 'renderer', 'public', 'favicon-64.png') },
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const r of renders) {
    const svg = readFileSync(join(dir, r.svg), 'utf8');
    const page = await browser.newPage({ viewport: { width: r.px, height: r.px } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').evaluate((el, px) => { el.setAttribute('width', String(px)); el.setAttribute('height', String(px)); }, r.px);
    await page.locator('svg').screenshot({ path: r.out, omitBackground: true });
    await page.close();
    console.log(`${r.out} written`);
  }
} finally {
  await browser.close();
}
