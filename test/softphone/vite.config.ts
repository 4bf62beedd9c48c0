import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Bundles the softphone engine (with JsSIP, which ships no browser bundle) into the test page. */
export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: process.env.SOFTPHONE_PAGE_OUT ?? '../../.tmp/softphone-page',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: false,
  },
  server: { host: '127.0.0.1', fs: { allow: ['../..'] } },
});
