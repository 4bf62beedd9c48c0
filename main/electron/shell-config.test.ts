import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SHELL_CONFIG, ShellConfigError, loadShellConfig, machineConfigPath, updateFeedUrl } from './shell-config';

let dir: string;
let paths: { userFile: string; machineFile: string };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recaudo-cfg-'));
  paths = { userFile: join(dir, 'user.json'), machineFile: join(dir, 'machine.json') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ShellConfigError) return `${err.file.endsWith('user.json') ? 'user' : 'machine'}:${err.field}`;
    throw err;
  }
  throw new Error('expected a ShellConfigError');
};

describe('shell config', () => {
  it('uses the defaults when no file exists', () => {
    expect(loadShellConfig(paths)).toEqual(DEFAULT_SHELL_CONFIG);
  });

  it('lets the machine-wide file (IT) override the user file', () => {
    writeFileSync(paths.userFile, JSON.stringify({ serverUrl: 'https://mine.example.com', externalLinkHosts: ['anything.example.com'] }));
    writeFileSync(paths.machineFile, JSON.stringify({ serverUrl: 'https://cobranzas.example.com', updateCheckHours: 2 }));
    const cfg = loadShellConfig(paths);
    expect(cfg.serverUrl).toBe('https://cobranzas.example.com');
    expect(cfg.updateCheckHours).toBe(2);
    expect(cfg.externalLinkHosts).toEqual(['anything.example.com']);
  });

  it('names the file and the field of a bad value', () => {
    writeFileSync(paths.machineFile, JSON.stringify({ pbxWebSocketUrls: ['wss://ok.example.com', 'http://pbx.example.com'] }));
    expect(fieldOf(() => loadShellConfig(paths))).toBe('machine:pbxWebSocketUrls.1');
    writeFileSync(paths.machineFile, '{ "serverUrl": ');
    expect(fieldOf(() => loadShellConfig(paths))).toBe('machine:(json)');
    writeFileSync(paths.machineFile, '{}');
    writeFileSync(paths.userFile, JSON.stringify({ serverURL: 'https://typo.example.com' }));
    expect(fieldOf(() => loadShellConfig(paths))).toBe('user:serverURL');
    writeFileSync(paths.userFile, JSON.stringify({ updateCheckHours: 0.1 }));
    expect(fieldOf(() => loadShellConfig(paths))).toBe('user:updateCheckHours');
    writeFileSync(paths.userFile, JSON.stringify({ externalLinkHosts: ['https://not-a-host/'] }));
    expect(fieldOf(() => loadShellConfig(paths))).toBe('user:externalLinkHosts.0');
  });

  it('derives the update feed from the server unless IT sets one', () => {
    expect(updateFeedUrl({ ...DEFAULT_SHELL_CONFIG, serverUrl: 'https://cobranzas.example.com' })).toBe('https://cobranzas.example.com/updates/');
    expect(updateFeedUrl({ ...DEFAULT_SHELL_CONFIG, serverUrl: 'https://x.example.com/recaudo/' })).toBe('https://x.example.com/recaudo/updates/');
    expect(updateFeedUrl({ ...DEFAULT_SHELL_CONFIG, updateFeedUrl: 'https://cdn.example.com/recaudo/' })).toBe('https://cdn.example.com/recaudo/');
  });

  it('puts the machine-wide file where IT tools expect it', () => {
    expect(machineConfigPath('win32', { ProgramData: 'D:\\PD' })).toMatch(/D:\\PD.Recaudo.recaudo\.json$/);
    expect(machineConfigPath('darwin', {})).toBe('/Library/Application Support/Recaudo/recaudo.json');
    expect(machineConfigPath('linux', {})).toBe('/etc/recaudo/recaudo.json');
  });
});
