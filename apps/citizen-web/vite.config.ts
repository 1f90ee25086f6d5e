import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Paths the server answers; in development Vite forwards them to it. */
const serverPaths = ['/api', '/auth', '/oidc', '/fhir', '/.well-known'];
const serverOrigin = 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's Content-Security-Policy allows no inline code, so nothing may be inlined.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
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
    proxy: Object.fromEntries(serverPaths.map((path) => [path, { target: serverOrigin, changeOrigin: false }])),
  },
});
