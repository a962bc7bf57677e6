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
      'articles.comment_count',
      'articles.seo_title',
      'articles.seo_description',
      'articles.language',
      'articles.robots',
      'articles.wire_robots',
      'articles.show_wire_changes',
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

// ---------------------------------------------------------------- sitemaps

/** The first and last first-publication times of published articles: two index seeks. */
export async function findFirstPublishedSpan(db: Q) {
  const edge = (order: 'asc' | 'desc') =>
    db
      .selectFrom('articles')
      .select('first_published_at')
      .where('status', '=', 'published')
      .where('first_published_at', 'is not', null)
      .orderBy('first_published_at', order)
      .limit(1)
      .executeTakeFirst();
  const [first, last] = await Promise.all([edge('asc'), edge('desc')]);
  return { first: first?.first_published_at ?? null, last: last?.first_published_at ?? null };
}

/** How many published articles were first published in [from, to), and their latest dates; reads only the index. */
export function findFirstPublishedStats(db: Q, from: string, to: string) {
  return db
    .selectFrom('articles')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('published_at').as('published'),
      eb.fn.max('updated_at').as('updated'),
    ])
    .where('status', '=', 'published')
    .where('first_published_at', '>=', from)
    .where('first_published_at', '<', to)
    .executeTakeFirstOrThrow();
}

const sitemapColumns = [
  'id',
  'slug',
  'headline',
  'section_id',
  'first_published_at',
  'published_at',
  'updated_at',
  'language',
  'robots',
  'wire_robots',
  'canonical_url',
] as const;

