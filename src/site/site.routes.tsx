import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ArticlePage, ArticlesService, ListPage } from '../articles/articles.service.js';
import { bypassCache } from '../cache/page-cache.js';
import { AppError, notFound } from '../errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import type { Assets } from './assets.js';
import type { PageSender } from './send-page.js';
import type { ThreadView } from './views/comments.js';
import type { PageContext } from './views/context.js';
import { ArticleView, ErrorView, FrontPage, ListingPage } from './views/pages.js';

export const pageSize = 20;
export const maxPage = 100_000;

export interface SiteDeps {
  articles: ArticlesService;
  taxonomy: TaxonomyService;
  settings: SettingsService;
  sender: PageSender;
  assets: Assets;
  publicUrl: string;
  now: () => Date;
  /** The logo's displayable variant (none while its variants are being made). */
  findImage?: (id: number) => Promise<{ src: string; width: number; height: number } | undefined>;
  /** The first page of an article's comments (a constant few indexed queries). */
  loadThread?: (article: ArticlePage) => Promise<ThreadView>;
}

/** ?page=N: a whole number from 1; anything else is a clear 400, never a 500. */
export function parsePage(raw: unknown): number {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) {
    throw new AppError('invalid_parameter', `The page number must be a whole number from 1 to ${maxPage}.`);
  }
  const page = Number(raw);
  if (page < 1 || page > maxPage) {
    throw new AppError('invalid_parameter', `The page number must be a whole number from 1 to ${maxPage}.`);
  }
  return page;
}

