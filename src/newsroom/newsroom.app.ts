import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The newsroom app's policy: our own scripts only. Styles may be inline because the
 * editor (ProseMirror) writes style attributes; images may be blob: for upload previews.
 */
export const newsroomCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function securityHeaders(reply: FastifyReply) {
  reply
    .header('content-security-policy', newsroomCsp)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .header('x-robots-tag', 'noindex, nofollow');
}

/** Serves the built single-page app at /newsroom/, with index.html for every app path. */
export function registerNewsroomApp(app: FastifyInstance, opts: { dist: string }) {
  const indexFile = path.join(opts.dist, 'index.html');
  const built = fs.existsSync(indexFile);

  if (built) {
    app.register(fastifyStatic, {
      root: path.join(opts.dist, 'assets'),
      prefix: '/newsroom/assets/',
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (reply) => {
        reply.header('x-content-type-options', 'nosniff');
      },
    });
  }

  const sendIndex = async (_request: unknown, reply: FastifyReply) => {
    securityHeaders(reply);
    reply.header('cache-control', 'no-cache');
    if (!fs.existsSync(indexFile)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The newsroom app has not been built yet. Run `npm run build:admin`, then reload.');
    }
    return reply.type('text/html; charset=utf-8').send(fs.createReadStream(indexFile));
  };

  app.get('/newsroom', (_request, reply) => reply.redirect('/newsroom/', 301));
  app.get('/newsroom/', sendIndex);
  app.get('/newsroom/*', sendIndex);
}
