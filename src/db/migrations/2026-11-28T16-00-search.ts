// Frozen: never edit after it has landed; add a new migration instead.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * The reader's search index: published articles only, one document per article.
 * SQLite: an FTS5 table whose rowid is the article id (columns in the order bm25 weighs them).
 * PostgreSQL: a weighted tsvector per article (A headline, B standfirst, tags and authors,
 * C body) under a GIN index. Articles already published are indexed here, once.
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await db.schema
      .createTable('search_documents')
      .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
    // A tsvector holds at most 1 MB: the first 200,000 characters of a body are plenty to find it by.
    await sql`
      insert into search_documents (article_id, document)
      select a.id,
        setweight(to_tsvector('english', a.headline), 'A') ||
        setweight(to_tsvector('english', a.standfirst || ' ' ||
          coalesce((select string_agg(t.name, ' ') from article_tags at join tags t on t.id = at.tag_id
                    where at.article_id = a.id), '') || ' ' ||
          coalesce((select string_agg(au.name, ' ') from article_authors aa join authors au on au.id = aa.author_id
                    where aa.article_id = a.id), '') || ' ' || coalesce(a.wire_source, '')), 'B') ||
        setweight(to_tsvector('english', left(a.body_text, 200000)), 'C')
      from articles a
      where a.status = 'published'
    `.execute(db);
    return;
  }
  await sql`
    create virtual table search_index using fts5(
      headline, standfirst, tags, authors, body,
      tokenize = 'porter unicode61 remove_diacritics 2'
    )
  `.execute(db);
  // Ranking reads status, section and date of every match: from this narrow index, not the wide rows.
  await db.schema
    .createIndex('articles_search_filter')
    .on('articles')
    .columns(['id', 'status', 'section_id', 'published_at'])
    .execute();
  await sql`
    insert into search_index (rowid, headline, standfirst, tags, authors, body)
    select a.id, a.headline, a.standfirst,
      coalesce((select group_concat(t.name, ' ') from article_tags at join tags t on t.id = at.tag_id
                where at.article_id = a.id), ''),
      coalesce((select group_concat(au.name, ' ') from article_authors aa join authors au on au.id = aa.author_id
                where aa.article_id = a.id), '') || ' ' || coalesce(a.wire_source, ''),
      a.body_text
    from articles a
    where a.status = 'published'
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropTable(pg ? 'search_documents' : 'search_index').execute();
  if (!pg) await db.schema.dropIndex('articles_search_filter').execute();
}
