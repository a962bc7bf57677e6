import fs from 'node:fs';
import http from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { registerArticleRoutes } from './articles/articles.routes.js';
import { ArticlesService, publishJob } from './articles/articles.service.js';
import { PageCache } from './cache/page-cache.js';
import { PurgeBus } from './cache/purge-bus.js';
import { type Clock, systemClock } from './clock.js';
import { CommentEvents, registerCommentEvents } from './comments/comments.events.js';
import { CommentNotifier } from './comments/comments.notify.js';
import { ReaderAccounts } from './comments/comments.readers.js';
import { loadArticleThread, registerCommentRoutes } from './comments/comments.routes.js';
import { CommentsService } from './comments/comments.service.js';
import { akismetChecker } from './comments/moderation/akismet.js';
import { registerModerationRoutes } from './comments/moderation.routes.js';
import { registerReaderRoutes } from './comments/readers.routes.js';
import type { Config } from './config.js';
import { ContentKeys } from './content/content.keys.js';
import {
  contentApi,
  contentPrefix,
  contentSecurity,
  onlyPaths,
  registerContentKeyRoutes,
} from './content/content.routes.js';
import { ContentService } from './content/content.service.js';
import { type Db, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { AppError, type FieldError } from './errors.js';
import { registerFeedRoutes } from './feeds/feeds.routes.js';
import { FeedsService } from './feeds/feeds.service.js';
import { WebSubNotifier } from './feeds/feeds.websub.js';
import { JobQueue } from './jobs/jobs.service.js';
import { MailService } from './mail/mail.service.js';
import { registerMediaRoutes } from './media/media.routes.js';
import { imageSources, MediaService } from './media/media.service.js';
import { adminGuard } from './newsroom/admin.plugin.js';
import { registerNewsroomApp } from './newsroom/newsroom.app.js';
import { registerNewsroomRoutes, registerOutboxRoutes } from './newsroom/newsroom.routes.js';
import { StaffService } from './newsroom/staff.service.js';
import { RelatedService } from './related/related.service.js';
import { registerSearchRoutes } from './search/search.routes.js';
import { SearchService } from './search/search.service.js';
import { registerSeoRoutes } from './seo/seo.routes.js';
import { registerSettingsRoutes } from './settings/settings.routes.js';
import { SettingsService } from './settings/settings.service.js';
import { loadAssets, registerAssets } from './site/assets.js';
import { msUntilLocalMidnight } from './site/format.js';
import { createPageSender } from './site/send-page.js';
import { createSite } from './site/site.routes.js';
import { registerTaxonomyRoutes } from './taxonomy/taxonomy.routes.js';
import { TaxonomyService } from './taxonomy/taxonomy.service.js';
import { WireDeskService } from './wire/desk/desk.service.js';
import { registerWireDeskRoutes } from './wire/desk.routes.js';
import { WireIngest } from './wire/ingest/ingest.service.js';
import { registerWireSourceRoutes } from './wire/sources.routes.js';

/** Articles to index again after a rename of something they are found by (a tag, an author). */
const reindexJob = 'search.reindex';

export interface Services {
  db: Db;
  settings: SettingsService;
  taxonomy: TaxonomyService;
  media: MediaService;
  related: RelatedService;
  articles: ArticlesService;
  cache: PageCache | null;
  purgeBus: PurgeBus;
  clock: Clock;
  jobs: JobQueue;
  mail: MailService;
  staff: StaffService;
  search: SearchService;
  feeds: FeedsService;
  websub: WebSubNotifier;
  comments: CommentsService;
  /** Live "new comments" streams, announced across instances. */
  commentEvents: CommentEvents;
  wireDesk: WireDeskService;
  readers: ReaderAccounts;
  commentNotifier: CommentNotifier;
  wireIngest: WireIngest;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyContextConfig {
    /** Reader pages answer errors with the site's error page instead of JSON. */
    page?: boolean;
  }
}

export interface BuildOptions {
  db?: Db;
  clock?: Clock;
  /** Load the demo newsroom into an empty database (the server does; tests choose). */
  seedDemo?: boolean;
  log?: { info(o: object, msg: string): void; warn(o: object, msg: string): void; error(o: object, msg: string): void };
}

/** Wires the services together; no HTTP here, so scripts and tests can use them directly. */
export async function createServices(config: Config, options: BuildOptions = {}): Promise<Services> {
  const db = options.db ?? openDatabase(config);
  await migrateToLatest(db);
  const clock = options.clock ?? systemClock;
  const settings = new SettingsService(db, {
    timeZone: config.site.timeZone,
    locale: config.site.locale,
    language: config.site.language,
  });
  await settings.load();
  const taxonomy = new TaxonomyService(db);
  await taxonomy.load();
  const jobs = new JobQueue({ db, clock, pollMs: config.jobs.pollMs, ...(options.log ? { log: options.log } : {}) });
  const mail = new MailService({
    db,
    jobs,
    clock,
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    ...(options.log ? { log: options.log } : {}),
  });
  mail.registerJobs();
  const media: MediaService = new MediaService(db, config.mediaDir, {
    maxUploadBytes: config.media.maxUploadBytes,
    maxPixels: config.media.maxPixels,
    jobs,
    // Read afresh: another instance may have chosen a new logo.
    deleteGuard: async (id) =>
      (await settings.load()).logoImageId === id
        ? 'This image is the site logo; choose another logo in Settings first.'
        : null,
    // Called later, by a job, once the articles service below exists.
    onReady: (id): Promise<void> => articles.refreshImageUsers(id),
  });
  media.registerJobs();
  const staff = new StaffService({
    db,
    clock,
    mail,
    publicUrl: config.publicUrl,
    siteName: () => settings.get().siteName,
    sessionIdleHours: config.sessions.idleHours,
  });
  const related = new RelatedService(db);
  const cache = config.pageCache.enabled
    ? new PageCache({
        maxBytes: config.pageCache.maxBytes,
        ttlMs: config.pageCache.ttlSeconds * 1000,
        // The same clock as the content: a breaking story's end and the cache's expiry agree.
        now: () => clock.now().getTime(),
      })
    : null;
  const purgeBus = new PurgeBus(cache, db.pool);
  await purgeBus.start();
  // Cards come from the articles service, made just below; called only once both exist.
  const search: SearchService = new SearchService({ db, cards: (ids) => articles.cardsFor(ids) });
  const articles = new ArticlesService({
    db,
    taxonomy,
    settings,
    media,
    related,
    clock,
    purge: (keys) => purgeBus.purge(keys),
    jobs,
    search,
    // The wire desk is made below, once the articles service it uses exists.
    wire: {
      creditFor: (trx, row) => wireDesk.hooks.creditFor(trx, row),
      pageInfo: (id, show) => wireDesk.hooks.pageInfo(id, show),
      sourcesOf: (ids) => wireDesk.hooks.sourcesOf(ids),
    },
  });
  jobs.register<{ ids: number[] }>(reindexJob, async ({ ids }) => {
    for (const id of ids) await search.indexArticle(id);
  });
  jobs.register<{ articleId: number }>(publishJob, async ({ articleId }) => {
    await articles.publishScheduled(articleId);
  });
  purgeBus.follow((keys) => articles.forgetListings(keys === '*' ? ['site'] : keys));
  // Settings and sections are held in memory; another instance changed them if it purged the whole site.
  purgeBus.followRemote((keys) => {
    if (keys === '*' || keys.includes('site'))
      void Promise.all([settings.load(), taxonomy.load()]).catch(() => undefined);
  });
  const feeds = new FeedsService({
    articles,
    taxonomy,
    settings,
    publicUrl: config.publicUrl,
    hub: config.websubHub,
    now: () => clock.now(),
  });
  const websub = new WebSubNotifier({
    hub: config.websubHub,
    jobs,
    clock,
    feedUrlsFor: (keys) => feeds.feedUrlsFor(keys),
    ...(options.log ? { log: options.log } : {}),
  });
  websub.registerJobs();
  // Each write is announced to the WebSub hub once, by the instance that made it.
  purgeBus.followLocal((keys) => websub.changed(keys));
  const commentEvents = new CommentEvents({ pool: db.pool });
  await commentEvents.start();
  const comments = new CommentsService({
    db,
    clock,
    articles,
    purge: (keys) => purgeBus.purge(keys),
    visible: (comment) => commentEvents.publish(comment),
    ...(config.akismet
      ? {
          spamChecker: akismetChecker({
            ...config.akismet,
            site: config.publicUrl,
            language: config.site.language,
          }),
        }
      : {}),
    ...(options.log ? { log: options.log } : {}),
    // Made just below; a reply's first approval queues its mail in the approving transaction.
    firstApproval: (trx, comment) => commentNotifier.replyApproved(trx, comment),
  });
  // A comment setting pages show (guests allowed, auto-close) changed on another instance:
  // its purge of the whole site says so, and renders here stop using their copy at once.
  purgeBus.followRemote((keys) => {
    if (keys === '*' || keys.includes('site')) comments.settings.forget();
  });
  const readers = new ReaderAccounts({
    db,
    clock,
    mail,
    settings: comments.settings,
    publicUrl: config.publicUrl,
    siteName: () => settings.get().siteName,
  });
  const commentNotifier: CommentNotifier = new CommentNotifier({
    db,
    clock,
    jobs,
    mail,
    settings: comments.settings,
    articles,
    sectionSlug: (id) => taxonomy.sectionById(id)?.slug,
    timeZone: () => settings.get().timeZone,
    staff: () => staff.list(),
    publicUrl: config.publicUrl,
    siteName: () => settings.get().siteName,
  });
  commentNotifier.registerJobs();
  // Read once now: article pages then use a copy up to a minute old and render without a query for it.
  await comments.settings.get();
  const wireDesk: WireDeskService = new WireDeskService({
    db,
    clock,
    articles,
    settings,
    staff,
    mail,
    publicUrl: config.publicUrl,
    media,
    // Made just below; used only once an item is adopted.
    fetchImage: (url) => wireIngest.fetchImage(url),
  });
  wireDesk.registerJobs(jobs);
  const wireIngest = new WireIngest({
    db,
    clock,
    jobs,
    sectionExists: (id) => taxonomy.sectionById(id) !== undefined,
    fetch: {
      allowHosts: config.wire.allowHosts,
      timeoutMs: config.wire.fetchTimeoutMs,
      maxBytes: config.wire.maxFetchBytes,
      userAgent: `Newsdesk wire reader (+${config.publicUrl})`,
    },
    ...(options.log ? { log: options.log } : {}),
  });
  wireIngest.registerJobs();
  return {
    db,
    settings,
    taxonomy,
    media,
    related,
    articles,
    cache,
    purgeBus,
    clock,
    jobs,
    mail,
    staff,
    search,
    feeds,
    websub,
    comments,
    commentEvents,
    wireDesk,
    readers,
    commentNotifier,
    wireIngest,
  };
}

/**
 * Validation: every problem reported at once, and a misspelt field reported rather than
 * dropped. Only the URL (query, params) is coerced from text: coercing a JSON body would
 * turn `frontPageSlot: null` into 0, the top story.
 */
const validators = (() => {
  const make = (coerceTypes: 'array' | false) => {
    const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes, strict: false });
    addFormats.default(ajv);
    return ajv;
  };
  return { url: make('array'), body: make(false) };
})();

