/**
 * Builds the comments island (src/comments/island) into one small ES module that the
 * server serves fingerprinted and precompressed (src/site/assets.ts), unless the build is
 * newer than its sources. Run by scripts/build-admin.ts, so `npm start` and `npm test` make it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { commentsIslandFile } from '../src/site/assets.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'src/site/assets', commentsIslandFile);
const sources = ['src/comments/island', 'scripts/build-island.ts', 'package-lock.json'];

function newest(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

/** Builds the island if a source changed since the last build (or when forced); says which. */
export async function buildIsland(options: { force?: boolean } = {}): Promise<{ built: boolean; bytes: number }> {
  const builtAt = fs.statSync(output, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));
  if (options.force || builtAt <= changedAt) {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      // Preact's JSX, as the server's views use it.
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        // An application entry, not library mode: library ES output keeps its whitespace.
        rolldownOptions: {
          input: path.join(root, 'src/comments/island/main.tsx'),
          output: { format: 'es', entryFileNames: path.basename(commentsIslandFile) },
        },
        modulePreload: false,
        outDir: path.dirname(output),
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        sourcemap: false,
        copyPublicDir: false,
      },
    });
    return { built: true, bytes: fs.statSync(output).size };
  }
  return { built: false, bytes: fs.statSync(output).size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const result = await buildIsland({ force: process.argv.includes('--force') });
  console.log(
    result.built
      ? `Built the comments island (${result.bytes} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s.`
      : 'The comments island is up to date.',
  );
}
