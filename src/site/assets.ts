import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { acceptsEncoding } from '../cache/page-cache.js';

const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

interface Asset {
  url: string;
  type: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

function loadAsset(file: string, type: string): Asset {
  const identity = fs.readFileSync(path.join(assetsDir, file));
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 12);
  const ext = path.extname(file);
  return {
    url: `/assets/${path.basename(file, ext)}.${hash}${ext}`,
    type,
    identity,
    gzip: zlib.gzipSync(identity, { level: 9 }),
    br: zlib.brotliCompressSync(identity),
    etag: `"${hash}"`,
  };
}

/**
 * The site's own static files, fingerprinted by content so they can be cached for a year,
 * and compressed once at start.
 */
export function loadAssets() {
  const stylesheet = loadAsset('site.css', 'text/css; charset=utf-8');
  const favicon = loadAsset('favicon.svg', 'image/svg+xml');
  const commentsIsland = loadBuiltAsset(commentsIslandFile, 'text/javascript; charset=utf-8');
  return {
    stylesheet,
    favicon,
    commentsIsland,
    all: [stylesheet, favicon, ...(commentsIsland ? [commentsIsland] : [])],
  };
}

/** Where scripts/build-island.ts writes the comments island (built, never committed). */
export const commentsIslandFile = 'built/comments-island.js';

/**
 * A file the build makes (`npm start` and `npm test` build it first). Missing, the pages go
 * without it: the island only enhances what works without JavaScript.
 */
function loadBuiltAsset(file: string, type: string): Asset | null {
  return fs.existsSync(path.join(assetsDir, file)) ? loadAsset(file, type) : null;
}

export type Assets = ReturnType<typeof loadAssets>;

export function registerAssets(app: FastifyInstance, assets: Assets): void {
  for (const asset of assets.all) {
    app.get(asset.url, { config: { page: false } }, (request, reply) => {
      const accept = request.headers['accept-encoding'] ?? '';
      const [body, encoding] = acceptsEncoding(accept, 'br')
        ? [asset.br, 'br']
        : acceptsEncoding(accept, 'gzip')
          ? [asset.gzip, 'gzip']
          : [asset.identity, null];
      reply
        .header('content-type', asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('etag', asset.etag)
        .header('vary', 'Accept-Encoding')
        .header('x-content-type-options', 'nosniff');
      if (encoding) reply.header('content-encoding', encoding);
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      return reply.send(body);
    });
  }
  // Browsers ask for /favicon.ico on their own; answer with the icon instead of a 404 page.
  app.get('/favicon.ico', (_request, reply) => reply.redirect(assets.favicon.url, 301));
}
