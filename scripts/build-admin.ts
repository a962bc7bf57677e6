/**
 * Builds the newsroom app (admin/) into admin/dist, unless the build is newer than every
 * source it comes from: `npm start` runs this first, so a fresh clone gets the app and a
 * restart costs nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildIsland } from './build-island.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'admin/dist/index.html');
const sources = ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'src/articles/body', 'package-lock.json'];

function newest(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

const builtAt = fs.statSync(output, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));
const force = process.argv.includes('--force');

if (!force && builtAt > changedAt) {
  console.log('The newsroom app is up to date.');
} else {
  const started = Date.now();
  await build({ configFile: path.join(root, 'admin/vite.config.ts'), logLevel: 'warn' });
  console.log(`Built the newsroom app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

// The reader site's comments island is built by the same runs (npm start, npm test).
const island = await buildIsland({ force });
console.log(island.built ? `Built the comments island (${island.bytes} bytes).` : 'The comments island is up to date.');
