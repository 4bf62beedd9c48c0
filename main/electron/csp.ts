/**
 * The Content-Security-Policy sent with every response of the app scheme. Pure (no electron import) so it is
 * tested directly. Script only from our own files: no 'unsafe-eval', no 'unsafe-inline', no remote code.
 * The renderer talks to main over IPC, so connect-src needs only the central server and the PBX WebSocket.
 */

/** Reduces a configured URL to its origin, so a config value can never smuggle a directive (`; script-src *`). */
export function originOf(raw: string, allowed: readonly string[]): string {
  const url = new URL(raw);
  if (!allowed.includes(url.protocol)) throw new Error(`${raw}: scheme ${url.protocol} not allowed here`);
  return `${url.protocol}//${url.host}`;
}

export interface CspSources {
  serverUrl: string;
  pbxWebSocketUrls: readonly string[];
}

export function connectSources(sources: CspSources): string[] {
  const server = originOf(sources.serverUrl, ['http:', 'https:']);
  const serverWs = server.replace(/^http/, 'ws');
  const pbx = sources.pbxWebSocketUrls.map((u) => originOf(u, ['ws:', 'wss:']));
  return [...new Set([server, serverWs, ...pbx])];
}

export function buildCsp(sources: CspSources): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${connectSources(sources).join(' ')}`,
    "img-src 'self' data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every app-scheme response carries besides its content type. */
export function securityHeaders(sources: CspSources): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(sources),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
