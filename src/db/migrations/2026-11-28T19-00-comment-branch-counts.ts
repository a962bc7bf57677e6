// Frozen: never edit after it has landed; add a new migration instead.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * A top-level comment keeps the count of approved replies in its branch (every depth), moved
 * in the same transaction as each status change, like the article's count. "N more replies"
 * reads it from the row instead of counting the branch on every page render.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('comments')
    .addColumn('branch_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`
    update comments set branch_count = (
      select count(*) from comments r
      where r.root_id = comments.id and r.depth > 0 and r.status = 'approved'
    )
    where depth = 0`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('branch_count').execute();
}
