import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

/** Resolves a URL path inside `root`, refusing traversal; `/` and unknown routes fall back to index.html. */
export async function loadStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const base = resolve(root);
  let rel = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  if (rel.endsWith('/')) rel += 'index.html';
  const target = resolve(join(base, normalize(rel)));
  if (target !== base && !target.startsWith(base + sep)) return null;
  try {
    const s = await stat(target);
    if (!s.isFile()) return null;
    return { body: await readFile(target), type: TYPES[extname(target)] ?? 'application/octet-stream' };
  } catch {
    if (extname(rel) === '' || rel.endsWith('.html')) {
      const index = join(base, 'index.html');
      return { body: await readFile(index), type: TYPES['.html']! };
    }
    return null;
  }
}
