/**
 * The server as one bundle of JavaScript: apps/server/dist/main.js (the whole service)
 * and dist/worker-main.js (a worker on its own), dist/dialog-main.js (a Dialogmelding consumer on
 * its own), dist/cms-worker.js (the Dialogmelding door's CMS threads, found beside the shared code), with source maps.
 *
 * `npm start` and the benchmarks run the bundle, not the TypeScript through tsx: tsx
 * compiles in a loader thread of its own, and that thread with its compiler costs the
 * server ~55 MB of memory (idle RSS 183 → 128 MB) and seconds at start. The workspace
 * packages (@innboks/*) are TypeScript and go into the bundle; every package from npm
 * stays outside and is loaded from node_modules, as it would be anyway. Tests run the
 * source (vitest compiles it), so nothing here changes what they check.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const serverDir = path.dirname(fileURLToPath(import.meta.url));
export const serverBundleDir = path.join(serverDir, 'dist');

/** npm packages stay imports; only the workspace's own TypeScript is bundled. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@innboks/') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildServerBundle(): Promise<void> {
  await build({
    entryPoints: { main: path.join(serverDir, 'src/main.ts'), 'worker-main': path.join(serverDir, 'src/worker-main.ts'), 'dialog-main': path.join(serverDir, 'src/dialog-main.ts'), 'cms-worker': path.join(serverDir, '../../packages/dialogmelding/src/cms-worker.ts') },
    outdir: serverBundleDir,
    bundle: true,
    // The two entries share one chunk; every file lands directly in dist/ (see web-app-dist.ts).
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [npmPackagesExternal],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServerBundle();
  console.log(`server bundle in ${path.relative(process.cwd(), serverBundleDir) || '.'}`);
}
