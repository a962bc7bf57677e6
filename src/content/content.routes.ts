import { createHash } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import { type TSchema, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, invalidParameter } from '../errors.js';
import { type AdminApp, actorOf } from '../newsroom/admin.plugin.js';
import type { ContentKeys } from './content.keys.js';
import {
  type ArticleInclude,
  articleIncludes,
  parseFilter,
  parseLimit,
  parseList,
  parseOrder,
  parsePage,
  type RawQuery,
} from './content.params.js';
import { type ArticleField, articleFields, ContentPresenter, pagination, taxonomyFields } from './content.present.js';
import {
  ArticleJson,
  AuthorJson,
  envelope,
  IdParams,
  ListQuery,
  ReadQuery,
  SectionJson,
  SlugParams,
  StoryJson,
  TagJson,
} from './content.schema.js';
import type { ContentService, Lookup, TaxonomyKind } from './content.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Content API routes that answer without a key (its OpenAPI document). */
    contentKey?: false;
  }
}

export const contentPrefix = '/api/content';

/** The key a request presents: `?key=` (as Ghost's clients send it) or the x-content-key header. */
function presentedKey(request: FastifyRequest): string | undefined {
  const fromQuery = (request.query as { key?: unknown } | undefined)?.key;
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  const fromHeader = request.headers['x-content-key'];
  return typeof fromHeader === 'string' && fromHeader !== '' ? fromHeader : undefined;
}

/** An If-None-Match header names this ETag (or `*`); weak and strong compare alike for GET. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((part) => {
    const tag = part.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

function parseId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1) throw invalidParameter('id', 'must be a whole number from 1');
  return Number(raw);
}

export interface ContentApiOptions {
  content: ContentService;
  keys: ContentKeys;
  publicUrl: string;
  ratePerMinute: number;
  /** The whole OpenAPI document; the content part of it is served here. */
  openapi: () => Record<string, unknown>;
}

/**
 * The public, read-only Content API under /api/content: any origin may read with a key.
 * CORS and the rate limit are registered inside this plugin, so they reach no other route.
 */
