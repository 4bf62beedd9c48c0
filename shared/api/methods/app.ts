import { z } from 'zod';
import { method } from '../define';
import { Language } from '../../domain/codes';
import { SyncStatus } from '../events';

/** What the host can do; features ask this instead of checking which shell they run in. */
export const HostCapabilities = z.object({
  kind: z.enum(['electron', 'browser']),
  /** The DB key is protected by the OS keychain (safeStorage) rather than a 0600 key file. */
  osKeyProtection: z.boolean(),
  autoUpdate: z.boolean(),
});

export const AppInfo = z.object({
  version: z.string(),
  capabilities: HostCapabilities,
});

export const Settings = z.object({
  language: Language,
  serverUrl: z.url({ protocol: /^https?$/ }),
});
export type Settings = z.infer<typeof Settings>;

export const appMethods = {
  info: method(z.object({}).strict(), AppInfo),
  getSettings: method(z.object({}).strict(), Settings),
  updateSettings: method(Settings.partial().strict(), Settings),
  /** The sync state now; afterwards `sync.status` events tell every change. */
  syncStatus: method(z.object({}).strict(), SyncStatus),
};
