/**
 * electron-builder cannot package for Windows/macOS here, so the installer configuration is checked the way
 * electron-builder itself would load it (its own loader and JSON schema), plus the keys security depends on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_USER_MODEL_ID } from './shell';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's Configuration, read as data
let config: any;

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('identifies the app as the shell does (Windows taskbar grouping, single instance)', () => {
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    expect(config.productName).toBe('Recaudo');
  });

  it('ships only the built app inside an integrity-checked asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([{ filter: ['dist/**', '!dist/**/*.map', 'package.json'] }]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('publishes to a generic feed whose URL is configured, not hard-coded', () => {
    expect(config.publish).toMatchObject({ provider: 'generic', url: '${env.RECAUDO_UPDATE_URL}' });
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
  });

  it('builds an NSIS installer that can install per machine and never deletes unsynced data', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true, deleteAppDataOnUninstall: false });
  });

  it('builds DMG + zip for macOS with the hardened runtime and a microphone-only entitlement', () => {
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/micrófono.*microphone/);
    const plist = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.device.audio-input');
    for (const risky of ['device.camera', 'allow-unsigned-executable-memory', 'disable-library-validation', 'allow-dyld-environment-variables']) {
      expect(plist).not.toContain(risky);
    }
    for (const [lang, word] of [['es', 'micrófono'], ['en', 'microphone']] as const) {
      const strings = readFileSync(join(root, 'build', 'mac', `${lang}.lproj`, 'InfoPlist.strings'), 'utf8');
      expect(strings).toMatch(new RegExp(`"NSMicrophoneUsageDescription" = ".*${word}.*";`));
    }
  });
});
