import type { FastifyInstance } from 'fastify';
import type { ArticlesService } from '../articles/articles.service.js';
import { notFound } from '../errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { PageSender } from '../site/send-page.js';
import { robotsTxt } from './robots.js';
import { createSitemaps, parseMonthFileName } from './sitemaps.js';

export interface SeoRoutesDeps {
  articles: ArticlesService;
  settings: SettingsService;
  sender: PageSender;
  publicUrl: string;
  now: () => Date;
  /** URLs per article sitemap file (tests use a small number to see a month split). */
  perFile?: number;
}

const xml = 'application/xml; charset=utf-8';

/**
 * robots.txt and the sitemaps. Every answer is cached under surrogate keys: 'sitemaps' is
 * purged by the articles service whenever what the sitemaps list changes (publish,
 * unpublish, an update note, a new address or headline); listing sitemaps also carry the
 * keys of the sections, topics and authors they list.
 */
export function registerSeoRoutes(app: FastifyInstance, deps: SeoRoutesDeps): void {
  const { sender } = deps;
  const sitemaps = createSitemaps(deps);

  app.get('/robots.txt', async (request, reply) =>
    sender.sendDocument(request, reply, {
      body: robotsTxt(deps.publicUrl),
      contentType: 'text/plain; charset=utf-8',
      keys: [],
    }),
  );

  app.get('/sitemap.xml', async (request, reply) =>
    sender.sendDocument(request, reply, { body: await sitemaps.index(), contentType: xml, keys: ['sitemaps'] }),
  );

  app.get('/sitemaps/news.xml', async (request, reply) => {
    const { body, expiresAt } = await sitemaps.news();
    return sender.sendDocument(request, reply, {
      body,
      contentType: xml,
      keys: ['sitemaps'],
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    });
  });

  for (const kind of ['sections', 'tags', 'authors'] as const) {
    app.get(`/sitemaps/${kind}.xml`, async (request, reply) => {
      const { body, keys } = await sitemaps[kind]();
      return sender.sendDocument(request, reply, { body, contentType: xml, keys: ['sitemaps', ...keys] });
    });
  }

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const file = parseMonthFileName(request.params.file);
    const body = file ? await sitemaps.month(file) : null;
    if (!body) throw notFound('sitemap');
    return sender.sendDocument(request, reply, { body, contentType: xml, keys: ['sitemaps'] });
  });
}
