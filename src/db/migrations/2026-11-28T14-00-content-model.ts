// Frozen: never edit after it has landed; add a new migration instead.
import { type ColumnDataType, type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

function types(db: AnyDb) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    pg,
    id: (pg ? 'serial' : 'integer') as ColumnDataType,
    time: (pg ? 'timestamptz' : 'text') as ColumnDataType,
    real: (pg ? 'double precision' : 'real') as ColumnDataType,
  };
}

export async function up(db: AnyDb): Promise<void> {
  const t = types(db);
  const idColumn = (name: string, table: ReturnType<AnyDb['schema']['createTable']>) =>
    t.pg
      ? table.addColumn(name, 'serial', (c) => c.primaryKey())
      : table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await idColumn('id', db.schema.createTable('sections'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_navigation', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await idColumn('id', db.schema.createTable('tags'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await idColumn('id', db.schema.createTable('images'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('ready'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await idColumn('id', db.schema.createTable('authors'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('staff'))
    .addColumn('email', 'text')
    .addColumn('avatar_image_id', 'integer', (c) => c.references('images.id').onDelete('set null'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await idColumn('id', db.schema.createTable('stories'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('developing'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await idColumn('id', db.schema.createTable('articles'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('news'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
    .addColumn('feature_image_id', 'integer', (c) => c.references('images.id'))
    .addColumn('feature_image_caption', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('first_published_at', t.time)
    .addColumn('published_at', t.time)
    .addColumn('updated_at', t.time)
    .addColumn('scheduled_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('modified_at', t.time, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('credit_line', 'text')
    .addColumn('wire_source', 'text')
    .addColumn('wire_source_url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('is_breaking', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('breaking_until', t.time)
    .addColumn('front_page_slot', 'integer')
    .addColumn('story_id', 'integer', (c) => c.references('stories.id').onDelete('set null'))
    .addColumn('comments_mode', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('seo_title', 'text')
    .addColumn('seo_description', 'text')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('robots', 'text')
    .execute();

  // The reader's listings: newest published first, per section, per story, site-wide.
  await db.schema
    .createIndex('articles_status_published')
    .on('articles')
    .columns(['status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_section_listing')
    .on('articles')
    .columns(['section_id', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_story_listing')
    .on('articles')
    .columns(['story_id', 'status', 'published_at'])
    .execute();
  await db.schema.createIndex('articles_front_slot').on('articles').columns(['front_page_slot']).execute();
  await db.schema
    .createIndex('articles_breaking')
    .on('articles')
    .columns(['is_breaking', 'status', 'published_at'])
    .execute();
  await db.schema.createIndex('articles_feature_image').on('articles').column('feature_image_id').execute();

  // Bylines and tags carry the article's listing time (null unless published), so author
  // and tag pages page through an index instead of sorting every article they hold.
  await db.schema
    .createTable('article_authors')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('listed_at', t.time)
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
    .execute();
  await db.schema
    .createIndex('article_authors_listing')
    .on('article_authors')
    .columns(['author_id', 'listed_at', 'article_id'])
    .execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('listed_at', t.time)
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema
    .createIndex('article_tags_listing')
    .on('article_tags')
    .columns(['tag_id', 'listed_at', 'article_id'])
    .execute();

  await idColumn('id', db.schema.createTable('article_notes'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_notes_article')
    .on('article_notes')
    .columns(['article_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('slug_redirects')
    .addColumn('old_slug', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();

  // Links between stories: inline "Read more" cards, so a headline change re-renders the
  // bodies that quote it.
  await db.schema
    .createTable('article_links')
    .addColumn('from_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('to_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_links_pk', ['from_id', 'to_id'])
    .execute();
  await db.schema.createIndex('article_links_to').on('article_links').columns(['to_id', 'from_id']).execute();

  // Related stories, computed when an article is published or changed and read as-is.
  await db.schema
    .createTable('article_related')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('score', t.real, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_related_pk', ['article_id', 'related_id'])
    .execute();
  await db.schema.createIndex('article_related_rank').on('article_related').columns(['article_id', 'rank']).execute();
  await db.schema.createIndex('article_related_target').on('article_related').columns(['related_id']).execute();

  await db.schema
    .createTable('related_overrides')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('related_overrides_pk', ['article_id', 'related_id'])
    .execute();

  // Distinctive terms of each published article, weighted, for finding related stories
  // through an index rather than by comparing against every article.
  await db.schema
    .createTable('article_terms')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', t.real, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_terms_pk', ['article_id', 'term'])
    .execute();
  await db.schema.createIndex('article_terms_term').on('article_terms').columns(['term', 'weight']).execute();

  await db.schema
    .createTable('term_stats')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'term_stats',
    'article_terms',
    'related_overrides',
    'article_related',
    'article_links',
    'slug_redirects',
    'article_notes',
    'article_tags',
    'article_authors',
    'articles',
    'stories',
    'authors',
    'images',
    'tags',
    'sections',
    'settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
