import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Paths the server answers; in development Vite forwards them to it. */
const serverPaths = ['/ansatt/api', '/ansatt/auth', '/oidc', '/.well-known'];
const serverOrigin = 'http://localhost:3000';

/** The staff workspace, served by the server under /ansatt/. */
export default defineConfig({
  base: '/ansatt/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's Content-Security-Policy allows no inline code, so nothing may be inlined.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'libs', test: /[\\/]node_modules[\\/](react-router|@tanstack|zod)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5174,
    proxy: Object.fromEntries(serverPaths.map((path) => [path, { target: serverOrigin, changeOrigin: false }])),
  },
});
