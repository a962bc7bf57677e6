// Frozen: never edit after it has landed; add a new migration instead.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * A branch's replies in the order readers see them (oldest first, every depth). With depth
 * ahead of the time in comments_replies, reading the first ten replies of a 2,000-reply
 * branch meant reading and sorting all 2,000; in this order it is ten index entries.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('comments_branch_time')
    .on('comments')
    .columns(['root_id', 'visible', 'created_at', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('comments_branch_time').execute();
}