function validatorFor({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? validators.body : validators.url).compile(schema);
}

/** Lets go of what createServices opened, in order: pending pings, jobs, mail, listeners, the database. */
export async function closeServices(services: Services): Promise<void> {
  await services.websub.settled();
  await services.jobs.stop();
  services.mail.close();
  await services.purgeBus.stop();
  await services.commentEvents.stop();
  await services.db.close();
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const services = await createServices(config, options);
  if (options.seedDemo) {
    const { seedDemoIfEmpty } = await import('./db/seed/demo.js');
    await seedDemoIfEmpty(services);
  }
  const cache = services.cache;

  const app = Fastify({
    logger: { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Report every field that needs attention at once, not just the first.

    // Cached pages are answered before Fastify sees the request: a map lookup and a write.
    serverFactory: (handler) => {
      const server = http.createServer((req, res) => {
        if (!cache) return handler(req, res);
        if (cache.serve(req, res)) return;
        // Another request is rendering this page: wait for its answer rather than render it again.
        const rendering = cache.awaitRender(req, res);
        if (!rendering) return handler(req, res);
        void rendering.then(() => {
          if (!cache.serve(req, res)) handler(req, res);
        });
      });
      // With a server factory Fastify leaves the server's timeouts to us.
      server.keepAliveTimeout = 5_000;
      server.headersTimeout = 15_000;
      server.requestTimeout = 30_000;
      return server;
    },
  });
  app.decorate('services', services);
  app.setValidatorCompiler(validatorFor);

  // Requests made through inject() skip the server factory; answer them from the cache too.
  if (cache) {
    app.addHook('onRequest', async (request, reply) => {
      if (cache.serve(request.raw, reply.raw)) reply.hijack();
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    // Content API keys travel in the query string; they stay out of the logs.
    const url = request.url.replace(/([?&]key=)[^&]*/g, '$1[redacted]');
    if (reply.statusCode >= 500) request.log.error({ url, status: reply.statusCode }, 'request failed');
    else request.log.debug({ url, status: reply.statusCode, ms: reply.elapsedTime }, 'request');
  });

  const assets = loadAssets();
  const sender = createPageSender(cache, config);
  const site = createSite({
    articles: services.articles,
    taxonomy: services.taxonomy,
    settings: services.settings,
    sender,
    assets,
    publicUrl: config.publicUrl,
    now: () => services.clock.now(),
    findImage: async (id) => {
      const image = await services.media.findById(id);
      const sources = image ? imageSources(image) : null;
      return sources?.src ? { src: sources.src, width: sources.width, height: sources.height } : undefined;
    },
    loadThread: (article) =>
      loadArticleThread(services.comments, article, {
        now: services.clock.now(),
        island: assets.commentsIsland?.url ?? null,
      }),
  });

  const wantsPage = (request: FastifyRequest) =>
    !/^\/api(\/|\?|$)/.test(request.url) &&
    (request.routeOptions.config?.page === true || (request.headers.accept ?? '').includes('text/html'));

  const answerError = (request: FastifyRequest, reply: FastifyReply, error: AppError) => {
    if (error.details?.retryAfterSeconds) reply.header('retry-after', String(error.details.retryAfterSeconds));
    if (wantsPage(request)) return site.renderError(request, reply, error.status, error.message);
    return reply
      .code(error.status)
      .header('cache-control', 'no-store')
      .send({ error: { code: error.code, message: error.message, ...(error.details ?? {}) } });
  };

  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) return answerError(request, reply, err);
    const fe = err as FastifyError;
    if (fe.validation) {
      if (fe.validationContext === 'body') {
        // A form's mistakes, field by field, so the newsroom can show each beside its field.
        const fields: FieldError[] = fe.validation.map((v) => ({
          field:
            v.keyword === 'required'
              ? String((v.params as { missingProperty?: string }).missingProperty ?? '')
              : v.keyword === 'additionalProperties'
                ? String((v.params as { additionalProperty?: string }).additionalProperty ?? '')
                : v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
          message:
            v.keyword === 'required'
              ? 'This is required.'
              : v.keyword === 'additionalProperties'
                ? 'This field is not known.'
                : `This ${v.message ?? 'is not valid'}.`,
        }));
        return answerError(
          request,
          reply,
          new AppError('validation_failed', 'Some fields need attention.', { fields }),
        );
      }
      return answerError(request, reply, new AppError('invalid_parameter', `The request is not valid: ${fe.message}.`));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code =
        fe.statusCode === 413
          ? 'payload_too_large'
          : fe.statusCode === 415
            ? 'unsupported_media_type'
            : fe.statusCode === 429
              ? 'rate_limited'
              : fe.statusCode === 405
                ? 'method_not_allowed'
                : 'bad_request';
      return answerError(request, reply, new AppError(code, fe.message));
    }
    request.log.error({ err }, 'internal error');
    return answerError(
      request,
      reply,
      new AppError('internal_error', 'Something went wrong on our side. Please try again in a moment.'),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    answerError(
      request,
      reply,
      new AppError('not_found', 'We could not find that page. It may have moved or never existed.'),
    ),
  );

  registerAssets(app, assets);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Newsdesk Admin API',
        version: '1',
        description: 'The newsroom API: articles, workflow, media, taxonomy, staff and settings.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'nd_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          // The Content API's, declared here because @fastify/swagger resolves every route's security against them.
          contentKey: { type: 'apiKey', in: 'query', name: 'key' },
          contentKeyHeader: { type: 'apiKey', in: 'header', name: 'x-content-key' },
        },
      },
    },
    // Only the Admin API is described here; the reader site is pages, not an API.
    // Each operation says which ability it needs (x-newsdesk-access), from the same route config the guard reads.
    transform: ({ schema, url, route }) => {
      // The Content API has its own document (/api/content/openapi.json), cut from this one.
      if (url.startsWith(`${contentPrefix}/`)) return { schema: { ...schema, security: contentSecurity(route) }, url };
      if (!url.startsWith('/api/admin/')) return { schema: { ...schema, hide: true }, url };
      const access = route.config?.access;
      const security = access === 'public' ? [] : [{ session: [], csrf: [] }];
      return { schema: { ...schema, 'x-newsdesk-access': access, security }, url };
    },
  });
  const contentKeys = new ContentKeys({ db: services.db, clock: services.clock });
  await app.register(
    async (admin) => {
      await admin.register(fastifyMultipart, {
        limits: { fileSize: config.media.maxUploadBytes, files: 1, fields: 10 },
      });
      const api = adminGuard(admin, {
        staff: services.staff,
        publicUrl: config.publicUrl,
        secureCookies: config.sessions.secureCookies,
      });
      registerOutboxRoutes(api, { mail: services.mail });
      registerNewsroomRoutes(api, {
        staff: services.staff,
        secureCookies: config.sessions.secureCookies,
        sessionHours: config.sessions.idleHours,
      });
      registerArticleRoutes(api, {
        articles: services.articles,
        staff: services.staff,
        taxonomy: services.taxonomy,
        settings: services.settings,
        renderPreview: site.renderPreview,
      });
      registerMediaRoutes(api, {
        media: services.media,
        mediaDir: config.mediaDir,
        maxUploadBytes: config.media.maxUploadBytes,
        onChange: (id) => services.articles.refreshImageUsers(id),
      });
      registerTaxonomyRoutes(api, {
        taxonomy: services.taxonomy,
        purge: (keys) => {
          services.purgeBus.purge(keys);
          // A renamed tag or author changes what its articles are found by: index them again, in a job.
          const ids = keys.flatMap((k) => (k.startsWith('article:') ? [Number(k.slice('article:'.length))] : []));
          if (ids.length > 0)
            void services.jobs
              .enqueue(reindexJob, { ids })
              .catch((err) => app.log.error({ err }, 'reindex not queued'));
        },
      });
      registerSettingsRoutes(api, {
        settings: services.settings,
        purgeAll: () => services.purgeBus.purgeAll(),
        imageExists: async (id) => (await services.media.findById(id)) !== undefined,
      });
      registerContentKeyRoutes(api, { keys: contentKeys });
      registerWireDeskRoutes(api, { desk: services.wireDesk, articles: services.articles });
      registerWireSourceRoutes(api, { wire: services.wireIngest });
      registerModerationRoutes(api, {
        comments: services.comments,
        db: services.db,
        staff: services.staff,
        taxonomy: services.taxonomy,
        settings: services.settings,
      });
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
        onlyPaths(app.swagger() as unknown as Record<string, unknown>, '/api/admin/'),
      );
    },
    { prefix: '/api/admin' },
  );
  await app.register(contentApi, {
    prefix: contentPrefix,
    content: new ContentService({ articles: services.articles, taxonomy: services.taxonomy }),
    keys: contentKeys,
    publicUrl: config.publicUrl,
    ratePerMinute: config.contentApi.ratePerMinute,
    openapi: () => app.swagger() as unknown as Record<string, unknown>,
  });
  registerNewsroomApp(app, { dist: config.adminDist });
  fs.mkdirSync(config.mediaDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: config.mediaDir,
    prefix: '/media/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    index: false,
    // Originals keep camera metadata (even where a photo was taken); staff fetch them via the Admin API.
    allowedPath: (pathName) => !/\/original\.[a-z0-9]+$/i.test(pathName),
    // Variants never change under the same name: a new upload gets a new key.
    setHeaders: (reply) => {
      reply.header('x-content-type-options', 'nosniff');
    },
  });

  app.get('/health', async () => {
    await services.db.kysely.selectFrom('settings').select('key').limit(1).execute();
    return { status: 'ok', database: services.db.dialect };
  });

  site.register(app);
  await registerCommentRoutes(app, {
    services,
    sender,
    context: site.context,
    publicUrl: config.publicUrl,
    secureCookies: config.sessions.secureCookies,
    readers: services.readers,
  });
  registerCommentEvents(app, {
    events: services.commentEvents,
    isOpenArticle: async (id) => (await services.articles.findRecord(id))?.status === 'published',
  });
  await registerReaderRoutes(app, {
    readers: services.readers,
    notifier: services.commentNotifier,
    comments: services.comments,
    sender,
    context: site.context,
    publicUrl: config.publicUrl,
    secureCookies: config.sessions.secureCookies,
  });
  registerFeedRoutes(app, { feeds: services.feeds, sender, hub: config.websubHub });
  registerSeoRoutes(app, {
    articles: services.articles,
    settings: services.settings,
    sender,
    publicUrl: config.publicUrl,
    now: () => services.clock.now(),
  });
  registerSearchRoutes(app, { services, sender, context: site.context });

  // The masthead shows today's date: start every page afresh at local midnight.
  let midnight: NodeJS.Timeout | undefined;
  const scheduleMidnight = () => {
    midnight = setTimeout(() => {
      services.purgeBus.purgeAll();
      // Housekeeping once a day: finished jobs and dead sessions are not kept for ever.
      const monthAgo = new Date(services.clock.now().getTime() - 30 * 86400_000);
      void Promise.all([
        services.jobs.prune(monthAgo),
        services.staff.pruneExpired(),
        services.readers.pruneExpired(),
      ]).catch((err) => app.log.warn({ err }, 'daily housekeeping failed'));
      scheduleMidnight();
    }, msUntilLocalMidnight(services.clock.now(), services.settings.get().timeZone) + 1000);
    midnight.unref();
  };
  scheduleMidnight();

  if (config.jobs.enabled) {
    services.jobs.start();
    // The moderators' digest is a chain of jobs; each instance that runs jobs makes sure it exists.
    void services.commentNotifier.scheduleDigest().catch((err) => app.log.warn({ err }, 'digest not scheduled'));
    // Wire polling is a recurring job too: it looks for sources due a poll every minute.
    void services.wireIngest.startScheduler().catch((err) => app.log.warn({ err }, 'wire polling not scheduled'));
  }

  app.addHook('onClose', async () => {
    clearTimeout(midnight);
    await closeServices(services);
  });

  return app;
}
