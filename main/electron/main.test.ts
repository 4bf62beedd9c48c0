/**
 * The real entry with the real desk (encrypted SQLite store, contract dispatcher) behind the fake electron:
 * proves the shell's wiring end to end — sealed key → store → IPC → dispatcher → events — short of Chromium.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/api/envelope';
import { SEALED_KEY_FILE } from './key-store';
import { FakeBrowserWindow, fake } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

const dir = mkdtempSync(join(tmpdir(), 'recaudo-main-'));
fake().app.appData = dir;
fake().app.userData = join(dir, 'recaudo');
await import('./main');
await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 20_000 });
const win = FakeBrowserWindow.instances[0]!;
const page = { sender: win.webContents, frame: win.webContents.mainFrame };

afterAll(async () => {
  const quit = { preventDefault() {} };
  fake().app.emit('will-quit', quit);
  await vi.waitFor(() => expect(fake().app.calls).toContain('quit'));
  rmSync(dir, { recursive: true, force: true });
});

describe('Electron entry with the real desk', () => {
  it('keeps its data in the Recaudo folder with a sealed key beside an encrypted store', () => {
    const userData = join(dir, 'Recaudo');
    expect(existsSync(join(userData, SEALED_KEY_FILE))).toBe(true);
    expect(existsSync(join(userData, 'recaudo.db'))).toBe(true);
    // SQLCipher: no plain SQLite header.
    expect(readFileSync(join(userData, 'recaudo.db')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('answers app.info from the desk with the Electron capabilities', async () => {
    const env = (await fake().ipcMain.invoke('app.info', page, {})) as Envelope<{ capabilities: unknown; version: string }>;
    expect(env).toEqual({
      ok: true,
      value: { version: '1.2.3', capabilities: { kind: 'electron', osKeyProtection: true, autoUpdate: false } },
    });
  });

  it('refuses malformed input with the field named, from the real contract', async () => {
    const env = (await fake().ipcMain.invoke('portfolio.search', page, { query: 'x' })) as Envelope;
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { field: 'query' } } });
  });
});
