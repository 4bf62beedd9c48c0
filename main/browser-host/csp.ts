/**
 * The same strict policy the Electron shell sets: no inline or eval'd script; connections only to ourselves,
 * the central server and the PBX's WebSocket.
 */
export function contentSecurityPolicy(selfOrigin: string, extraConnect: string[]): string {
  const wsSelf = selfOrigin.replace(/^http/, 'ws');
  const connect = ["'self'", wsSelf, ...extraConnect].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${connect}`,
    "img-src 'self' data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
