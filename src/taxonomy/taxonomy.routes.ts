import { Type } from '@fastify/type-provider-typebox';
import { notFound } from '../errors.js';
import type { AdminApp } from '../newsroom/admin.plugin.js';
import {
  type Author,
  authorKinds,
  taxonomyLimits as limits,
  listLimits,
  type Section,
  type Story,
  storyStatuses,
  type Tag,
  type TaxonomyService,
} from './taxonomy.service.js';

export function presentSection(row: Section) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    position: row.position,
    inNavigation: row.in_navigation === 1,
  };
}

export function presentTag(row: Tag) {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description };
}

export function presentAuthor(row: Author) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    title: row.title,
    bio: row.bio,
    kind: row.kind,
    email: row.email,
    avatarImageId: row.avatar_image_id,
  };
}

export function presentStory(row: Story) {
  return { id: row.id, slug: row.slug, title: row.title, description: row.description, status: row.status };
}

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: listLimits.max })),
});

// Slugs are checked by the service, whose message says what a slug may hold.
const Slug = Type.Optional(
  Type.String({ maxLength: limits.slug, description: 'Made from the name (or title) when left out on creation.' }),
);
const Name = Type.String({ minLength: 1, maxLength: limits.name });
const Title = Type.String({ minLength: 1, maxLength: limits.title });
const Description = Type.Optional(Type.String({ maxLength: limits.description }));
const closed = { additionalProperties: false } as const;

const sectionFields = {
  slug: Slug,
  description: Description,
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: limits.position })),
  inNavigation: Type.Optional(Type.Boolean()),
};
const SectionCreate = Type.Object({ ...sectionFields, name: Name }, closed);
const SectionPatch = Type.Object({ ...sectionFields, name: Type.Optional(Name) }, closed);

const TagCreate = Type.Object({ slug: Slug, name: Name, description: Description }, closed);
const TagPatch = Type.Object({ slug: Slug, name: Type.Optional(Name), description: Description }, closed);

const authorFields = {
  slug: Slug,
  title: Type.Optional(Type.String({ maxLength: limits.title })),
  bio: Type.Optional(Type.String({ maxLength: limits.bio })),
  kind: Type.Optional(Type.Union(authorKinds.map((k) => Type.Literal(k)))),
  email: Type.Optional(Type.Union([Type.String({ maxLength: limits.email }), Type.Null()])),
  avatarImageId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
};
const AuthorCreate = Type.Object({ ...authorFields, name: Name }, closed);
const AuthorPatch = Type.Object({ ...authorFields, name: Type.Optional(Name) }, closed);

const storyFields = {
  slug: Slug,
  description: Description,
  status: Type.Optional(Type.Union(storyStatuses.map((s) => Type.Literal(s)))),
};
const StoryCreate = Type.Object({ ...storyFields, title: Title }, closed);
const StoryPatch = Type.Object({ ...storyFields, title: Type.Optional(Title) }, closed);

const tags = ['taxonomy'];
const read = { access: 'taxonomy.read' } as const;
const manage = { access: 'taxonomy.manage' } as const;

function found<T>(row: T | undefined, what: string): T {
  if (!row) throw notFound(what);
  return row;
}

export interface TaxonomyRouteDeps {
  taxonomy: TaxonomyService;
  /** Drops cached reader pages by surrogate key, on every instance. */
  purge: (keys: string[]) => void;
}

/**
 * Sections, tags, authors and stories in the Admin API. The service says which cached
 * pages each change made stale; the handlers purge them after it returns.
 */
