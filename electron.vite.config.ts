// electron-vite: main (ESM, Node deps external), preload (CommonJS: sandboxed preloads cannot
// load ES modules; everything bundled), renderer (React; src/renderer/index.html).
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * In dev the page comes from the dev server, whose hot reload needs an inline script that the
 * strict meta CSP forbids; main sends a development CSP header instead (src/main/security/csp.ts).
 */
function dropMetaCspInDev(): Plugin {
  return {
    name: 'embargo:drop-meta-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  main: {},
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    plugins: [react(), dropMetaCspInDev()],
    build: { sourcemap: false },
  },
});
