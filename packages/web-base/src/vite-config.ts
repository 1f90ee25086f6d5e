/**
 * The Vite configuration both web apps (citizen and staff) are built with; each
 * names only where the server serves it and which paths the server answers.
 */
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

export interface WebAppOptions {
  /** Where the server serves the app ('/' or '/ansatt/'). */
  base: string;
  /** Paths the server answers; in development Vite forwards them to it. */
  serverPaths: readonly string[];
  /** The development server's port, when it is not Vite's default. */
  devPort?: number;
}

const serverOrigin = 'http://localhost:3000';

export function webAppConfig(options: WebAppOptions): UserConfig {
  return defineConfig({
    base: options.base,
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
      ...(options.devPort ? { port: options.devPort } : {}),
      proxy: Object.fromEntries(options.serverPaths.map((path) => [path, { target: serverOrigin, changeOrigin: false }])),
    },
  });
}
