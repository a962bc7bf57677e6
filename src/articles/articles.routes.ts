import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { type AdminApp, actorOf } from '../newsroom/admin.plugin.js';
import { type Actor, articleAbilitiesFor, forbidden, requireOnArticle, scopeOf } from '../newsroom/newsroom.policy.js';
import type { StaffService } from '../newsroom/staff.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { diffSnapshots } from './articles.history.js';
import { articlePath } from './articles.paths.js';
import {
  type ArticleInput,
  type ArticlePage,
  type ArticleRecord,
  type ArticlesService,
  editableFields,
} from './articles.service.js';
import { articleKinds, articleStatuses, commentModes, noteKinds } from './articles.table.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));
const IdList = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 });
const Url = Type.String({ maxLength: 2000 });

/** The fields an editor can change; every one optional on PATCH. */
const fieldSchemas = {
  headline: Type.String({ maxLength: 300 }),
  standfirst: Type.String({ maxLength: 1000 }),
  slug: Type.String({ maxLength: 200 }),
  body: Type.Object(
    { type: Type.Literal('doc'), content: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))) },
    { additionalProperties: true, description: 'A ProseMirror document on the Newsdesk body schema' },
  ),
  kind: literals(articleKinds),
  sectionId: Type.Integer({ minimum: 1 }),
  authorIds: IdList,
  tagIds: IdList,
  featureImageId: Nullable(Type.Integer({ minimum: 1 })),
  featureImageCaption: Nullable(Type.String({ maxLength: 1000 })),
  creditLine: Nullable(Type.String({ maxLength: 300 })),
  wireSource: Nullable(Type.String({ maxLength: 200 })),
  wireSourceUrl: Nullable(Url),
  canonicalUrl: Nullable(Url),
  isBreaking: Type.Boolean(),
  breakingUntil: Nullable(Type.String({ format: 'date-time' })),
  frontPageSlot: Nullable(Type.Integer({ minimum: 0, maximum: 6 })),
  storyId: Nullable(Type.Integer({ minimum: 1 })),
  commentsMode: literals(commentModes),
  seoTitle: Nullable(Type.String({ maxLength: 300 })),
  seoDescription: Nullable(Type.String({ maxLength: 500 })),
  robots: Nullable(Type.String({ maxLength: 100 })),
  showWireChanges: Type.Boolean({ description: 'Wire copy: show readers what the desk added to the agency copy' }),
};

const optionalFields = Object.fromEntries(
  Object.entries(fieldSchemas).map(([k, v]) => [k, k.endsWith('Id') && k !== 'sectionId' ? v : Type.Optional(v)]),
) as { [K in keyof typeof fieldSchemas]: ReturnType<typeof Type.Optional<(typeof fieldSchemas)[K]>> };

const CreateBody = Type.Object(
  { ...optionalFields, headline: fieldSchemas.headline, sectionId: fieldSchemas.sectionId },
  { additionalProperties: false },
);
const UpdateBody = Type.Object(
  { ...optionalFields, version: Type.Integer({ minimum: 1 }), autosave: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const RevisionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), rev: Type.Integer({ minimum: 1 }) });
