import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { acceptsEncoding, bypassCache, cacheKey, type PageCache } from '../cache/page-cache.js';
import type { Config } from '../config.js';

/**
 * A strict policy for reader pages: our own scripts, styles and images only, no inline
 * script, no framing. JSON-LD data blocks are not scripts and are not affected.
 */
export const readerCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const readerSecurityHeaders: Record<string, string> = {
  'content-security-policy': readerCsp,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export interface CachedDocument {
  /** Surrogate keys: a write that touches any of them purges this answer. */
  keys: string[];
  status?: number;
  /** When the answer must be made again at the latest (ms since the epoch). */
  expiresAt?: number;
  /** Personal or unpublished (the newsroom's preview): never stored, never indexed. */
  private?: boolean;
}

export interface PageSender {
  /** A reader page: rendered, stored in the page cache under its keys, compressed. */
  send(request: FastifyRequest, reply: FastifyReply, page: CachedDocument & { vnode: VNode }): FastifyReply;
  /**
   * Any other public text answer (a feed, a sitemap, robots.txt) served the same way: cached
   * under its keys, precompressed, with ETag. `headers` add to or replace the defaults.
   */
  sendDocument(
    request: FastifyRequest,
    reply: FastifyReply,
    doc: CachedDocument & { body: string; contentType: string; headers?: Record<string, string> },
  ): FastifyReply;
}

export function createPageSender(cache: PageCache | null, config: Config): PageSender {
  const cacheControl = `public, max-age=60, s-maxage=${config.pageCache.sharedMaxAge}, stale-while-revalidate=${config.pageCache.staleWhileRevalidate}`;
  function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    doc: CachedDocument & { body: string; headers: Record<string, string> },
  ): FastifyReply {
    const { body } = doc;
    const status = doc.status ?? 200;
    const keys = ['site', ...new Set(doc.keys)];
    const headers: Record<string, string> = {
      'cache-control': status === 200 ? cacheControl : 'no-cache',
      'surrogate-key': keys.join(' '),
      ...doc.headers,
    };
    const cacheable =
      cache !== null &&
      doc.private !== true &&
      status === 200 &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !bypassCache(request.raw);
    if (cacheable) {
      const entry = cache.store(
        {
          url: cacheKey(request.url),
          html: body,
          keys,
          headers,
          ...(doc.expiresAt !== undefined ? { expiresAt: doc.expiresAt } : {}),
        },
        request.raw,
      );
      const rep = cache.representation(entry, request.raw);
      for (let i = 0; i < rep.headers.length; i += 2) {
        const name = String(rep.headers[i]);
        if (name !== 'x-cache') reply.header(name, rep.headers[i + 1]);
      }
      reply.header('x-cache', 'MISS');
      return reply.code(rep.status).send(request.method === 'HEAD' ? undefined : rep.body);
    }
    reply.headers(headers);
    if (status === 200 && !doc.private) {
      // Without the page cache (turned off, or a signed-in reader) a client's copy is still honoured.
      const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
      reply.header('etag', etag);
      const inm = request.headers['if-none-match'];
      if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    }
    if (doc.private) reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    else if (status !== 200 || bypassCache(request.raw))
      reply.header('cache-control', status === 200 ? 'private, no-cache' : 'no-cache');
    reply.header('vary', 'Accept-Encoding');
    if (acceptsEncoding(request.headers['accept-encoding'] ?? '', 'gzip')) {
      reply.header('content-encoding', 'gzip');
      return reply.code(status).send(zlib.gzipSync(body, { level: 4 }));
    }
    return reply.code(status).send(body);
  }

  return {
    send(request, reply, page) {
      return answer(request, reply, {
        ...page,
        body: `<!doctype html>${renderToString(page.vnode)}`,
        headers: { 'content-type': 'text/html; charset=utf-8', ...readerSecurityHeaders },
      });
    },
    sendDocument(request, reply, doc) {
      return answer(request, reply, {
        ...doc,
        headers: { 'content-type': doc.contentType, 'x-content-type-options': 'nosniff', ...doc.headers },
      });
    },
  };
}