const slugParam = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function createSite(deps: SiteDeps) {
  const { articles, taxonomy, settings, sender } = deps;

  // The logo is looked up once per settings change (settings are replaced, not mutated, on change).
  let logoFor: { settings: object; logo: PageContext['logo'] } | null = null;
  async function logo(): Promise<PageContext['logo']> {
    const current = settings.get();
    if (logoFor?.settings === current) return logoFor.logo;
    let found: PageContext['logo'] = null;
    if (current.logoImageId !== null && deps.findImage) {
      const image = await deps.findImage(current.logoImageId);
      if (image) found = image;
    }
    // Not remembered while a chosen logo has no variants yet: they are on their way.
    if (found || current.logoImageId === null) logoFor = { settings: current, logo: found };
    return found;
  }

  async function context(request: FastifyRequest): Promise<PageContext> {
    return {
      logo: await logo(),
      settings: settings.get(),
      sections: taxonomy.navigationSections(),
      breaking: await articles.listBreaking(),
      now: deps.now(),
      publicUrl: deps.publicUrl,
      path: request.url.split('?')[0] ?? '/',
      stylesheet: deps.assets.stylesheet.url,
      favicon: deps.assets.favicon.url,
    };
  }

  const breakingKeys = (ctx: PageContext) => ['breaking', ...ctx.breaking.map((b) => `article:${b.id}`)];
  /** Every page shows the breaking bar, so no cached page outlives the first breaking story to end. */
  const breakingEnds = (ctx: PageContext): number | undefined => {
    const ends = ctx.breaking.flatMap((b) => (b.breakingUntil ? [Date.parse(b.breakingUntil)] : []));
    return ends.length > 0 ? Math.min(...ends) : undefined;
  };

  const earliestOf = (...times: (number | null | undefined)[]): number | undefined => {
    const known = times.filter((t): t is number => typeof t === 'number');
    return known.length > 0 ? Math.min(...known) : undefined;
  };

  async function renderError(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
    let ctx: PageContext;
    try {
      ctx = await context(request);
    } catch {
      // The database may be what failed; show the page without navigation rather than nothing.
      ctx = {
        settings: settings.get(),
        sections: [],
        breaking: [],
        now: deps.now(),
        publicUrl: deps.publicUrl,
        path: '/',
        stylesheet: deps.assets.stylesheet.url,
        favicon: deps.assets.favicon.url,
      };
    }
    return sender.send(request, reply, {
      vnode: <ErrorView ctx={ctx} status={status} message={message} />,
      keys: [],
      status,
    });
  }

  function register(app: FastifyInstance) {
    app.get('/', { config: { page: true } }, async (request, reply) => {
      const ctx = await context(request);
      const data = await articles.frontPage({ perSection: 4, latest: 10 });
      const shown = [data.top, ...data.featured, ...data.latest, ...data.bySection.flatMap((b) => b.items)]
        .filter((c) => c !== null)
        .map((c) => `article:${c.id}`);
      return sender.send(request, reply, {
        vnode: <FrontPage ctx={ctx} data={data} />,
        keys: ['front', ...shown, ...breakingKeys(ctx)],
        expiresAt: breakingEnds(ctx),
      });
    });

    /** Topic, author and story pages: find the subject by slug, list its stories, page by page. */
    const listingRoute = <T extends { id: number; slug: string }>(spec: {
      prefix: 'tag' | 'author' | 'story';
      what: string;
      find: (slug: string) => Promise<T | undefined>;
      list: (subject: T, page: number) => Promise<ListPage>;
      heading: (subject: T) => { title: string; kicker?: string; description: string };
    }) =>
      app.get<{ Params: { slug: string }; Querystring: { page?: string } }>(
        `/${spec.prefix}/:slug`,
        { config: { page: true } },
        async (request, reply) => {
          const page = parsePage(request.query.page);
          const subject = slugParam.test(request.params.slug) ? await spec.find(request.params.slug) : undefined;
          if (!subject) throw notFound(spec.what);
          const list = await spec.list(subject, page);
          if (page > 1 && list.items.length === 0) throw notFound('page');
          const ctx = await context(request);
          const heading = spec.heading(subject);
          return sender.send(request, reply, {
            vnode: (
              <ListingPage
                ctx={ctx}
                title={heading.title}
                {...(heading.kicker ? { kicker: heading.kicker } : {})}
                description={heading.description}
                basePath={`/${spec.prefix}/${subject.slug}`}
                list={list}
                showSection
              />
            ),
            keys: [`${spec.prefix}:${subject.id}`, ...list.items.map((c) => `article:${c.id}`), ...breakingKeys(ctx)],
            expiresAt: breakingEnds(ctx),
          });
        },
      );

    listingRoute({
      prefix: 'tag',
      what: 'topic',
      find: (slug) => taxonomy.findTagBySlug(slug),
      list: (tag, page) => articles.listByTag(tag.id, page, pageSize),
      heading: (tag) => ({
        title: tag.name,
        kicker: 'Topic',
        description: tag.description || `Stories about ${tag.name}.`,
      }),
    });
    listingRoute({
      prefix: 'author',
      what: 'author',
      find: (slug) => taxonomy.findAuthorBySlug(slug),
      list: (author, page) => articles.listByAuthor(author.id, page, pageSize),
      heading: (author) => ({ title: author.name, kicker: author.title, description: author.bio }),
    });
    listingRoute({
      prefix: 'story',
      what: 'story',
      find: (slug) => taxonomy.findStoryBySlug(slug),
      list: (story, page) => articles.listByStory(story.id, page, pageSize),
      heading: (story) => ({
        title: story.title,
        kicker: story.status === 'developing' ? 'Developing story' : 'Story',
        description: story.description,
      }),
    });

    app.get<{ Params: { section: string }; Querystring: { page?: string } }>(
      '/:section',
      { config: { page: true } },
      async (request, reply) => {
        const section = taxonomy.sectionBySlug(request.params.section);
        if (!section) throw notFound('page');
        const page = parsePage(request.query.page);
        const list = await articles.listLatest({ page, pageSize, sectionId: section.id });
        if (page > 1 && list.items.length === 0) throw notFound('page');
        const ctx = await context(request);
        return sender.send(request, reply, {
          vnode: (
            <ListingPage
              ctx={ctx}
              title={section.name}
              description={section.description}
              basePath={`/${section.slug}`}
              list={list}
              sectionSlug={section.slug}
            />
          ),
          keys: [`section:${section.id}`, ...list.items.map((c) => `article:${c.id}`), ...breakingKeys(ctx)],
          expiresAt: breakingEnds(ctx),
        });
      },
    );

    app.get<{ Params: { section: string; year: string; month: string; day: string; slug: string } }>(
      '/:section/:year/:month/:day/:slug',
      { config: { page: true } },
      async (request, reply) => {
        const { section, year, month, day, slug } = request.params;
        if (!taxonomy.sectionBySlug(section) && !slugParam.test(section)) throw notFound('page');
        if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(month) || !/^\d{2}$/.test(day) || !slugParam.test(slug)) {
          throw notFound('page');
        }
        const path = request.url.split('?')[0] ?? '';
        const found = await articles.getArticlePage(slug, path);
        if (found.kind === 'redirect') return reply.redirect(found.location, 301);
        if (found.kind === 'gone')
          throw new AppError('gone', 'This story has been withdrawn and is no longer available.');
        if (found.kind === 'not_found') throw notFound('story');
        const article = found.article;
        const ctx = await context(request);
        const thread = deps.loadThread ? await deps.loadThread(article) : null;
        // A page rendered for one reader (not stored) can carry a key that makes a resubmitted form one comment.
        const form = thread
          ? {
              articleId: article.id,
              renderedAt: deps.now().getTime(),
              clientKey: bypassCache(request.raw) ? randomUUID() : undefined,
            }
          : null;
        const shown = [
          ...article.related,
          ...(article.story ? [...article.story.earlier, ...article.story.later] : []),
        ].map((c) => `article:${c.id}`);
        return sender.send(request, reply, {
          vnode: <ArticleView ctx={ctx} article={article} {...(thread ? { comments: { thread, form } } : {})} />,
          keys: [
            // Also the thread's key: the comments service purges it after every change a reader would see.
            `article:${article.id}`,
            // Only this page: its related box or a "Read more" card changed, not its own card.
            `page:${article.id}`,
            ...(article.story ? [`story:${article.story.id}`] : []),
            ...shown,
            ...breakingKeys(ctx),
          ],
          // The form must not outlive the moment comments close on their own.
          expiresAt: earliestOf(breakingEnds(ctx), thread?.closesAt),
        });
      },
    );
  }

  /** The newsroom's preview: the reader page exactly, never cached, never indexed. */
  async function renderPreview(request: FastifyRequest, reply: FastifyReply, article: ArticlePage) {
    const ctx = await context(request);
    return sender.send(request, reply, { vnode: <ArticleView ctx={ctx} article={article} />, keys: [], private: true });
  }

  return { register, renderError, renderPreview, context };
}
