// Frozen: never edit after it has landed; add a new migration instead.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against Kysely<any> so they never depend on app types
type AnyDb = Kysely<any>;

/**
 * The wire desk finds an agency picture already in the library by its address, which is
 * stored as the image's original name: an index, so adopting a story never reads the whole
 * media library.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('images_original_name').on('images').columns(['original_name', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('images_original_name').execute();
}
