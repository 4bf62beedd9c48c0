/**
 * The renderer's one way to reach the main-process services: `window.recaudo` (from the Electron preload, or
 * built over the browser host's WebSocket), wrapped so calls resolve to values or throw ApiError.
 */
import { createClient } from '../shared/api/bridge';
import { contract, type RecaudoBridge, type RecaudoClient } from '../shared/api/contract';
import { createWsBridge, takeLaunchToken } from './bridge/ws-bridge';

declare global {
  interface Window {
    recaudo?: RecaudoBridge;
  }
}

function resolveBridge(): RecaudoBridge {
  if (window.recaudo) return window.recaudo;
  const bridge = createWsBridge(takeLaunchToken());
  // Exposed read-only like the preload's, so tests and devtools see the same object in both shells.
  Object.defineProperty(window, 'recaudo', { value: bridge, writable: false, configurable: false });
  return bridge;
}

export const api: RecaudoClient = createClient(contract, resolveBridge());
