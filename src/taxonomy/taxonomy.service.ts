import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError, type FieldError, invalidFields, notFound } from '../errors.js';
import type { AuthorKind, AuthorsTable, SectionsTable, StoriesTable, TagsTable } from './taxonomy.table.js';

export type Section = Selectable<SectionsTable>;
export type Tag = Selectable<TagsTable>;
export type Author = Selectable<AuthorsTable>;
export type Story = Selectable<StoriesTable>;
export type StoryStatus = Story['status'];

// Records, so adding a kind or a status to the table's type without listing it here fails to compile.
const authorKindNames = {
  staff: true,
  columnist: true,
  desk: true,
  contributor: true,
  guest: true,
} satisfies Record<AuthorKind, true>;
export const authorKinds = Object.keys(authorKindNames) as AuthorKind[];
const storyStatusNames = { developing: true, concluded: true } satisfies Record<StoryStatus, true>;
export const storyStatuses = Object.keys(storyStatusNames) as StoryStatus[];

/** Field lengths, shared with the Admin API's schemas. */
export const taxonomyLimits = {
  slug: 120,
  name: 120,
  title: 200,
  description: 1000,
  bio: 2000,
  email: 254,
  position: 10_000,
} as const;

/** Paths of the reader site that a section slug may not take. */
export const reservedSlugs = new Set([
  'api',
  'assets',
  'author',
  'authors',
  'feeds',
  'media',
  'newsroom',
  'rss',
  'search',
  'sitemap',
  'sitemaps',
  'story',
  'stories',
  'tag',
  'tags',
  'robots.txt',
  'favicon.ico',
  'health',
  'metrics',
  'comments',
]);

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugRule = 'Use lowercase letters, digits and single hyphens, at most 120 characters.';

