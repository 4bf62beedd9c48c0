/**
 * What the shell needs from the main-process services (main/services/desk.ts). Declared here, structurally, so
 * the shell depends on the smallest surface and its tests can hand it a recording desk; the real `openDesk`
 * satisfies it.
 */
import type { Envelope } from '../../shared/api/envelope';
import type { KeyProvider } from '../services/store/key-provider';

export interface DeskEvents {
  /** Node EventEmitter style; a returned function (if any) unsubscribes. */
  on(event: string, listener: (payload: unknown) => void): unknown;
  off?(event: string, listener: (payload: unknown) => void): unknown;
}

export interface Desk {
  dispatch(channel: string, input: unknown): Promise<Envelope>;
  events: DeskEvents;
  close(): Promise<void> | void;
  /** PBX WebSocket origins saved in the desk's phone settings (added to the CSP's connect-src). */
  pbxOrigins?(): string[];
}

export interface OpenDeskOptions {
  userDataDir: string;
  keyProvider: KeyProvider;
  serverUrl: string;
  version?: string;
  /** What app.info reports as the host's capabilities. */
  host?: { kind: 'electron'; autoUpdate: boolean };
  /** HTTP to the central server through Chromium's network stack (`net.fetch`): OS proxy and certificates. */
  fetch?: typeof fetch;
}

export type OpenDesk = (options: OpenDeskOptions) => Promise<Desk> | Desk;
