/**
 * When the ring starts, the page's audio joins Chromium's media session, and the media session asks for the
 * page's icon as artwork at up to 512×512. With an SVG icon Chromium drew it at 512×512 and passed a 1 MB bitmap
 * through the browser's main thread, twice per ring (~25 ms of that thread, in the middle of the screen-pop).
 * The page links small raster icons instead (renderer/index.html); this traces the browser while the app's page
 * rings and holds that no media-session message carries such an image.
 */
import type { CDPSession } from '@playwright/test';
import { expect, test } from '../fixtures';

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  args?: { name?: string; chrome_mojo_event_info?: { data_num_bytes?: number; mojo_interface_tag?: string; watcher_notify_interface_tag?: string } };
}

async function traced(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => { events.push(...(e.value as TraceEvent[])); });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'mojom'] }, transferMode: 'ReportEvents' });
  await during();
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

test('a ring draws no large icon for Chromium’s media session', async ({ page, browser, stack }) => {
  await page.goto(stack.desk.host.launchUrl());
  await expect(page.getByLabel(/usuario|user/i)).toBeVisible({ timeout: 20_000 });
  // The ring as the softphone's Ringer plays it: an AudioContext with its oscillators, suspended between rings.
  await page.evaluate(async () => {
    const ctx = new AudioContext();
    const gain = ctx.createGain();
    gain.gain.value = 0.15;
    gain.connect(ctx.destination);
    for (const f of [440, 480]) {
      const o = ctx.createOscillator();
      o.frequency.value = f;
      o.connect(gain);
      o.start();
    }
    await ctx.suspend();
    (window as unknown as { ring: AudioContext }).ring = ctx;
  });
  const cdp = await browser.newBrowserCDPSession();
  const events = await traced(cdp, async () => {
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => (window as unknown as { ring: AudioContext }).ring.resume());
      await page.waitForTimeout(1_200);
      await page.evaluate(() => (window as unknown as { ring: AudioContext }).ring.suspend());
      await page.waitForTimeout(300);
    }
  });
  await cdp.detach();

  const browserMain = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrBrowserMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const mediaSession = events.filter((e) => {
    const info = e.args?.chrome_mojo_event_info;
    const tag = info?.mojo_interface_tag ?? info?.watcher_notify_interface_tag ?? '';
    return browserMain.has(`${e.pid}:${e.tid}`) && tag.startsWith('media_session.');
  });
  // The rings did reach the media session (so the check below is not vacuous)…
  expect(mediaSession.length).toBeGreaterThan(0);
  // …and none of its messages carried an image: the SVG icon's came as 1,048,688 bytes.
  const large = mediaSession.filter((e) => (e.args?.chrome_mojo_event_info?.data_num_bytes ?? 0) >= 64 * 1024);
  expect(large.map((e) => `${e.name} ${e.args?.chrome_mojo_event_info?.mojo_interface_tag} ${e.args?.chrome_mojo_event_info?.data_num_bytes} B`)).toEqual([]);
});