export async function contentApi(app: FastifyInstance, opts: ContentApiOptions): Promise<void> {
  await app.register(fastifyCors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'OPTIONS'],
    allowedHeaders: ['x-content-key', 'if-none-match', 'accept'],
    exposedHeaders: ['etag', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 86400,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: opts.ratePerMinute,
    timeWindow: 60_000,
    // Per key, so one busy integration does not starve another; per address without one.
    keyGenerator: (request) => {
      const key = presentedKey(request);
      return key ? `key:${createHash('sha256').update(key).digest('base64url')}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(
        'rate_limited',
        `Too many requests: this key may make ${context.max} a minute. Try again in ${seconds} s.`,
        { retryAfterSeconds: seconds },
      );
    },
  });

  // After the rate limit (a route hook of onRequest), so a flood of wrong keys is limited too.
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.config?.contentKey === false) return;
    const secret = presentedKey(request);
    if (!secret) {
      throw new AppError(
        'unauthorized',
        'A content key is required: add ?key=<your key> or an x-content-key header. Keys are made in the newsroom under Content API keys.',
      );
    }
    if (!(await opts.keys.verify(secret))) {
      throw new AppError(
        'unauthorized',
        'This content key is not known or has been revoked. Ask the newsroom for a current key.',
      );
    }
  });

  // Answers are public and the same for every key: cacheable for a minute, revalidated by ETag.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=60');
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });

  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const present = new ContentPresenter(opts.publicUrl);
  const { content } = opts;
  const tags = ['content'];

  const fieldsOf = (raw: string | undefined) => parseList<ArticleField>('fields', raw, articleFields);
  const includeOf = (raw: string | undefined) => parseList<ArticleInclude>('include', raw, articleIncludes) ?? [];

  api.get(
    '/articles',
    {
      schema: {
        tags,
        summary: 'Published articles, newest first',
        querystring: ListQuery(true),
        response: { 200: envelope('articles', ArticleJson, true) },
      },
    },
    async (request) => {
      const q = request.query as RawQuery;
      const fields = fieldsOf(q.fields);
      const include = includeOf(q.include);
      const limit = parseLimit(q.limit);
      const page = parsePage(q.page);
      const list = await content.listArticles({
        filter: parseFilter(q.filter),
        order: parseOrder(q.order),
        page,
        limit,
      });
      return {
        articles: list.items.map((a) => present.article(a, { fields, include })),
        meta: pagination(page, limit, list.total),
      };
    },
  );

  const readArticle = async (by: Lookup, q: RawQuery) => {
    const fields = fieldsOf(q.fields);
    const include = includeOf(q.include);
    return { articles: [present.article(await content.findArticle(by), { fields, include })] };
  };
  const oneArticle = {
    tags,
    querystring: ReadQuery(true),
    response: { 200: envelope('articles', ArticleJson, false) },
  };
  api.get(
    '/articles/:id',
    { schema: { ...oneArticle, summary: 'A published article by id', params: IdParams } },
    async (request) => readArticle({ id: parseId(request.params.id) }, request.query as RawQuery),
  );
  api.get(
    '/articles/slug/:slug',
    { schema: { ...oneArticle, summary: 'A published article by slug', params: SlugParams } },
    async (request) => readArticle({ slug: request.params.slug }, request.query as RawQuery),
  );

  const taxonomyRoutes = (
    kind: TaxonomyKind,
    item: TSchema,
    presentOne: (x: never, f: readonly string[] | null) => unknown,
  ) => {
    const allowed = taxonomyFields[kind];
    const noInclude = (q: RawQuery & Record<string, unknown>) => {
      for (const name of ['include', 'filter', 'order'] as const) {
        if (typeof q[name] === 'string' && q[name] !== '') throw invalidParameter(name, `is offered for articles only`);
      }
    };
    api.get(
      `/${kind}`,
      {
        schema: {
          tags,
          summary: `Every ${kind.slice(0, -1)}`,
          querystring: ListQuery(false),
          response: { 200: envelope(kind, item, true) },
        },
      },
      async (request) => {
        const q = request.query as RawQuery & Record<string, unknown>;
        noInclude(q);
        const fields = parseList('fields', q.fields, allowed);
        const limit = parseLimit(q.limit);
        const page = parsePage(q.page);
        const list = await content.listTaxonomy(kind, page, limit);
        return {
          [kind]: list.items.map((x) => presentOne(x as never, fields)),
          meta: pagination(page, limit, list.total),
        };
      },
    );
    const one = { tags, querystring: ReadQuery(false), response: { 200: envelope(kind, item, false) } };
    const read = async (by: Lookup, q: RawQuery & Record<string, unknown>) => {
      noInclude(q);
      const fields = parseList('fields', q.fields, allowed);
      return { [kind]: [presentOne((await content.findTaxonomy(kind, by)) as never, fields)] };
    };
    api.get(
      `/${kind}/:id`,
      { schema: { ...one, summary: `One of the ${kind} by id`, params: IdParams } },
      async (request) => read({ id: parseId(request.params.id) }, request.query as RawQuery & Record<string, unknown>),
    );
    api.get(
      `/${kind}/slug/:slug`,
      { schema: { ...one, summary: `One of the ${kind} by slug`, params: SlugParams } },
      async (request) => read({ slug: request.params.slug }, request.query as RawQuery & Record<string, unknown>),
    );
  };
  taxonomyRoutes('sections', SectionJson, (x, f) => present.section(x, f));
  taxonomyRoutes('tags', TagJson, (x, f) => present.tag(x, f));
  taxonomyRoutes('authors', AuthorJson, (x, f) => present.author(x, f));
  taxonomyRoutes('stories', StoryJson, (x, f) => present.story(x, f));

  api.get('/openapi.json', { config: { contentKey: false }, schema: { hide: true } }, async () =>
    contentDocument(opts.openapi()),
  );
}

/** The security an operation of the Content API declares in the OpenAPI document. */
export function contentSecurity(route: { config?: { contentKey?: false } } | undefined): Record<string, string[]>[] {
  return route?.config?.contentKey === false ? [] : [{ contentKey: [] }, { contentKeyHeader: [] }];
}

/** Only the paths under a prefix, from the whole document @fastify/swagger builds (which is shared: never mutated). */
export function onlyPaths(doc: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const paths = Object.fromEntries(
    Object.entries((doc.paths ?? {}) as Record<string, unknown>).filter(([path]) => path.startsWith(prefix)),
  );
  return { ...doc, paths };
}

function contentDocument(doc: Record<string, unknown>): Record<string, unknown> {
  const components = (doc.components ?? {}) as Record<string, unknown>;
  return {
    ...onlyPaths(doc, `${contentPrefix}/`),
    info: {
      title: 'Newsdesk Content API',
      version: '1',
      description:
        'Read-only JSON of published articles, sections, tags, authors and stories. Every request needs a content key made in the newsroom.',
    },
    components: {
      ...components,
      securitySchemes: {
        contentKey: { type: 'apiKey', in: 'query', name: 'key' },
        contentKeyHeader: { type: 'apiKey', in: 'header', name: 'x-content-key' },
      },
    },
    tags: [{ name: 'content', description: 'Published content' }],
  };
}

const KeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, description: 'Who will use it: "Mobile app", "Partner site".' }),
  },
  { additionalProperties: false },
);

/** The newsroom's side: make, list and revoke keys (owners: settings.manage). */
export function registerContentKeyRoutes(api: AdminApp, deps: { keys: ContentKeys }) {
  const schema = { tags: ['content-keys'] };
  api.get('/content-keys', { config: { access: 'settings.manage' }, schema }, async () => ({
    items: await deps.keys.list(),
  }));
  api.post(
    '/content-keys',
    { config: { access: 'settings.manage' }, schema: { ...schema, body: KeyBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      reply.code(201);
      return deps.keys.create({ name: request.body.name }, { id: actor.id, name: actor.name });
    },
  );
  api.delete(
    '/content-keys/:id',
    {
      config: { access: 'settings.manage' },
      schema: { ...schema, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) },
    },
    async (request, reply) => {
      await deps.keys.revoke(request.params.id);
      return reply.code(204).send();
    },
  );
}
