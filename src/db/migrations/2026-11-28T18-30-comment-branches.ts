// Frozen: never edit after it has landed; add a new migration instead.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * A branch's replies in the order readers see them (oldest first, every depth). With depth
 * ahead of the time in comments_replies, reading the first ten replies of a 2,000-reply
 * branch meant reading and sorting all 2,000; in this order it is ten index entries. The
 * old index goes: left beside the new one, SQLite without statistics kept choosing it.
 * The moderation log gains its two filters' orders (by action, by who decided).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('comments_branch_time')
    .on('comments')
    .columns(['root_id', 'visible', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('comments_replies').execute();
  await db.schema.createIndex('moderation_log_action').on('moderation_log').columns(['action', 'id']).execute();
  await db.schema.createIndex('moderation_log_actor').on('moderation_log').columns(['actor_staff_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('moderation_log_actor').execute();
  await db.schema.dropIndex('moderation_log_action').execute();
  await db.schema
    .createIndex('comments_replies')
    .on('comments')
    .columns(['root_id', 'visible', 'depth', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('comments_branch_time').execute();
}
