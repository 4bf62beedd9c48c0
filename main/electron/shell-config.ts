/**
 * The shell's own configuration: where the central server and the PBX are (for the CSP and the desk), where
 * updates come from, which external sites links may open. IT deploys it machine-wide; a per-user file is the
 * fallback for a single workstation. Machine-wide keys win so an agent cannot loosen what IT set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/ });
const wsUrl = z.url({ protocol: /^wss?$/ });
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a host name such as help.example.com or *.example.com');

export const ShellConfig = z
  .object({
    serverUrl: httpUrl,
    /** The PBX's SIP-over-WebSocket URLs the softphone may connect to (CSP connect-src). */
    pbxWebSocketUrls: z.array(wsUrl).max(16),
    /** electron-updater generic feed; defaults to `<serverUrl>/updates/`. */
    updateFeedUrl: httpUrl.optional(),
    updateCheckHours: z.number().min(1).max(24),
    autoUpdate: z.boolean(),
    /** https links to these hosts open in the OS browser; everything else is not opened at all. */
    externalLinkHosts: z.array(hostName).max(64),
  })
  .strict();
export type ShellConfig = z.infer<typeof ShellConfig>;

export const DEFAULT_SHELL_CONFIG: ShellConfig = {
  serverUrl: 'http://127.0.0.1:8787',
  pbxWebSocketUrls: [],
  updateCheckHours: 4,
  autoUpdate: true,
  externalLinkHosts: [],
};

export const CONFIG_FILE_NAME = 'recaudo.json';

/** Where IT puts the machine-wide file on each OS. */
export function machineConfigPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Recaudo', CONFIG_FILE_NAME);
  if (platform === 'darwin') return join('/Library/Application Support/Recaudo', CONFIG_FILE_NAME);
  return join('/etc/recaudo', CONFIG_FILE_NAME);
}

export class ShellConfigError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field}: ${reason}`);
    this.name = 'ShellConfigError';
  }
}

const Partial = ShellConfig.partial().strict();

function readLayer(file: string): Partial<ShellConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ShellConfigError(file, '(file)', (err as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ShellConfigError(file, '(json)', (err as Error).message);
  }
  const parsed = Partial.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(root)');
    throw new ShellConfigError(file, field, issue.message);
  }
  return parsed.data;
}

/** defaults ← user file ← machine file. Throws ShellConfigError naming the file and field on bad input. */
export function loadShellConfig(paths: { userFile: string; machineFile: string }): ShellConfig {
  return ShellConfig.parse({ ...DEFAULT_SHELL_CONFIG, ...readLayer(paths.userFile), ...readLayer(paths.machineFile) });
}

export function updateFeedUrl(config: ShellConfig): string {
  return config.updateFeedUrl ?? new URL('updates/', config.serverUrl.endsWith('/') ? config.serverUrl : `${config.serverUrl}/`).href;
}
