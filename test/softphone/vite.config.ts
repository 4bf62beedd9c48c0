import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Bundles the softphone engine (with JsSIP, which ships no browser bundle) into two test pages: `index.html`
 * (engine + audio probes on window.t) and `bar.html` (the real PhoneBar over an engine).
 */
export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: process.env.SOFTPHONE_PAGE_OUT ?? '../../.tmp/softphone-page',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: false,
    rollupOptions: { input: { index: `${root}index.html`, bar: `${root}bar.html` } },
  },
  server: { host: '127.0.0.1', fs: { allow: ['../..'] } },
});