export function registerTaxonomyRoutes(app: AdminApp, deps: TaxonomyRouteDeps) {
  const { taxonomy, purge } = deps;

  app.get('/sections', { config: read, schema: { tags, summary: 'Every section, in navigation order' } }, async () => {
    const items = (await taxonomy.listSections()).map(presentSection);
    return { items, page: 1, limit: items.length, total: items.length };
  });
  app.get('/sections/:id', { config: read, schema: { tags, params: Id } }, async (request) =>
    presentSection(found(await taxonomy.findSectionById(request.params.id), 'section')),
  );
  app.post('/sections', { config: manage, schema: { tags, body: SectionCreate } }, async (request, reply) => {
    const section = await taxonomy.createSection(request.body);
    // A section in the navigation appears on every page.
    if (section.in_navigation === 1) purge(['site']);
    return reply.code(201).send(presentSection(section));
  });
  app.patch('/sections/:id', { config: manage, schema: { tags, params: Id, body: SectionPatch } }, async (request) => {
    const changed = await taxonomy.updateSection(request.params.id, request.body);
    purge(changed.purge);
    return presentSection(changed.section);
  });
  app.delete(
    '/sections/:id',
    { config: manage, schema: { tags, summary: 'Delete a section (409 while articles are filed in it)', params: Id } },
    async (request, reply) => {
      purge((await taxonomy.deleteSection(request.params.id)).purge);
      return reply.code(204).send();
    },
  );

  app.get(
    '/tags',
    { config: read, schema: { tags, summary: 'Tags by name', querystring: ListQuery } },
    async (request) => {
      const { page = 1, limit = listLimits.default, q } = request.query;
      const { items, total } = await taxonomy.listTags({ page, limit, ...(q ? { q } : {}) });
      return { items: items.map(presentTag), page, limit, total };
    },
  );
  app.get('/tags/:id', { config: read, schema: { tags, params: Id } }, async (request) =>
    presentTag(found(await taxonomy.findTagById(request.params.id), 'tag')),
  );
  app.post('/tags', { config: manage, schema: { tags, body: TagCreate } }, async (request, reply) =>
    reply.code(201).send(presentTag(await taxonomy.createTag(request.body))),
  );
  app.patch('/tags/:id', { config: manage, schema: { tags, params: Id, body: TagPatch } }, async (request) => {
    const changed = await taxonomy.updateTag(request.params.id, request.body);
    purge(changed.purge);
    return presentTag(changed.tag);
  });
  app.delete(
    '/tags/:id',
    { config: manage, schema: { tags, summary: 'Delete a tag and take it off every article', params: Id } },
    async (request, reply) => {
      purge((await taxonomy.deleteTag(request.params.id)).purge);
      return reply.code(204).send();
    },
  );

  app.get(
    '/authors',
    { config: read, schema: { tags, summary: 'Authors by name', querystring: ListQuery } },
    async (request) => {
      const { page = 1, limit = listLimits.default, q } = request.query;
      const { items, total } = await taxonomy.listAuthors({ page, limit, ...(q ? { q } : {}) });
      return { items: items.map(presentAuthor), page, limit, total };
    },
  );
  app.get('/authors/:id', { config: read, schema: { tags, params: Id } }, async (request) =>
    presentAuthor(found(await taxonomy.findAuthorById(request.params.id), 'author')),
  );
  app.post('/authors', { config: manage, schema: { tags, body: AuthorCreate } }, async (request, reply) =>
    reply.code(201).send(presentAuthor(await taxonomy.createAuthor(request.body))),
  );
  app.patch('/authors/:id', { config: manage, schema: { tags, params: Id, body: AuthorPatch } }, async (request) => {
    const changed = await taxonomy.updateAuthor(request.params.id, request.body);
    purge(changed.purge);
    return presentAuthor(changed.author);
  });
  app.delete(
    '/authors/:id',
    { config: manage, schema: { tags, summary: 'Delete an author (409 while any byline names them)', params: Id } },
    async (request, reply) => {
      purge((await taxonomy.deleteAuthor(request.params.id)).purge);
      return reply.code(204).send();
    },
  );

  app.get(
    '/stories',
    { config: read, schema: { tags, summary: 'Stories, newest first', querystring: ListQuery } },
    async (request) => {
      const { page = 1, limit = listLimits.default, q } = request.query;
      const { items, total } = await taxonomy.listStories({ page, limit, ...(q ? { q } : {}) });
      return { items: items.map(presentStory), page, limit, total };
    },
  );
  app.get('/stories/:id', { config: read, schema: { tags, params: Id } }, async (request) =>
    presentStory(found(await taxonomy.findStoryById(request.params.id), 'story')),
  );
  app.post('/stories', { config: manage, schema: { tags, body: StoryCreate } }, async (request, reply) =>
    reply.code(201).send(presentStory(await taxonomy.createStory(request.body))),
  );
  app.patch('/stories/:id', { config: manage, schema: { tags, params: Id, body: StoryPatch } }, async (request) => {
    const changed = await taxonomy.updateStory(request.params.id, request.body);
    purge(changed.purge);
    return presentStory(changed.story);
  });
  app.delete(
    '/stories/:id',
    { config: manage, schema: { tags, summary: 'Delete a story; its articles leave the thread', params: Id } },
    async (request, reply) => {
      purge((await taxonomy.deleteStory(request.params.id)).purge);
      return reply.code(204).send();
    },
  );
}
