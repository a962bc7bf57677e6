import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The config is run from the repository root (`--config admin/vite.config.ts`), so the
// app's root is taken from this file's location, not from the working directory.
const root = fileURLToPath(new URL('.', import.meta.url));
// `vite` (dev) talks to a Newsdesk server started with `npm start` on its default port.
const server = 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/newsroom/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The server's CSP allows data: images but nothing inline for scripts or styles.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': server,
      '/media': server,
    },
  },
});