export function checkSlug(slug: string, field = 'slug'): void {
  if (!slugPattern.test(slug) || slug.length > 120) {
    throw new AppError('validation_failed', 'A slug uses lowercase letters, digits and single hyphens.', {
      fields: [{ field, message: slugRule }],
    });
  }
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** The fields of a section; on update every one is optional. */
export interface SectionInput {
  /** Made from the name when left out. */
  slug?: string;
  name: string;
  description?: string;
  position?: number;
  inNavigation?: boolean;
}

export interface TagInput {
  slug?: string;
  name: string;
  description?: string;
}

export interface AuthorInput {
  slug?: string;
  name: string;
  title?: string;
  bio?: string;
  kind?: AuthorKind;
  email?: string | null;
  avatarImageId?: number | null;
}

export interface StoryInput {
  slug?: string;
  title: string;
  description?: string;
  status?: StoryStatus;
}

export interface ListOptions {
  /** Words in the name (title for stories) or the slug, any case. */
  q?: string;
  page?: number;
  limit?: number;
}

export interface Listed<T> {
  items: T[];
  total: number;
}

/** What a change made stale: the page-cache surrogate keys for the caller to purge after it. */
export interface Purge {
  purge: string[];
}

export const listLimits = { default: 100, max: 500 } as const;

type Kind = 'section' | 'tag' | 'author' | 'story';
const tableOf = { section: 'sections', tag: 'tags', author: 'authors', story: 'stories' } as const;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function slugError(kind: Kind, slug: string): FieldError | null {
  if (!slugPattern.test(slug) || slug.length > taxonomyLimits.slug) return { field: 'slug', message: slugRule };
  if (kind === 'section' && reservedSlugs.has(slug)) {
    return { field: 'slug', message: 'This address is used by the site itself; choose another.' };
  }
  return null;
}

function textError(field: string, value: string | undefined, max: number, required = false): FieldError | null {
  if (value === undefined) return null;
  if (required && value.trim() === '') return { field, message: 'This is required.' };
  if (value.length > max) return { field, message: `Use at most ${max} characters.` };
  return null;
}

function emailError(email: string | null | undefined): FieldError | null {
  if (email === undefined || email === null || email === '') return null;
  if (email.length > taxonomyLimits.email || !emailPattern.test(email)) {
    return { field: 'email', message: 'Enter an email address like name@example.com, or leave it empty.' };
  }
  return null;
}

function oneOfError<T extends string>(field: string, value: T | undefined, allowed: readonly T[]): FieldError | null {
  if (value === undefined || allowed.includes(value)) return null;
  return { field, message: `Use one of: ${allowed.join(', ')}.` };
}

function positionError(position: number | undefined): FieldError | null {
  if (position === undefined) return null;
  if (!Number.isInteger(position) || position < 0 || position > taxonomyLimits.position) {
    return { field: 'position', message: `Use a whole number from 0 to ${taxonomyLimits.position}.` };
  }
  return null;
}

/** The given entries only: undefined in a patch means "leave as it is", null means "clear it". */
function given<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** Case-insensitive substring match on any of the columns, with LIKE's wildcards taken literally. */
function matching(q: string | undefined, columns: readonly string[]) {
  const text = q?.trim().toLowerCase() ?? '';
  if (text === '') return null;
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`(${sql.join(
    columns.map((c) => sql`lower(${sql.ref(c)}) like ${pattern} escape '\\'`),
    sql` or `,
  )})`;
}

function paging(options: ListOptions): { limit: number; offset: number } {
  const limit = Math.min(listLimits.max, Math.max(1, Math.floor(options.limit ?? listLimits.default)));
  const page = Math.max(1, Math.floor(options.page ?? 1));
  return { limit, offset: (page - 1) * limit };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * Sections, tags, authors (staff profiles as bylines) and stories (developing-story
 * threads). Sections are few and on every page, so they are kept in memory.
 *
 * Updates and deletes answer the page-cache keys they made stale; the caller purges them
 * once the change is committed.
 */
export class TaxonomyService {
  private sections: Section[] = [];
  private sectionsById = new Map<number, Section>();
  private sectionsBySlug = new Map<string, Section>();

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    this.sections = await this.db.kysely.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
    this.sectionsById = new Map(this.sections.map((s) => [s.id, s]));
    this.sectionsBySlug = new Map(this.sections.map((s) => [s.slug, s]));
  }

  allSections(): readonly Section[] {
    return this.sections;
  }

  navigationSections(): Section[] {
    return this.sections.filter((s) => s.in_navigation === 1);
  }

  sectionById(id: number): Section | undefined {
    return this.sectionsById.get(id);
  }

  sectionBySlug(slug: string): Section | undefined {
    return this.sectionsBySlug.get(slug);
  }

  /**
   * Every section by position, read from the database rather than memory: another instance
   * may have changed them, and the newsroom must see what is stored.
   */
  listSections(): Promise<Section[]> {
    return this.db.kysely.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
  }

  findSectionById(id: number): Promise<Section | undefined> {
    return this.db.kysely.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async createSection(input: SectionInput): Promise<Section> {
    const slug = input.slug ?? slugify(input.name);
    await this.check('section', slug, [
      textError('name', input.name, taxonomyLimits.name, true),
      textError('description', input.description, taxonomyLimits.description),
      positionError(input.position),
    ]);
    const now = new Date().toISOString();
    const row = await this.db.kysely
      .insertInto('sections')
      .values({
        slug,
        name: input.name.trim(),
        description: input.description ?? '',
        position: input.position ?? this.sections.length,
        in_navigation: input.inNavigation === false ? 0 : 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.load();
    return row;
  }

  /** Any change to a section shows in the navigation of every page: the whole site goes stale. */
  async updateSection(id: number, patch: Partial<SectionInput>): Promise<{ section: Section } & Purge> {
    if (!(await this.findSectionById(id))) throw notFound('section');
    await this.check(
      'section',
      patch.slug,
      [
        textError('name', patch.name, taxonomyLimits.name, true),
        textError('description', patch.description, taxonomyLimits.description),
        positionError(patch.position),
      ],
      id,
    );
    const section = await this.db.kysely
      .updateTable('sections')
      .set({
        ...given({
          slug: patch.slug,
          name: patch.name?.trim(),
          description: patch.description,
          position: patch.position,
          in_navigation: patch.inNavigation === undefined ? undefined : patch.inNavigation ? 1 : 0,
        }),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    await this.load();
    if (!section) throw notFound('section');
    return { section, purge: ['site'] };
  }

  /** Refused while any article, of any status, is filed in the section. */
  async deleteSection(id: number): Promise<Purge> {
    await this.db.kysely.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst();
      if (!found) throw notFound('section');
      const { n } = await trx
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('section_id', '=', id)
        .executeTakeFirstOrThrow();
      const filed = Number(n);
      if (filed > 0) {
        const them = filed === 1 ? 'it' : 'them';
        throw new AppError(
          'conflict',
          `${plural(filed, 'article is', 'articles are')} filed in this section; move ${them} first.`,
        );
      }
      await trx.deleteFrom('sections').where('id', '=', id).execute();
    });
    await this.load();
    return { purge: ['site'] };
  }

  async listTags(options: ListOptions = {}): Promise<Listed<Tag>> {
    const { limit, offset } = paging(options);
    const filter = matching(options.q, ['name', 'slug']);
    const query = filter ? this.db.kysely.selectFrom('tags').where(filter) : this.db.kysely.selectFrom('tags');
    const [items, count] = await Promise.all([
      query.selectAll().orderBy(sql`lower(name)`).orderBy('id').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  findTagById(id: number): Promise<Tag | undefined> {
    return this.db.kysely.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findTagBySlug(slug: string): Promise<Tag | undefined> {
    return this.db.kysely.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async createTag(input: TagInput): Promise<Tag> {
    const slug = input.slug ?? slugify(input.name);
    await this.check('tag', slug, [
      textError('name', input.name, taxonomyLimits.name, true),
      textError('description', input.description, taxonomyLimits.description),
    ]);
    const now = new Date().toISOString();
    return this.db.kysely
      .insertInto('tags')
      .values({
        slug,
        name: input.name.trim(),
        description: input.description ?? '',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The topic page, and every article page that lists the tag. */
  async updateTag(id: number, patch: Partial<TagInput>): Promise<{ tag: Tag } & Purge> {
    if (!(await this.findTagById(id))) throw notFound('tag');
    await this.check(
      'tag',
      patch.slug,
      [
        textError('name', patch.name, taxonomyLimits.name, true),
        textError('description', patch.description, taxonomyLimits.description),
      ],
      id,
    );
    const tag = await this.db.kysely
      .updateTable('tags')
      .set({
        ...given({ slug: patch.slug, name: patch.name?.trim(), description: patch.description }),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!tag) throw notFound('tag');
    const tagged = await this.db.kysely
      .selectFrom('article_tags')
      .select('article_id')
      .where('tag_id', '=', id)
      .execute();
    return { tag, purge: [`tag:${id}`, ...tagged.map((r) => `article:${r.article_id}`)] };
  }

  /** Always allowed: the tag is taken off its articles in the same transaction. */
  async deleteTag(id: number): Promise<Purge> {
    const articleIds = await this.db.kysely.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('tags').select('id').where('id', '=', id).executeTakeFirst();
      if (!found) throw notFound('tag');
      const untagged = await trx.deleteFrom('article_tags').where('tag_id', '=', id).returning('article_id').execute();
      await trx.deleteFrom('tags').where('id', '=', id).execute();
      return untagged.map((r) => r.article_id);
    });
    return { purge: [`tag:${id}`, ...articleIds.map((a) => `article:${a}`)] };
  }

  async listAuthors(options: ListOptions = {}): Promise<Listed<Author>> {
    const { limit, offset } = paging(options);
    const filter = matching(options.q, ['name', 'slug']);
    const query = filter ? this.db.kysely.selectFrom('authors').where(filter) : this.db.kysely.selectFrom('authors');
    const [items, count] = await Promise.all([
      query.selectAll().orderBy(sql`lower(name)`).orderBy('id').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  findAuthorById(id: number): Promise<Author | undefined> {
    return this.db.kysely.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findAuthorBySlug(slug: string): Promise<Author | undefined> {
    return this.db.kysely.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async createAuthor(input: AuthorInput): Promise<Author> {
    const slug = input.slug ?? slugify(input.name);
    await this.check('author', slug, await this.authorErrors(input));
    const now = new Date().toISOString();
    return this.db.kysely
      .insertInto('authors')
      .values({
        slug,
        name: input.name.trim(),
        title: input.title ?? '',
        bio: input.bio ?? '',
        kind: input.kind ?? 'staff',
        email: input.email?.trim() || null,
        avatar_image_id: input.avatarImageId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The author's page, and every article page and card with their byline. */
  async updateAuthor(id: number, patch: Partial<AuthorInput>): Promise<{ author: Author } & Purge> {
    if (!(await this.findAuthorById(id))) throw notFound('author');
    await this.check('author', patch.slug, await this.authorErrors(patch), id);
    const author = await this.db.kysely
      .updateTable('authors')
      .set({
        ...given({
          slug: patch.slug,
          name: patch.name?.trim(),
          title: patch.title,
          bio: patch.bio,
          kind: patch.kind,
          email: patch.email === undefined ? undefined : patch.email?.trim() || null,
          avatar_image_id: patch.avatarImageId,
        }),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!author) throw notFound('author');
    const bylines = await this.db.kysely
      .selectFrom('article_authors')
      .select('article_id')
      .where('author_id', '=', id)
      .execute();
    return { author, purge: [`author:${id}`, ...bylines.map((r) => `article:${r.article_id}`)] };
  }

  /**
   * Refused while any article carries the byline. A staff account linked to the author
   * loses the link (the foreign key sets it to null).
   */
  async deleteAuthor(id: number): Promise<Purge> {
    await this.db.kysely.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('authors').select('id').where('id', '=', id).executeTakeFirst();
      if (!found) throw notFound('author');
      const { n } = await trx
        .selectFrom('article_authors')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('author_id', '=', id)
        .executeTakeFirstOrThrow();
      const bylines = Number(n);
      if (bylines > 0) {
        throw new AppError(
          'conflict',
          `${plural(bylines, 'article lists', 'articles list')} this author in the byline; take them off first.`,
        );
      }
      await trx.deleteFrom('authors').where('id', '=', id).execute();
    });
    return { purge: [`author:${id}`] };
  }

  async listStories(options: ListOptions = {}): Promise<Listed<Story>> {
    const { limit, offset } = paging(options);
    const filter = matching(options.q, ['title', 'slug']);
    const query = filter ? this.db.kysely.selectFrom('stories').where(filter) : this.db.kysely.selectFrom('stories');
    // Newest first: the stories an editor files under are the ones still developing.
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  findStoryById(id: number): Promise<Story | undefined> {
    return this.db.kysely.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findStoryBySlug(slug: string): Promise<Story | undefined> {
    return this.db.kysely.selectFrom('stories').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async createStory(input: StoryInput): Promise<Story> {
    const slug = input.slug ?? slugify(input.title);
    await this.check('story', slug, [
      textError('title', input.title, taxonomyLimits.title, true),
      textError('description', input.description, taxonomyLimits.description),
      oneOfError('status', input.status, storyStatuses),
    ]);
    const now = new Date().toISOString();
    return this.db.kysely
      .insertInto('stories')
      .values({
        slug,
        title: input.title.trim(),
        description: input.description ?? '',
        status: input.status ?? 'developing',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The story page and the articles in the thread: both carry `story:ID`. */
  async updateStory(id: number, patch: Partial<StoryInput>): Promise<{ story: Story } & Purge> {
    if (!(await this.findStoryById(id))) throw notFound('story');
    await this.check(
      'story',
      patch.slug,
      [
        textError('title', patch.title, taxonomyLimits.title, true),
        textError('description', patch.description, taxonomyLimits.description),
        oneOfError('status', patch.status, storyStatuses),
      ],
      id,
    );
    const story = await this.db.kysely
      .updateTable('stories')
      .set({
        ...given({
          slug: patch.slug,
          title: patch.title?.trim(),
          description: patch.description,
          status: patch.status,
        }),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!story) throw notFound('story');
    return { story, purge: [`story:${id}`] };
  }

  /** Always allowed: its articles leave the thread (the foreign key sets their story to null). */
  async deleteStory(id: number): Promise<Purge> {
    const deleted = await this.db.kysely.deleteFrom('stories').where('id', '=', id).returning('id').executeTakeFirst();
    if (!deleted) throw notFound('story');
    return { purge: [`story:${id}`] };
  }

  /**
   * Throws a 422 naming every field to fix. The slug's uniqueness is asked of the table
   * before writing, so a clash is a field error and not a database one.
   */
  private async check(kind: Kind, slug: string | undefined, errors: (FieldError | null)[], exceptId?: number) {
    const fields = errors.filter((e): e is FieldError => e !== null);
    const bad = slug === undefined ? null : slugError(kind, slug);
    if (bad) fields.unshift(bad);
    else if (slug !== undefined && (await this.slugTaken(kind, slug, exceptId))) {
      fields.unshift({ field: 'slug', message: `Another ${kind} already uses this address.` });
    }
    if (fields.length > 0) throw invalidFields(fields);
  }

  private async slugTaken(kind: Kind, slug: string, exceptId?: number): Promise<boolean> {
    let query = this.db.kysely.selectFrom(tableOf[kind]).select('id').where('slug', '=', slug);
    if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  private async authorErrors(input: Partial<AuthorInput>): Promise<(FieldError | null)[]> {
    return [
      textError('name', input.name, taxonomyLimits.name, true),
      textError('title', input.title, taxonomyLimits.title),
      textError('bio', input.bio, taxonomyLimits.bio),
      oneOfError('kind', input.kind, authorKinds),
      emailError(input.email?.trim()),
      input.avatarImageId == null || (await this.imageExists(input.avatarImageId))
        ? null
        : { field: 'avatarImageId', message: 'Choose an image from the media library.' },
    ];
  }

  // A read of the media module's table: the service is built with the database alone, and a
  // missing image would otherwise surface as a foreign-key failure (a 500) instead of a 422.
  private async imageExists(id: number): Promise<boolean> {
    return (
      (await this.db.kysely.selectFrom('images').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
    );
  }
}
