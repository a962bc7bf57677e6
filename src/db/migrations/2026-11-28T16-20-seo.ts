// Frozen: never edit after it has landed; add a new migration instead.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * Sitemaps partition articles by the month of their first publication (the date in their
 * address) and the news sitemap reads the last two days of it. The index carries the two
 * dates a sitemap's lastmod is made of, so a month's summary never visits the table.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('articles_first_published')
    .on('articles')
    .columns(['status', 'first_published_at', 'id', 'published_at', 'updated_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('articles_first_published').execute();
}
