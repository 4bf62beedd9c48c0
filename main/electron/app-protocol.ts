/**
 * Serves the built renderer (dist/renderer) at app://recaudo/. A privileged standard+secure scheme gives the
 * page a real, fixed origin (so 'self', IPC sender checks and permission checks compare against one value),
 * secure-context APIs (getUserMedia) and no file:// ambient authority over the disk.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must be passed to protocol.registerSchemesAsPrivileged before app 'ready'. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, bypassCSP: false, corsEnabled: false, stream: true },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppProtocolOptions {
  /** Absolute path of the built renderer. */
  root: string;
  /** Recomputed per response so a config change applies on the next load. */
  headers: () => Record<string, string>;
}

function plain(status: number, text: string, headers: Record<string, string>): Response {
  return new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Resolves a request path to a file strictly inside `root`, or null. Decoding happens once; `..`, encoded
 * separators, NUL and absolute paths are refused, and symlinks are resolved before the containment check.
 */
export async function resolveInside(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  const candidate = resolve(root, rel);
  const inside = (p: string, base: string) => {
    const r = relative(base, p);
    return r !== '' && !r.startsWith('..') && !isAbsolute(r) && !r.split(sep).includes('..');
  };
  if (!inside(candidate, root)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!inside(realFile, realRoot)) return null;
    if (!(await stat(realFile)).isFile()) return null;
    return realFile;
  } catch {
    return null;
  }
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = options.headers();
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed', headers);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'bad request', headers);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'not found', headers);
    let file = await resolveInside(options.root, url.pathname);
    // The UI is one page; an extension-less path that is not a file is a client route.
    if (!file && extname(url.pathname) === '' && !url.pathname.includes('..')) file = await resolveInside(options.root, '/index.html');
    if (!file) return plain(404, 'not found', headers);
    const body = await readFile(file);
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers, 'Content-Type': type } });
  };
}
