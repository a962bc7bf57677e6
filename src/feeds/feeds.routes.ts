import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../errors.js';
import type { PageSender } from '../site/send-page.js';
import { type FeedFormat, type FeedScope, feedFiles, feedFormats } from './feeds.paths.js';
import type { FeedsService } from './feeds.service.js';

const slugParam = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * /feed.xml, /feed.atom and /feed.json for the site, and the same under /<section>/,
 * /tag/<slug>/ and /author/<slug>/. A file name with a dot is never a section slug, so these
 * sit beside the reader pages without taking any of their addresses.
 */
export function registerFeedRoutes(
  app: FastifyInstance,
  deps: { feeds: FeedsService; sender: PageSender; hub: string | null },
) {
  const send = async (request: FastifyRequest, reply: FastifyReply, scope: FeedScope, format: FeedFormat) => {
    // ?page=N is part of the page cache's key: refusing it keeps made-up pages of a feed out of memory.
    if ((request.query as Record<string, unknown>).page !== undefined) {
      throw new AppError('invalid_parameter', 'A feed has a single page; leave out "page".');
    }
    if (scope.kind !== 'site' && !slugParam.test(scope.slug)) throw notFound('feed');
    const feed = await deps.feeds.render(scope, format);
    return deps.sender.sendDocument(request, reply, {
      body: feed.body,
      contentType: feed.contentType,
      keys: feed.keys,
      headers: {
        'last-modified': feed.lastModified.toUTCString(),
        // Public content: web-based readers may fetch it from their own origin.
        'access-control-allow-origin': '*',
        // WebSub discovery (W3C WebSub 4): the hub and the exact address to subscribe to.
        ...(deps.hub ? { link: `<${deps.hub}>; rel="hub", <${feed.selfUrl}>; rel="self"` } : {}),
      },
    });
  };

  for (const format of feedFormats) {
    const file = feedFiles[format];
    app.get(`/${file}`, (request, reply) => send(request, reply, { kind: 'site' }, format));
    app.get<{ Params: { section: string } }>(`/:section/${file}`, (request, reply) =>
      send(request, reply, { kind: 'section', slug: request.params.section }, format),
    );
    for (const kind of ['tag', 'author'] as const) {
      app.get<{ Params: { slug: string } }>(`/${kind}/:slug/${file}`, (request, reply) =>
        send(request, reply, { kind, slug: request.params.slug }, format),
      );
    }
  }
}
