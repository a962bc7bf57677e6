// Frozen: never edit after it has landed; add a new migration instead.
import { type ColumnDataType, type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * Verified readers and comment mail: emailed sign-in links and reader sessions (both stored
 * as SHA-256 of the secret), the per-comment "email me about replies" choice, a reader's
 * opt-out, when the moderators' digest last went out, and extra headers on outgoing mail
 * (List-Unsubscribe).
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const time = (pg ? 'timestamptz' : 'text') as ColumnDataType;

  await db.schema
    .createTable('reader_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    // Where the reader was going (a path on this site), so the link brings them back there.
    .addColumn('return_to', 'text')
    .addColumn('ip_hash', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('used_at', time)
    .execute();
  // Sign-in mails are limited per address and per network address over a recent window.
  await db.schema.createIndex('reader_tokens_email').on('reader_tokens').columns(['email', 'created_at']).execute();
  await db.schema.createIndex('reader_tokens_ip').on('reader_tokens').columns(['ip_hash', 'created_at']).execute();

  await db.schema
    .createTable('reader_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commenter_id', 'integer', (c) => c.notNull().references('commenters.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reader_sessions_commenter').on('reader_sessions').column('commenter_id').execute();
  await db.schema.createIndex('reader_sessions_expiry').on('reader_sessions').column('expires_at').execute();

  // SQLite adds one column per ALTER TABLE.
  await db.schema
    .alterTable('comments')
    .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Set once the parent's author has been mailed about this reply: a retried job mails once.
  await db.schema.alterTable('comments').addColumn('parent_notified_at', time).execute();
  await db.schema.alterTable('commenters').addColumn('reply_mails_off_at', time).execute();
  await db.schema.alterTable('comment_settings').addColumn('digest_sent_at', time).execute();
  // JSON object of extra header fields (List-Unsubscribe, List-Unsubscribe-Post).
  await db.schema.alterTable('outbox').addColumn('headers', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('headers').execute();
  await db.schema.alterTable('comment_settings').dropColumn('digest_sent_at').execute();
  await db.schema.alterTable('commenters').dropColumn('reply_mails_off_at').execute();
  await db.schema.alterTable('comments').dropColumn('parent_notified_at').execute();
  await db.schema.alterTable('comments').dropColumn('notify_replies').execute();
  await db.schema.dropTable('reader_sessions').execute();
  await db.schema.dropTable('reader_tokens').execute();
}
