import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Benchmark } from '../lib/context.ts';
import { repoRoot } from '../lib/paths.ts';
import { round } from '../lib/stats.ts';

const dist = path.join(repoRoot, 'apps/citizen-web/dist');

/** What a browser fetches on first load: the entry script, its modulepreloads and the stylesheets index.html names. */
export async function firstLoadAssets(): Promise<{ js: string[]; css: string[] }> {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const attribute = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!);
  const js = [...attribute(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...attribute(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  const css = attribute(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

const gzipKb = async (files: string[]) => {
  let total = 0;
  for (const file of files) total += gzipSync(await readFile(path.join(dist, file.replace(/^\//, ''))), { level: 9 }).length;
  return total / 1024;
};

/** The citizen web app's first load, built for production: JS and CSS after gzip -9. */
export const webBundle: Benchmark = {
  name: 'web-bundle',
  description: 'citizen web app first load (vite build): JS and CSS, gzip',
  needsDataset: false,
  async run() {
    await promisify(execFile)('npm', ['run', 'build', '--workspace', '@innboks/citizen-web'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
    const { js, css } = await firstLoadAssets();
    const jsKb = await gzipKb(js);
    const cssKb = await gzipKb(css);
    const assets = await readdir(path.join(dist, 'assets'));
    const allJsKb = await gzipKb(assets.filter((file) => file.endsWith('.js')).map((file) => `assets/${file}`));
    return [
      { benchmark: 'web-bundle', figure: 'first-load JS kB gzip', ours: round(jsKb, 1), goal: '≤ 200 kB', met: jsKb <= 200, note: `${js.length} files; all JS chunks ${round(allJsKb, 1)} kB` },
      { benchmark: 'web-bundle', figure: 'first-load CSS kB gzip', ours: round(cssKb, 1), goal: 'reported', note: `${css.length} files` },
    ];
  },
};