/** Published articles first published in [from, to), oldest first. */
export function findPublishedBetween(db: Q, from: string, to: string, limit: number, offset: number) {
  return db
    .selectFrom('articles')
    .select(sitemapColumns)
    .where('status', '=', 'published')
    .where('first_published_at', '>=', from)
    .where('first_published_at', '<', to)
    .orderBy('first_published_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type SitemapRow = Awaited<ReturnType<typeof findPublishedBetween>>[number];

/** Published articles first published since a time, newest first. */
export function findFirstPublishedSince(db: Q, since: string, limit: number) {
  return db
    .selectFrom('articles')
    .select(sitemapColumns)
    .where('status', '=', 'published')
    .where('first_published_at', '>=', since)
    .orderBy('first_published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Each section's newest listing time: one seek per section in the section listing index. */
export function findSectionsLastListed(db: Q) {
  return db
    .selectFrom('sections')
    .select(['sections.id', 'sections.slug', 'sections.updated_at'])
    .select((eb) =>
      eb
        .selectFrom('articles')
        .select((e) => e.fn.max('articles.published_at').as('m'))
        .whereRef('articles.section_id', '=', 'sections.id')
        .where('articles.status', '=', 'published')
        .as('last_listed'),
    )
    .orderBy('sections.position')
    .orderBy('sections.id')
    .execute();
}

/** Tags with at least one published article and their newest listing time (one index seek each). */
export function findTagsLastListed(db: Q, limit: number) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('tags')
        .select(['tags.id', 'tags.slug', 'tags.updated_at'])
        .select((e) =>
          e
            .selectFrom('article_tags')
            .select((x) => x.fn.max('article_tags.listed_at').as('m'))
            .whereRef('article_tags.tag_id', '=', 'tags.id')
            .as('last_listed'),
        )
        .as('t'),
    )
    .selectAll()
    .where('last_listed', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Authors with at least one published article and their newest listing time (one index seek each). */
export function findAuthorsLastListed(db: Q, limit: number) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('authors')
        .select(['authors.id', 'authors.slug', 'authors.updated_at'])
        .select((e) =>
          e
            .selectFrom('article_authors')
            .select((x) => x.fn.max('article_authors.listed_at').as('m'))
            .whereRef('article_authors.author_id', '=', 'authors.id')
            .as('last_listed'),
        )
        .as('a'),
    )
    .selectAll()
    .where('last_listed', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------- Content API

/** The listings the Content API pages through; each one walks an index, never the table. */
export type PublishedListing =
  | { by: 'latest'; sectionId?: number }
  | { by: 'tag'; tagId: number }
  | { by: 'author'; authorId: number }
  | { by: 'story'; storyId: number }
  /** Pinned to the front page: a handful of rows, found through the front-slot index. */
  | { by: 'featured'; sectionId?: number };

export type PublishedOrder = 'published_at desc' | 'published_at asc' | 'updated_at desc';

/**
 * One page of published ids in an order the site's own listings do not use: oldest first,
 * most recently changed first (articles_modified), or the front page's pinned stories.
 */
export async function findPublishedIds(
  db: Q,
  opts: { listing: PublishedListing; order: PublishedOrder; limit: number; offset: number },
): Promise<number[]> {
  const { listing, order, limit, offset } = opts;
  const dir = order === 'published_at asc' ? 'asc' : 'desc';
  if (listing.by === 'tag' || listing.by === 'author') {
    const rows =
      listing.by === 'tag'
        ? await db
            .selectFrom('article_tags')
            .select('article_id')
            .where('tag_id', '=', listing.tagId)
            .where('listed_at', 'is not', null)
            .orderBy('listed_at', dir)
            .orderBy('article_id', dir)
            .limit(limit)
            .offset(offset)
            .execute()
        : await db
            .selectFrom('article_authors')
            .select('article_id')
            .where('author_id', '=', listing.authorId)
            .where('listed_at', 'is not', null)
            .orderBy('listed_at', dir)
            .orderBy('article_id', dir)
            .limit(limit)
            .offset(offset)
            .execute();
    return rows.map((r) => r.article_id);
  }
  if (listing.by === 'story') return findIdsByStory(db, listing.storyId, limit, offset, dir);
  let q = db.selectFrom('articles').select('id').where('status', '=', 'published');
  if (listing.by === 'featured') q = q.where('front_page_slot', 'is not', null);
  if (listing.sectionId !== undefined) q = q.where('section_id', '=', listing.sectionId);
  const column = order === 'updated_at desc' ? 'modified_at' : 'published_at';
  const rows = await q.orderBy(column, dir).orderBy('id', dir).limit(limit).offset(offset).execute();
  return rows.map((r) => r.id);
}

/** How many published articles a listing holds: a range of the same index it pages through. */
export async function countPublished(db: Q, listing: PublishedListing): Promise<number> {
  const count = (row: { n: number | string | bigint } | undefined) => Number(row?.n ?? 0);
  if (listing.by === 'tag') {
    return count(
      await db
        .selectFrom('article_tags')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tag_id', '=', listing.tagId)
        .where('listed_at', 'is not', null)
        .executeTakeFirst(),
    );
  }
  if (listing.by === 'author') {
    return count(
      await db
        .selectFrom('article_authors')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('author_id', '=', listing.authorId)
        .where('listed_at', 'is not', null)
        .executeTakeFirst(),
    );
  }
  let q = db.selectFrom('articles').where('status', '=', 'published');
  if (listing.by === 'story') q = q.where('story_id', '=', listing.storyId);
  if (listing.by === 'featured') q = q.where('front_page_slot', 'is not', null);
  if ((listing.by === 'latest' || listing.by === 'featured') && listing.sectionId !== undefined) {
    q = q.where('section_id', '=', listing.sectionId);
  }
  return count(await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
}

/** What an article carries beyond its card, for published ones only; order is the caller's. */
export function findPublishedDetails(db: Q, ids: number[]) {
  return db
    .selectFrom('articles')
    .leftJoin('images', 'images.id', 'articles.feature_image_id')
    .leftJoin('stories', 'stories.id', 'articles.story_id')
    .select([
      'articles.id',
      'articles.body_html',
      'articles.credit_line',
      'articles.wire_source',
      'articles.wire_source_url',
      'articles.canonical_url',
      'articles.feature_image_caption',
      'images.caption as image_caption',
      'images.credit as image_credit',
      'stories.id as story_id',
      'stories.slug as story_slug',
      'stories.title as story_title',
    ])
    .where('articles.id', 'in', ids)
    .where('articles.status', '=', 'published')
    .execute();
}

/** The tags of several articles, each article's in order. */
export function findTagsOfMany(db: Q, articleIds: number[]) {
  return db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position')
    .execute();
}

/** The corrections and updates of several articles, oldest first. */
export function findNotesOfMany(db: Q, articleIds: number[]) {
  return db
    .selectFrom('article_notes')
    .select(['article_id', 'id', 'kind', 'body', 'created_at'])
    .where('article_id', 'in', articleIds)
    .orderBy('article_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findSlugById(db: Q, id: number) {
  return db
    .selectFrom('articles')
    .select('slug')
    .where('id', '=', id)
    .executeTakeFirst()
    .then((r) => r?.slug);
}
