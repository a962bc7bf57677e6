// Frozen: never edit after it has landed; add a new migration instead.
import { type ColumnDataType, type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/** Staff, sessions, the outbox, durable jobs, revisions and the workflow log. */
export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const time = (pg ? 'timestamptz' : 'text') as ColumnDataType;
  const idColumn = (name: string, table: ReturnType<AnyDb['schema']['createTable']>) =>
    pg
      ? table.addColumn(name, 'serial', (c) => c.primaryKey())
      : table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());

  await idColumn('id', db.schema.createTable('staff'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('password_hash', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('last_login_at', time)
    .execute();

  // The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens no session.
  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('staff_sessions_staff').on('staff_sessions').column('staff_id').execute();

  // Invitation and password-reset links: single use, hashed like sessions.
  await db.schema
    .createTable('staff_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('used_at', time)
    .execute();
  await db.schema.createIndex('staff_tokens_staff').on('staff_tokens').column('staff_id').execute();

  // Failed logins per key (an address, an IP): kept in the database so every instance sees them.
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failure_at', time, (c) => c.notNull())
    .addColumn('blocked_until', time)
    .execute();

  await idColumn('id', db.schema.createTable('outbox'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('sent_at', time)
    .execute();
  await db.schema.createIndex('outbox_recent').on('outbox').column('created_at').execute();

  await idColumn('id', db.schema.createTable('jobs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('run_at', time, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', time)
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('finished_at', time)
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  await idColumn('id', db.schema.createTable('article_revisions'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('autosave', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_revisions_article')
    .on('article_revisions')
    .columns(['article_id', 'id'])
    .execute();

  await idColumn('id', db.schema.createTable('article_events'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_events_article').on('article_events').columns(['article_id', 'id']).execute();

  // Which images an article uses (feature image and figures): guards deletion and the alt-text rule.
  await db.schema
    .createTable('article_images')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('image_id', 'integer', (c) => c.notNull().references('images.id'))
    .addPrimaryKeyConstraint('article_images_pk', ['article_id', 'image_id'])
    .execute();
  await db.schema.createIndex('article_images_image').on('article_images').column('image_id').execute();

  await db.schema
    .alterTable('articles')
    .addColumn('created_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .execute();
  // The newsroom's article list: newest change first, and "mine" for contributors.
  await db.schema.createIndex('articles_modified').on('articles').columns(['modified_at', 'id']).execute();
  await db.schema.createIndex('articles_created_by').on('articles').columns(['created_by', 'modified_at']).execute();
  await db.schema.alterTable('images').addColumn('uploaded_by', 'integer').execute();
  await db.schema.alterTable('images').addColumn('error', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('images').dropColumn('error').execute();
  await db.schema.alterTable('images').dropColumn('uploaded_by').execute();
  await db.schema.dropIndex('articles_created_by').execute();
  await db.schema.dropIndex('articles_modified').execute();
  await db.schema.alterTable('articles').dropColumn('created_by').execute();
  for (const table of [
    'article_images',
    'article_events',
    'article_revisions',
    'jobs',
    'outbox',
    'login_throttle',
    'staff_tokens',
    'staff_sessions',
    'staff',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
