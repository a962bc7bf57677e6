import { Type } from '@fastify/type-provider-typebox';
import type { ArticlesService } from '../articles/articles.service.js';
import { notFound } from '../errors.js';
import { type AdminApp, actorOf } from '../newsroom/admin.plugin.js';
import { forbidden, requireOnArticle, scopeOf } from '../newsroom/newsroom.policy.js';
import { maxItemsPerArticle, type WireDeskService } from './desk/desk.service.js';
import { wireItemStatuses } from './wire.table.js';

/** One of a list, as one enum: a wrong value is one field error, not one per choice. */
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const VersionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), version: Type.Integer({ minimum: 1 }) });
const InboxQuery = Type.Object({
  source: Type.Optional(Type.Integer({ minimum: 1, description: 'Only items of this wire source' })),
  section: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Only items of sources whose default section this is' }),
  ),
  status: Type.Optional(literals(wireItemStatuses)),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words the headline or summary contains' })),
  before: Type.Optional(Type.String({ maxLength: 200, description: 'The nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
const AdoptBody = Type.Object(
  {
    itemIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: maxItemsPerArticle, uniqueItems: true }),
    sectionId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export interface DeskRouteDeps {
  desk: WireDeskService;
  articles: ArticlesService;
}

/** The wire desk's Admin API: the inbox, adopting items into drafts, provenance and alerts. */
export function registerWireDeskRoutes(app: AdminApp, deps: DeskRouteDeps) {
  const { desk, articles } = deps;
  const tags = ['wire desk'];

  app.get(
    '/wire/items',
    {
      config: { access: 'wire.desk' },
      schema: { tags, summary: 'The wire inbox, newest first, a page at a time', querystring: InboxQuery },
    },
    async (request) => {
      const { source, section, status, q, before, limit = 30 } = request.query;
      return desk.listInbox({
        limit,
        ...(source !== undefined ? { sourceId: source } : {}),
        ...(section !== undefined ? { sectionId: section } : {}),
        ...(status ? { status } : {}),
        ...(q ? { text: q } : {}),
        ...(before ? { before } : {}),
      });
    },
  );

  app.get(
    '/wire/items/:id',
    {
      config: { access: 'wire.desk' },
      schema: { tags, summary: 'One item in full, its versions, articles and similar items', params: Id },
    },
    async (request) => desk.getItem(request.params.id),
  );

  app.get(
    '/wire/items/:id/versions/:version',
    {
      config: { access: 'wire.desk' },
      schema: { tags, summary: 'A version exactly as the agency sent it (for audit)', params: VersionParams },
    },
    async (request) => desk.getVersion(request.params.id, request.params.version),
  );

  app.get(
    '/wire/items/:id/diff',
    {
      config: { access: 'wire.desk' },
      schema: {
        tags,
        summary: 'Word differences between two versions (default: the latest against the one before)',
        params: Id,
        querystring: Type.Object({
          from: Type.Optional(Type.Integer({ minimum: 1 })),
          to: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
      },
    },
    async (request) => {
      const { from, to } = request.query;
      return desk.diffVersions(request.params.id, {
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
    },
  );

  app.post(
    '/wire/items/:id/ignore',
    { config: { access: 'wire.desk' }, schema: { tags, summary: 'Set an item aside', params: Id } },
    async (request) => desk.ignore(request.params.id),
  );

  app.post(
    '/wire/items/:id/unignore',
    {
      config: { access: 'wire.desk' },
      schema: { tags, summary: 'Bring an ignored item back to the inbox', params: Id },
    },
    async (request) => desk.unignore(request.params.id),
  );

  app.post(
    '/wire/adopt',
    {
      config: { access: 'wire.desk' },
      schema: {
        tags,
        summary: 'Make a draft of one to five items, with their provenance and credit (also needs articles.create)',
        description:
          "The items' pictures are imported into the media library: the first becomes the feature image, inline " +
          'ones figures of the body. A picture that cannot be fetched is left out and named in `pictureProblems`.',
        body: AdoptBody,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!scopeOf(actor.role, 'articles.create')) throw forbidden(actor.role, 'articles.create');
      const { article: row, pictureProblems } = await desk.adopt(request.body, actor);
      reply.code(201);
      return {
        id: row.id,
        status: row.status,
        headline: row.headline,
        creditLine: row.credit_line,
        embargoUntil: row.embargo_until,
        featureImageId: row.feature_image_id,
        pictureProblems,
      };
    },
  );

  app.get(
    '/articles/:id/wire',
    {
      config: { access: 'articles.read' },
      schema: {
        tags,
        summary: "An article's wire provenance, open alerts, and what the desk added to the agency's copy",
        params: Id,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await articles.findRecord(request.params.id);
      if (!row) throw notFound('article');
      requireOnArticle(actor, 'articles.read', { createdBy: row.created_by, status: row.status });
      return desk.provenanceOf(row.id);
    },
  );

  app.get(
    '/wire/alerts',
    {
      config: { access: 'wire.desk' },
      schema: {
        tags,
        summary: 'Open alerts about agency updates, kills and corrections, newest first',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
      },
    },
    async (request) => ({ items: await desk.listOpenAlerts(request.query.limit ?? 50, actorOf(request)) }),
  );

  app.post(
    '/wire/alerts/:id/resolve',
    {
      config: { access: 'articles.edit' },
      schema: { tags, summary: 'Mark an alert as dealt with (needs the right to edit its article)', params: Id },
    },
    async (request) => {
      const actor = actorOf(request);
      const alert = await desk.findAlert(request.params.id);
      const row = await articles.findRecord(alert.article_id);
      if (!row) throw notFound('article');
      requireOnArticle(actor, 'articles.edit', { createdBy: row.created_by, status: row.status });
      return desk.resolveAlert(alert.id, actor);
    },
  );
}