const ListQuery = Type.Object({
  status: Type.Optional(literals(articleStatuses)),
  sectionId: Type.Optional(Type.Integer({ minimum: 1 })),
  authorId: Type.Optional(Type.Integer({ minimum: 1 })),
  tagId: Type.Optional(Type.Integer({ minimum: 1 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

/** Front-page slots and the breaking flag belong to the editors who curate the site. */
const curatedFields = ['frontPageSlot', 'isBreaking', 'breakingUntil'] as const;

export interface ArticleRouteDeps {
  articles: ArticlesService;
  staff: StaffService;
  taxonomy: TaxonomyService;
  settings: SettingsService;
  renderPreview: (request: FastifyRequest, reply: FastifyReply, article: ArticlePage) => Promise<FastifyReply>;
}

/** The Admin API for articles: thin handlers over the articles service, every one behind the policy. */
export function registerArticleRoutes(app: AdminApp, deps: ArticleRouteDeps) {
  const { articles } = deps;

  const facts = (row: ArticleRecord) => ({ createdBy: row.created_by, status: row.status });

  const load = async (id: number) => {
    const row = await articles.findRecord(id);
    if (!row) throw new AppError('not_found', 'We could not find that article.');
    return row;
  };

  const readerUrl = (row: Pick<ArticleRecord, 'status' | 'section_id' | 'first_published_at' | 'slug'>) => {
    const section = deps.taxonomy.sectionById(row.section_id);
    if (row.status !== 'published' || !section) return null;
    return articlePath(section.slug, row.first_published_at, row.slug, deps.settings.get().timeZone);
  };

  async function present(row: ArticleRecord, actor: Actor) {
    const [{ authorIds, tagIds }, notes, creators] = await Promise.all([
      articles.membershipOf(row.id),
      articles.notesOf(row.id),
      deps.staff.namesOf(row.created_by ? [row.created_by] : []),
    ]);
    return {
      id: row.id,
      status: row.status,
      version: row.version,
      ...editableFields(row, authorIds, tagIds),
      wordCount: row.word_count,
      url: readerUrl(row),
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
      publishedAt: row.published_at,
      firstPublishedAt: row.first_published_at,
      scheduledAt: row.scheduled_at,
      createdBy: creators[0] ?? null,
      notes,
      abilities: articleAbilitiesFor(actor, facts(row)),
    };
  }

  const requireCuration = (actor: Actor, input: Record<string, unknown>, before?: ArticleRecord) => {
    const touches = curatedFields.some((field) => {
      if (input[field] === undefined) return false;
      if (!before) return input[field] !== null && input[field] !== false;
      const current =
        field === 'frontPageSlot'
          ? before.front_page_slot
          : field === 'isBreaking'
            ? before.is_breaking === 1
            : before.breaking_until;
      return input[field] !== current;
    });
    if (touches && !scopeOf(actor.role, 'frontpage.curate')) throw forbidden(actor.role, 'frontpage.curate');
  };

  app.get(
    '/articles',
    { config: { access: 'articles.read' }, schema: { tags: ['articles'], querystring: ListQuery } },
    async (request) => {
      const actor = actorOf(request);
      const { page = 1, limit = 20, q: text, ...filter } = request.query;
      const own = scopeOf(actor.role, 'articles.read') === 'own';
      const { rows, total, bylines } = await articles.listForNewsroom(
        { ...filter, ...(text ? { text } : {}), ...(own ? { createdBy: actor.id } : {}) },
        page,
        limit,
      );
      const items = rows.map((r) => ({
        id: r.id,
        headline: r.headline,
        slug: r.slug,
        status: r.status,
        sectionId: r.section_id,
        section: deps.taxonomy.sectionById(r.section_id)?.name ?? '',
        authors: bylines.filter((b) => b.article_id === r.id).map((b) => ({ id: b.id, name: b.name })),
        modifiedAt: r.modified_at,
        publishedAt: r.published_at,
        scheduledAt: r.scheduled_at,
        isBreaking: r.is_breaking === 1,
        frontPageSlot: r.front_page_slot,
        url: readerUrl(r),
      }));
      return { items, page, limit, total };
    },
  );

  app.post(
    '/articles',
    { config: { access: 'articles.create' }, schema: { tags: ['articles'], body: CreateBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      requireCuration(actor, request.body);
      const input = { body: { type: 'doc', content: [] }, ...request.body } as ArticleInput;
      const row = await articles.createArticle(input, { actor: actor.id });
      reply.code(201);
      return present(row, actor);
    },
  );

  app.get(
    '/articles/:id',
    { config: { access: 'articles.read' }, schema: { tags: ['articles'], params: Id } },
    async (request) => {
      const actor = actorOf(request);
      const row = await load(request.params.id);
      requireOnArticle(actor, 'articles.read', facts(row));
      return present(row, actor);
    },
  );

  app.patch(
    '/articles/:id',
    { config: { access: 'articles.edit' }, schema: { tags: ['articles'], params: Id, body: UpdateBody } },
    async (request) => {
      const actor = actorOf(request);
      const before = await load(request.params.id);
      requireOnArticle(actor, 'articles.edit', facts(before));
      const { version, autosave, ...patch } = request.body;
      requireCuration(actor, patch, before);
      const row = await articles.updateArticle(before.id, patch as Partial<ArticleInput>, version, {
        actor: actor.id,
        autosave: autosave === true,
      });
      return present(row, actor);
    },
  );

  app.delete(
    '/articles/:id',
    { config: { access: 'articles.delete' }, schema: { tags: ['articles'], params: Id } },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await load(request.params.id);
      requireOnArticle(actor, 'articles.delete', facts(row));
      await articles.deleteArticle(row.id);
      return reply.code(204).send();
    },
  );

  /** A workflow step: load, check the ability on this article, act, present. */
  const step = (
    ability: 'articles.submit' | 'articles.publish' | 'articles.schedule' | 'articles.unpublish',
    act: (row: ArticleRecord, actor: Actor, body: unknown) => Promise<ArticleRecord>,
  ) => {
    return async (request: FastifyRequest<{ Params: { id: number } }>) => {
      const actor = actorOf(request);
      const row = await load(request.params.id);
      requireOnArticle(actor, ability, facts(row));
      return present(await act(row, actor, request.body), actor);
    };
  };

  const tagged = (summary: string) => ({ tags: ['articles'], summary, params: Id });

  app.put(
    '/articles/:id/review',
    { config: { access: 'articles.submit' }, schema: tagged('Submit for review') },
    step('articles.submit', (row, actor) => articles.submitForReview(row.id, { actor: actor.id })),
  );
  app.delete(
    '/articles/:id/review',
    { config: { access: 'articles.submit' }, schema: tagged('Take back from review to draft') },
    step('articles.submit', (row, actor) => articles.returnToDraft(row.id, { actor: actor.id })),
  );
  app.put(
    '/articles/:id/publication',
    { config: { access: 'articles.publish' }, schema: tagged('Publish now') },
    step('articles.publish', (row, actor) => articles.publishArticle(row.id, undefined, { actor: actor.id })),
  );
  app.delete(
    '/articles/:id/publication',
    {
      config: { access: 'articles.unpublish' },
      schema: {
        ...tagged('Unpublish, or withdraw (readers get 410 Gone)'),
        body: Type.Optional(Type.Object({ withdraw: Type.Optional(Type.Boolean()) })),
      },
    },
    step('articles.unpublish', (row, actor, body) =>
      articles.unpublishArticle(
        row.id,
        (body as { withdraw?: boolean } | undefined)?.withdraw ? 'withdrawn' : 'unpublished',
        {
          actor: actor.id,
        },
      ),
    ),
  );
  app.put(
    '/articles/:id/schedule',
    {
      config: { access: 'articles.schedule' },
      schema: { ...tagged('Schedule publication'), body: Type.Object({ at: Type.String({ format: 'date-time' }) }) },
    },
    step('articles.schedule', (row, actor, body) =>
      articles.scheduleArticle(row.id, new Date((body as { at: string }).at), { actor: actor.id }),
    ),
  );
  app.delete(
    '/articles/:id/schedule',
    { config: { access: 'articles.schedule' }, schema: tagged('Cancel the schedule (back to draft)') },
    step('articles.schedule', (row, actor) => articles.unscheduleArticle(row.id, { actor: actor.id })),
  );

  app.post(
    '/articles/:id/notes',
    {
      config: { access: 'articles.edit' },
      schema: {
        tags: ['articles'],
        summary: 'Append a correction, update or clarification',
        params: Id,
        body: Type.Object({ kind: literals(noteKinds), body: Type.String({ maxLength: 2000 }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await load(request.params.id);
      requireOnArticle(actor, 'articles.edit', facts(row));
      const note = await articles.addNote(row.id, request.body, { actor: actor.id });
      reply.code(201);
      return note;
    },
  );

  const withNames = async <T extends { staffId: number | null }>(items: T[]) => {
    const ids = [...new Set(items.flatMap((i) => (i.staffId ? [i.staffId] : [])))];
    const names = new Map((await deps.staff.namesOf(ids)).map((s) => [s.id, s]));
    return items.map(({ staffId, ...rest }) => ({ ...rest, staff: staffId ? (names.get(staffId) ?? null) : null }));
  };

  const readable = async (request: FastifyRequest, id: number) => {
    const actor = actorOf(request);
    const row = await load(id);
    requireOnArticle(actor, 'articles.read', facts(row));
    return row;
  };

  app.get(
    '/articles/:id/events',
    { config: { access: 'articles.read' }, schema: { tags: ['articles'], summary: 'Who did what, when', params: Id } },
    async (request) => {
      const row = await readable(request, request.params.id);
      const items = await withNames(await articles.history.listEvents(row.id));
      return { items, page: 1, limit: items.length, total: items.length };
    },
  );

  app.get(
    '/articles/:id/revisions',
    { config: { access: 'articles.read' }, schema: { tags: ['articles'], params: Id } },
    async (request) => {
      const row = await readable(request, request.params.id);
      const items = await withNames(await articles.history.listRevisions(row.id));
      return { items, page: 1, limit: items.length, total: items.length };
    },
  );

  app.get(
    '/articles/:id/revisions/:rev',
    { config: { access: 'articles.read' }, schema: { tags: ['articles'], params: RevisionParams } },
    async (request) => {
      const row = await readable(request, request.params.id);
      const [revision] = await withNames([await articles.history.getRevision(row.id, request.params.rev)]);
      return revision;
    },
  );

  app.get(
    '/articles/:id/revisions/:rev/diff',
    {
      config: { access: 'articles.read' },
      schema: {
        tags: ['articles'],
        summary: 'Word-level differences between a revision and the current article (or another revision)',
        params: RevisionParams,
        querystring: Type.Object({ against: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => {
      const row = await readable(request, request.params.id);
      const from = (await articles.history.getRevision(row.id, request.params.rev)).snapshot;
      const to = request.query.against
        ? (await articles.history.getRevision(row.id, request.query.against)).snapshot
        : await articles.currentSnapshot(row.id);
      return { fields: diffSnapshots(from, to) };
    },
  );

  app.post(
    '/articles/:id/revisions/:rev/restoration',
    {
      config: { access: 'articles.edit' },
      schema: {
        tags: ['articles'],
        summary: 'Restore a revision as a new version',
        params: RevisionParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await load(request.params.id);
      requireOnArticle(actor, 'articles.edit', facts(row));
      const restored = await articles.restoreRevision(row.id, request.params.rev, request.body.version, {
        actor: actor.id,
      });
      return present(restored, actor);
    },
  );

  app.get(
    '/articles/:id/preview',
    {
      config: { access: 'articles.read' },
      schema: { tags: ['articles'], summary: 'The reader page exactly as it would be published (HTML)', params: Id },
    },
    async (request, reply) => {
      const row = await readable(request, request.params.id);
      const page = await articles.getPreview(row.id);
      if (!page) throw new AppError('not_found', 'We could not find that article.');
      return deps.renderPreview(request, reply, page);
    },
  );
}
