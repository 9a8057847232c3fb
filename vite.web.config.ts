// Browser mode's renderer: the same React app as the desktop, entered through web.html, whose
// entry installs `window.api` over fetch to the loopback server (src/web/serve.ts serves out/web).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererDir = fileURLToPath(new URL('./src/renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/web', import.meta.url));

export default defineConfig({
  root: rendererDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: false,
    // The passphrase-strength dictionaries are one large chunk, loaded only on the first-run screen.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: { input: { web: `${rendererDir}/web.html` } },
  },
});
