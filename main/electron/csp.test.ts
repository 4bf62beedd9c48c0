import { describe, expect, it } from 'vitest';
import { buildCsp, connectSources, securityHeaders } from './csp';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('CSP', () => {
  const csp = buildCsp({ serverUrl: 'https://cobranzas.example.com/api/', pbxWebSocketUrls: ['wss://pbx.example.com:8089/ws', 'wss://pbx2.example.com/ws'] });
  const d = directives(csp);

  it('allows script, style and everything else only from the app itself', () => {
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*|http:\/\/\S+ /);
  });

  it('lets the page connect to the server and the PBX WebSocket origins only', () => {
    expect(d['connect-src']).toEqual([
      "'self'", 'https://cobranzas.example.com', 'wss://cobranzas.example.com', 'wss://pbx.example.com:8089', 'wss://pbx2.example.com',
    ]);
  });

  it('allows microphone playback blobs and inline images only where needed', () => {
    expect(d['media-src']).toEqual(["'self'", 'blob:']);
    expect(d['img-src']).toEqual(["'self'", 'data:']);
  });

  it('reduces configured URLs to origins so a value cannot add a directive', () => {
    expect(() => connectSources({ serverUrl: "https://x.example.com; script-src 'unsafe-eval'", pbxWebSocketUrls: [] })).toThrow();
    expect(connectSources({ serverUrl: 'https://x.example.com/a;b', pbxWebSocketUrls: ['ws://127.0.0.1:5066/;x'] })).toEqual([
      'https://x.example.com', 'wss://x.example.com', 'ws://127.0.0.1:5066',
    ]);
    expect(() => connectSources({ serverUrl: 'https://x.example.com', pbxWebSocketUrls: ['javascript:alert(1)'] })).toThrow(/not allowed/);
  });

  it('travels with nosniff and a same-origin opener policy', () => {
    const h = securityHeaders({ serverUrl: 'http://127.0.0.1:8787', pbxWebSocketUrls: [] });
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(directives(h['Content-Security-Policy']!)['connect-src']).toEqual(["'self'", 'http://127.0.0.1:8787', 'ws://127.0.0.1:8787']);
  });
});
