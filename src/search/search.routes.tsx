import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../app.js';
import type { PageSender } from '../site/send-page.js';
import type { PageContext } from '../site/views/context.js';
import { SearchPage } from '../site/views/search.js';
import { parseSearchParams } from './search.params.js';

export const searchPageSize = 20;

export interface SearchRouteDeps {
  services: Pick<Services, 'search' | 'articles' | 'taxonomy' | 'settings'>;
  sender: PageSender;
  /** What every reader page needs (masthead, navigation, breaking bar), from the site. */
  context: (request: FastifyRequest) => Promise<PageContext>;
}

/**
 * GET /search: the reader's search page. It is sent as a private page (never stored in
 * the page cache, no-store, noindex): the cache keys pages by path and `page` only, so a
 * stored result would answer every other query; and a cache that any typed query could
 * fill would push real pages out of memory. A search costs a few milliseconds instead.
 */
export function registerSearchRoutes(app: FastifyInstance, deps: SearchRouteDeps): void {
  const { search, articles, taxonomy, settings } = deps.services;

  app.get<{ Querystring: Record<string, unknown> }>('/search', { config: { page: true } }, async (request, reply) => {
    const params = parseSearchParams(request.query, {
      sectionBySlug: (slug) => taxonomy.sectionBySlug(slug),
      timeZone: settings.get().timeZone,
    });
    const results = await search.search({
      words: params.words,
      ...(params.section ? { sectionId: params.section.id } : {}),
      ...(params.from ? { from: params.from } : {}),
      ...(params.to ? { to: params.to } : {}),
      page: params.page,
      pageSize: searchPageSize,
    });
    // Nothing found: the latest stories give the reader somewhere to go.
    const latest = results.items.length === 0 ? (await articles.listLatest({ page: 1, pageSize: 6 })).items : [];
    const ctx = await deps.context(request);
    return deps.sender.send(request, reply, {
      vnode: <SearchPage ctx={ctx} params={params} results={results} latest={latest} />,
      keys: [],
      private: true,
    });
  });
}
