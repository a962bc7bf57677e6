// Frozen: never edit after it has landed; add a new migration instead.
import { type ColumnDataType, type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * The wire desk: agency sources, the items they deliver (latest version, plus every
 * version's raw payload for audit), the provenance of articles built from them, and the
 * alerts an agency's update, correction or kill raises for those articles' editors.
 * Articles gain the embargo they are held to and the robots policy and relationship
 * (verbatim or edited) their wire copy was published with.
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const time = (pg ? 'timestamptz' : 'text') as ColumnDataType;
  const idColumn = (name: string, table: ReturnType<AnyDb['schema']['createTable']>) =>
    pg
      ? table.addColumn(name, 'serial', (c) => c.primaryKey())
      : table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());

  await idColumn('id', db.schema.createTable('wire_sources'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('auto'))
    .addColumn('poll_minutes', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('credit_template', 'text', (c) => c.notNull())
    .addColumn('edited_credit_template', 'text', (c) => c.notNull())
    .addColumn('default_section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('usage_terms', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('copyright_notice', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('index_policy', 'text', (c) => c.notNull().defaultTo('news_noindex'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_poll_at', time)
    .addColumn('last_polled_at', time)
    .addColumn('last_success_at', time)
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', time)
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();

  await idColumn('id', db.schema.createTable('wire_items'))
    .addColumn('source_id', 'integer', (c) => c.references('wire_sources.id'))
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('feed'))
    .addColumn('source_item_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('source_version', 'text')
    .addColumn('url', 'text')
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('bylines', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('dateline', 'text')
    .addColumn('subjects', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('images', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('language', 'text')
    .addColumn('item_published_at', time)
    .addColumn('embargo_until', time)
    .addColumn('expires_at', time)
    .addColumn('pub_status', 'text', (c) => c.notNull().defaultTo('usable'))
    .addColumn('signals', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ed_note', 'text')
    .addColumn('usage_terms', 'text')
    .addColumn('copyright_notice', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('cluster_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('extensions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('first_seen_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
  // One row per agency item: a poll that meets it again finds it by this key, concurrent polls insert once.
  await db.schema
    .createIndex('wire_items_source_item')
    .on('wire_items')
    .columns(['source_id', 'source_item_id'])
    .unique()
    .execute();
  await db.schema.createIndex('wire_items_url').on('wire_items').column('url').execute();
  await db.schema.createIndex('wire_items_hash').on('wire_items').column('content_hash').execute();
  await db.schema.createIndex('wire_items_cluster').on('wire_items').column('cluster_id').execute();
  // The inbox: newest first, optionally by status or source.
  await db.schema.createIndex('wire_items_inbox').on('wire_items').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('wire_items_status').on('wire_items').columns(['status', 'updated_at', 'id']).execute();
  await db.schema
    .createIndex('wire_items_by_source')
    .on('wire_items')
    .columns(['source_id', 'updated_at', 'id'])
    .execute();

  await idColumn('id', db.schema.createTable('wire_item_versions'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('wire_items.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_version', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('pub_status', 'text', (c) => c.notNull())
    .addColumn('signals', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('fetched_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wire_item_versions_item')
    .on('wire_item_versions')
    .columns(['item_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('article_wire')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('wire_item_id', 'integer', (c) => c.notNull().references('wire_items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.references('wire_sources.id').onDelete('set null'))
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('original_url', 'text')
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('original_headline', 'text', (c) => c.notNull())
    .addColumn('original_body_html', 'text', (c) => c.notNull())
    .addColumn('original_body_text', 'text', (c) => c.notNull())
    .addColumn('usage_terms', 'text')
    .addColumn('copyright_notice', 'text')
    .addColumn('fetched_at', time, (c) => c.notNull())
    .addColumn('adopted_at', time, (c) => c.notNull())
    .addColumn('adopted_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addPrimaryKeyConstraint('article_wire_pk', ['article_id', 'wire_item_id'])
    .execute();
  // An agency's update finds the articles that carry the item.
  await db.schema.createIndex('article_wire_item').on('article_wire').column('wire_item_id').execute();

  await idColumn('id', db.schema.createTable('wire_alerts'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('wire_item_id', 'integer', (c) => c.notNull().references('wire_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('diff', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('resolved_at', time)
    .addColumn('resolved_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('wire_alerts_article').on('wire_alerts').columns(['article_id', 'resolved_at']).execute();
  await db.schema.createIndex('wire_alerts_open').on('wire_alerts').columns(['resolved_at', 'created_at']).execute();

  await db.schema.alterTable('articles').addColumn('embargo_until', time).execute();
  await db.schema.alterTable('articles').addColumn('wire_relationship', 'text').execute();
  await db.schema.alterTable('articles').addColumn('wire_robots', 'text').execute();
  await db.schema
    .alterTable('articles')
    .addColumn('show_wire_changes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of ['show_wire_changes', 'wire_robots', 'wire_relationship', 'embargo_until']) {
    await db.schema.alterTable('articles').dropColumn(column).execute();
  }
  for (const table of ['wire_alerts', 'article_wire', 'wire_item_versions', 'wire_items', 'wire_sources']) {
    await db.schema.dropTable(table).execute();
  }
}
