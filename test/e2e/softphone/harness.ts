/**
 * Softphone e2e harness: builds the test page (Vite), serves it on loopback, generates pure-tone WAVs and launches
 * one Chromium process per party, each with its own fake microphone, registered to the test Kamailio.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { PhoneSettings } from '../../../renderer/softphone/types';
import type { KamailioHandle } from '../../pbx/kamailio';

const here = fileURLToPath(new URL('.', import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** 16-bit mono PCM WAV of a pure tone; a whole number of cycles so Chromium's loop does not click. */
export function toneWav(freq: number, seconds = 4, sampleRate = 48_000, amplitude = 0.5): Buffer {
  const n = Math.round(seconds * freq) * Math.round(sampleRate / freq) > 0 ? Math.round(seconds * sampleRate) : 0;
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    data.writeInt16LE(Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * freq * i) / sampleRate)), i * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

export async function buildTestPage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  process.env.SOFTPHONE_PAGE_OUT = outDir;
  await build({ configFile: join(repoRoot, 'test/softphone/vite.config.ts'), logLevel: 'warn' });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export function servePage(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      ok({ url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

export interface Party {
  name: string;
  user: string;
  freq: number;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export const TONES = { agent: 440, debtor: 1200, third: 2000 } as const;

/** One Chromium process with its own profile and its own fake microphone playing a pure tone. */
export async function launchChromium(opts: { name: string; freq: number; workDir: string; extraArgs?: string[] }): Promise<{
  context: BrowserContext;
  page: Page;
  /** This Chromium's --user-data-dir (on its command line, so its processes can be found). */
  profileDir: string;
  close(): Promise<void>;
}> {
  const wav = join(opts.workDir, `${opts.name}-${opts.freq}.wav`);
  if (!existsSync(wav)) writeFileSync(wav, toneWav(opts.freq));
  const profile = mkdtempSync(join(tmpdir(), `recaudo-chromium-${opts.name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
      ...(opts.extraArgs ?? []),
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error(`[${opts.name}] pageerror`, e.message));
  return {
    context,
    page,
    profileDir: profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchParty(opts: {
  name: string;
  user: string;
  freq: number;
  pbx: KamailioHandle;
  pageUrl: string;
  workDir: string;
  settings?: Partial<PhoneSettings>;
  extraArgs?: string[];
}): Promise<Party> {
  const { context, page, close } = await launchChromium(opts);
  await page.goto(opts.pageUrl);
  await page.waitForFunction(() => typeof window.t !== 'undefined');
  const settings: PhoneSettings = {
    wsUrl: opts.pbx.wsUrl,
    sipUri: `sip:${opts.user}@${opts.pbx.domain}`,
    password: opts.pbx.users[opts.user]!,
    displayName: opts.name,
    // Pure tones must reach the far end unaltered: no noise suppression/AGC on the fake mic.
    audioProcessing: false,
    reconnectMinSec: 1,
    reconnectMaxSec: 4,
    ...opts.settings,
  };
  await page.evaluate((s) => window.t.start(s), settings);
  await page.waitForFunction(() => window.t.state().registration.kind === 'registered', undefined, { timeout: 15_000 });
  return {
    name: opts.name,
    user: opts.user,
    freq: opts.freq,
    context,
    page,
    async close() {
      await page.evaluate(() => window.t.stop()).catch(() => undefined);
      await close();
    },
  };
}

export function makeWorkDir(): string {
  const d = join(tmpdir(), `recaudo-softphone-e2e-${process.pid}`);
  mkdirSync(d, { recursive: true });
  return d;
}
