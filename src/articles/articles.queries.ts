import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export const cardColumns = [
  'articles.id',
  'articles.slug',
  'articles.headline',
  'articles.standfirst',
  'articles.kind',
  'articles.section_id',
  'articles.first_published_at',
  'articles.published_at',
  'articles.updated_at',
  'articles.modified_at',
  'articles.wire_source',
  'articles.credit_line',
  'articles.is_breaking',
  'articles.breaking_until',
  'articles.feature_image_id',
  'articles.story_id',
] as const;

const imageColumns = [
  'images.width as image_width',
  'images.height as image_height',
  'images.variants as image_variants',
  'images.alt as image_alt',
] as const;

/** Listing rows for the given ids, with their feature image; order is the caller's. */
export function findCardRows(db: Q, ids: number[]) {
  return db
    .selectFrom('articles')
    .leftJoin('images', 'images.id', 'articles.feature_image_id')
    .select([...cardColumns, ...imageColumns])
    .where('articles.id', 'in', ids)
    .execute();
}

export type CardRow = Awaited<ReturnType<typeof findCardRows>>[number];

export function findBylines(db: Q, articleIds: number[]) {
  return db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select([
      'article_authors.article_id',
      'authors.id',
      'authors.slug',
      'authors.name',
      'authors.title',
      'authors.kind',
      'authors.bio',
    ])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position')
    .execute();
}

export function findTagsOf(db: Q, articleId: number) {
  return db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', '=', articleId)
    .orderBy('article_tags.position')
    .execute();
}

/** One page of newest published ids: reads only the listing index (deferred join). */
export function findLatestIds(db: Q, opts: { limit: number; offset: number; sectionId?: number }) {
  let q = db.selectFrom('articles').select('id').where('status', '=', 'published');
  if (opts.sectionId !== undefined) q = q.where('section_id', '=', opts.sectionId);
  return q
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** A listing position to page from: the (published_at, id) of the story just before it. */
export interface Anchor {
  publishedAt: string;
  id: number;
}

/**
 * Every `every`-th position of a section's listing, newest first. Read once (a pass over
 * the listing index inside the database) and kept, so a deep page starts from the nearest
 * anchor instead of counting past every newer story.
 */
export async function findSectionAnchors(db: Q, sectionId: number, every: number): Promise<Anchor[]> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('articles')
        .select(['published_at', 'id'])
        .select(sql<number>`row_number() over (order by published_at desc, id desc)`.as('rn'))
        .where('section_id', '=', sectionId)
        .where('status', '=', 'published')
        .as('listing'),
    )
    .select(['published_at', 'id'])
    .where(sql<boolean>`rn % ${every} = 0`)
    .orderBy('rn')
    .execute();
  return rows.map((r) => ({ publishedAt: r.published_at as string, id: r.id }));
}

