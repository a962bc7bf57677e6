// Frozen: never edit after it has landed; add a new migration instead.
import { type ColumnDataType, type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * Reader comments: commenters, comments, likes, reports, the moderation log and the
 * comment settings row. Counts are denormalised (like, reply, report) so a thread's first
 * page is a few index range reads however long the thread is.
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const time = (pg ? 'timestamptz' : 'text') as ColumnDataType;
  const idColumn = (name: string, table: ReturnType<AnyDb['schema']['createTable']>) =>
    pg
      ? table.addColumn(name, 'serial', (c) => c.primaryKey())
      : table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());

  await idColumn('id', db.schema.createTable('commenters'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    // Never shown to readers; null once the reader has erased their data.
    .addColumn('email', 'text')
    .addColumn('email_verified_at', time)
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('suspended_until', time)
    .addColumn('always_premoderate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('erased_at', time)
    .execute();
  // One guest (or reader) per address, one commenter per staff member: concurrent first comments insert once.
  await db.schema.createIndex('commenters_email').on('commenters').columns(['kind', 'email']).unique().execute();
  await db.schema.createIndex('commenters_staff').on('commenters').column('staff_id').unique().execute();

  await idColumn('id', db.schema.createTable('comments'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('commenter_id', 'integer', (c) => c.notNull().references('commenters.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id'))
    // The comment actually answered, when a reply deeper than the thread shows was flattened.
    .addColumn('in_reply_to_id', 'integer', (c) => c.references('comments.id'))
    .addColumn('root_id', 'integer')
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    // 1 when the public thread lists it: approved, or a deleted placeholder that still has replies.
    .addColumn('visible', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ip_hash', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('edited_at', time)
    .addColumn('approved_at', time)
    .execute();
  // A resubmitted form inserts once, even when the copies arrive together.
  await db.schema.createIndex('comments_dedupe').on('comments').column('dedupe_key').unique().execute();
  // The thread: an article's listed top-level comments, oldest/newest (one index, read either way) and most liked.
  await db.schema
    .createIndex('comments_thread_time')
    .on('comments')
    .columns(['article_id', 'visible', 'depth', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('comments_thread_liked')
    .on('comments')
    .columns(['article_id', 'visible', 'depth', 'like_count', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('comments_replies')
    .on('comments')
    .columns(['root_id', 'visible', 'depth', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('comments_parent').on('comments').columns(['parent_id', 'status']).execute();
  // Moderation queues, newest or oldest first.
  await db.schema.createIndex('comments_queue').on('comments').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('comments_recent').on('comments').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('comments_reported')
    .on('comments')
    .columns(['created_at', 'id'])
    .where(sql<boolean>`report_count > 0`)
    .execute();
  // The rate limit, repeat posts and a commenter's history; the per-address limit.
  await db.schema.createIndex('comments_commenter').on('comments').columns(['commenter_id', 'created_at']).execute();
  await db.schema.createIndex('comments_ip').on('comments').columns(['ip_hash', 'created_at']).execute();

  await db.schema
    .createTable('comment_likes')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('commenter_id', 'integer', (c) => c.notNull().references('commenters.id').onDelete('cascade'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_likes_pk', ['comment_id', 'commenter_id'])
    .execute();
  await db.schema.createIndex('comment_likes_commenter').on('comment_likes').column('commenter_id').execute();

  await db.schema
    .createTable('comment_reports')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('commenter_id', 'integer', (c) => c.notNull().references('commenters.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'commenter_id'])
    .execute();
  await db.schema.createIndex('comment_reports_commenter').on('comment_reports').column('commenter_id').execute();

  await idColumn('id', db.schema.createTable('moderation_log'))
    .addColumn('comment_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('commenter_id', 'integer', (c) => c.references('commenters.id').onDelete('set null'))
    // Null: the system decided (the moderation pipeline).
    .addColumn('actor_staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_log_recent').on('moderation_log').column('id').execute();
  await db.schema.createIndex('moderation_log_comment').on('moderation_log').columns(['comment_id', 'id']).execute();
  await db.schema
    .createIndex('moderation_log_commenter')
    .on('moderation_log')
    .columns(['commenter_id', 'id'])
    .execute();

  // One row (id 1): the newsroom's comment settings as JSON, and the salt for hashing addresses.
  await db.schema
    .createTable('comment_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('ip_salt', 'text', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'comment_settings',
    'moderation_log',
    'comment_reports',
    'comment_likes',
    'comments',
    'commenters',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
