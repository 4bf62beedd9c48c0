import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { hoistJssipGrammar } from '../build/jssip-grammar';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer runs under a strict CSP (`script-src 'self'; style-src 'self'`), so the build emits only
 * external scripts and stylesheets: no inline <script>/<style>, nothing injected at runtime. `base: './'`
 * lets the same files load from file:// (Electron) and from the browser host.
 */
export default defineConfig({
  root,
  base: './',
  // JsSIP's SIP grammar with its rules made once, not per parse (build/jssip-grammar.ts says why).
  plugins: [hoistJssipGrammar(), react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inlined assets: data: is allowed for images only, and a stylesheet must stay a file.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'es2022',
    // One desktop bundle loaded from disk or loopback: size matters less than having no runtime chunk loading.
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', strictPort: false, fs: { allow: ['..'] } },
});