/** Newest published ids of a section strictly after (older than) an anchor. */
export function findSectionIdsAfter(db: Q, sectionId: number, anchor: Anchor, limit: number, offset: number) {
  return db
    .selectFrom('articles')
    .select('id')
    .where('section_id', '=', sectionId)
    .where('status', '=', 'published')
    .where((eb) => eb(eb.refTuple('published_at', 'id'), '<', eb.tuple(anchor.publishedAt, anchor.id)))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

export function findIdsByTag(db: Q, tagId: number, limit: number, offset: number) {
  return db
    .selectFrom('article_tags')
    .select('article_id')
    .where('tag_id', '=', tagId)
    .where('listed_at', 'is not', null)
    .orderBy('listed_at', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
    .then((rows) => rows.map((r) => r.article_id));
}

export function findIdsByAuthor(db: Q, authorId: number, limit: number, offset: number) {
  return db
    .selectFrom('article_authors')
    .select('article_id')
    .where('author_id', '=', authorId)
    .where('listed_at', 'is not', null)
    .orderBy('listed_at', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
    .then((rows) => rows.map((r) => r.article_id));
}

export function findIdsByStory(db: Q, storyId: number, limit: number, offset: number, order: 'asc' | 'desc' = 'desc') {
  return db
    .selectFrom('articles')
    .select('id')
    .where('story_id', '=', storyId)
    .where('status', '=', 'published')
    .orderBy('published_at', order)
    .orderBy('id', order)
    .limit(limit)
    .offset(offset)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

export function findPinnedIds(db: Q) {
  return db
    .selectFrom('articles')
    .select(['id', 'front_page_slot'])
    .where('front_page_slot', 'is not', null)
    .where('status', '=', 'published')
    .orderBy('front_page_slot')
    .orderBy('published_at', 'desc')
    .limit(12)
    .execute();
}

export function findBreakingIds(db: Q, nowIso: string) {
  return db
    .selectFrom('articles')
    .select('id')
    .where('is_breaking', '=', 1)
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('breaking_until', 'is', null), eb('breaking_until', '>', nowIso)]))
    .orderBy('published_at', 'desc')
    .limit(3)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** Everything the article page shows of the article itself; not the stored document or plain text. */
export function findArticleBySlug(db: Q, slug: string) {
  return db
    .selectFrom('articles')
    .leftJoin('images', 'images.id', 'articles.feature_image_id')
    .select([
      ...cardColumns,
      'articles.status',
      'articles.body_html',
      'articles.word_count',
      'articles.feature_image_caption',
      'articles.wire_source_url',
      'articles.canonical_url',
      'articles.comments_mode',
      'articles.seo_title',
      'articles.seo_description',
      'articles.language',
      'articles.robots',
    ])
    .select([...imageColumns, 'images.caption as image_caption', 'images.credit as image_credit'])
    .where('articles.slug', '=', slug)
    .executeTakeFirst();
}

export type ArticleRow = NonNullable<Awaited<ReturnType<typeof findArticleBySlug>>>;

export function findArticleRowById(db: Q, id: number) {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRedirect(db: Q, oldSlug: string) {
  return db
    .selectFrom('slug_redirects')
    .innerJoin('articles', 'articles.id', 'slug_redirects.article_id')
    .select(['articles.slug', 'articles.status', 'articles.section_id', 'articles.first_published_at'])
    .where('slug_redirects.old_slug', '=', oldSlug)
    .executeTakeFirst();
}

export function findNotes(db: Q, articleId: number) {
  return db
    .selectFrom('article_notes')
    .select(['id', 'kind', 'body', 'created_at'])
    .where('article_id', '=', articleId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findRelatedIds(db: Q, articleId: number, limit: number) {
  return db
    .selectFrom('article_related')
    .innerJoin('articles', 'articles.id', 'article_related.related_id')
    .select('article_related.related_id')
    .where('article_related.article_id', '=', articleId)
    .where('articles.status', '=', 'published')
    .orderBy('article_related.rank')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => r.related_id));
}

export interface NewsroomFilter {
  status?: string;
  sectionId?: number;
  authorId?: number;
  tagId?: number;
  /** Words the headline or standfirst contains. */
  text?: string;
  /** Only articles this staff member created ("own" scope). */
  createdBy?: number;
}

/** The newsroom list: any status, newest change first; staff-only, so a text filter may scan. */
export async function findForNewsroom(db: Q, filter: NewsroomFilter, page: number, limit: number) {
  let base = db.selectFrom('articles');
  if (filter.status) base = base.where('articles.status', '=', filter.status as never);
  if (filter.sectionId !== undefined) base = base.where('articles.section_id', '=', filter.sectionId);
  if (filter.createdBy !== undefined) base = base.where('articles.created_by', '=', filter.createdBy);
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_authors')
          .select('article_authors.article_id')
          .whereRef('article_authors.article_id', '=', 'articles.id')
          .where('article_authors.author_id', '=', authorId),
      ),
    );
  }
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_tags')
          .select('article_tags.article_id')
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .where('article_tags.tag_id', '=', tagId),
      ),
    );
  }
  const words = (filter.text ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(articles.headline)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(articles.standfirst)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const rows = await base
    .select([
      'articles.id',
      'articles.slug',
      'articles.headline',
      'articles.status',
      'articles.section_id',
      'articles.first_published_at',
      'articles.published_at',
      'articles.scheduled_at',
      'articles.modified_at',
      'articles.is_breaking',
      'articles.front_page_slot',
      'articles.created_by',
    ])
    .orderBy('articles.modified_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset((page - 1) * limit)
    .execute();
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(counted?.n ?? 0) };
}

export type NewsroomRow = Awaited<ReturnType<typeof findForNewsroom>>['rows'][number];

/** Byline names of several articles, in byline order. */
export function findBylineNames(db: Q, articleIds: number[]) {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.id', 'authors.name'])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position')
    .execute();
}
