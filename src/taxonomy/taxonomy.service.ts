import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import type { AuthorKind, AuthorsTable, SectionsTable, StoriesTable, TagsTable } from './taxonomy.table.js';

export type Section = Selectable<SectionsTable>;
export type Tag = Selectable<TagsTable>;
export type Author = Selectable<AuthorsTable>;
export type Story = Selectable<StoriesTable>;

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

export function checkSlug(slug: string, field = 'slug'): void {
  if (!slugPattern.test(slug) || slug.length > 120) {
    throw new AppError('validation_failed', 'A slug uses lowercase letters, digits and single hyphens.', {
      fields: [{ field, message: 'Use lowercase letters, digits and single hyphens, at most 120 characters.' }],
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

/**
 * Sections, tags, authors (staff profiles as bylines) and stories (developing-story
 * threads). Sections are few and on every page, so they are kept in memory.
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

  async createSection(input: {
    slug: string;
    name: string;
    description?: string;
    position?: number;
  }): Promise<Section> {
    checkSlug(input.slug);
    if (reservedSlugs.has(input.slug)) {
      throw new AppError('validation_failed', `"${input.slug}" is a reserved address and cannot name a section.`, {
        fields: [{ field: 'slug', message: 'This address is used by the site itself; choose another.' }],
      });
    }
    const now = new Date().toISOString();
    const row = await this.db.kysely
      .insertInto('sections')
      .values({
        slug: input.slug,
        name: input.name,
        description: input.description ?? '',
        position: input.position ?? this.sections.length,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.load();
    return row;
  }

  async createTag(input: { slug: string; name: string; description?: string }): Promise<Tag> {
    checkSlug(input.slug);
    const now = new Date().toISOString();
    return this.db.kysely
      .insertInto('tags')
      .values({
        slug: input.slug,
        name: input.name,
        description: input.description ?? '',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async createAuthor(input: {
    slug: string;
    name: string;
    title?: string;
    bio?: string;
    kind?: AuthorKind;
    email?: string | null;
    avatarImageId?: number | null;
  }): Promise<Author> {
    checkSlug(input.slug);
    const now = new Date().toISOString();
    return this.db.kysely
      .insertInto('authors')
      .values({
        slug: input.slug,
        name: input.name,
        title: input.title ?? '',
        bio: input.bio ?? '',
        kind: input.kind ?? 'staff',
        email: input.email ?? null,
        avatar_image_id: input.avatarImageId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async createStory(input: { slug: string; title: string; description?: string }): Promise<Story> {
    checkSlug(input.slug);
    const now = new Date().toISOString();
    return this.db.kysely
      .insertInto('stories')
      .values({
        slug: input.slug,
        title: input.title,
        description: input.description ?? '',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findTagBySlug(slug: string): Promise<Tag | undefined> {
    return this.db.kysely.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  findAuthorBySlug(slug: string): Promise<Author | undefined> {
    return this.db.kysely.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  findStoryBySlug(slug: string): Promise<Story | undefined> {
    return this.db.kysely.selectFrom('stories').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  findStoryById(id: number): Promise<Story | undefined> {
    return this.db.kysely.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
