import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { WireItemsTable, WireItemVersionsTable } from '../wire.table.js';
import type { ParsedWireItem } from './wire-item.js';

export type WireItemRow = Selectable<WireItemsTable>;
export type WireItemVersionRow = Selectable<WireItemVersionsTable>;

/** The item as an agency's feed (or a pasted address, source null) knows it: unique per source. */
export function findBySourceItem(db: Kysely<Database>, sourceId: number | null, sourceItemId: string) {
  return db
    .selectFrom('wire_items')
    .selectAll()
    .where((eb) => (sourceId === null ? eb('source_id', 'is', null) : eb('source_id', '=', sourceId)))
    .where('source_item_id', '=', sourceItemId)
    .executeTakeFirst();
}

/** The same story already stored: by its web address, else by the hash of its text (indexed both). */
export async function findDuplicate(db: Kysely<Database>, url: string | null, hash: string) {
  if (url) {
    const byUrl = await db.selectFrom('wire_items').selectAll().where('url', '=', url).orderBy('id').executeTakeFirst();
    if (byUrl) return byUrl;
  }
  return db.selectFrom('wire_items').selectAll().where('content_hash', '=', hash).orderBy('id').executeTakeFirst();
}

/** The columns an item's content fills, shared by insert and update. */
export function contentColumns(item: ParsedWireItem, hash: string) {
  return {
    source_version: item.sourceVersion,
    url: item.url,
    headline: item.headline,
    summary: item.summary,
    body_html: item.bodyHtml,
    body_text: item.bodyText,
    bylines: JSON.stringify(item.bylines),
    dateline: item.dateline,
    subjects: JSON.stringify(item.subjects),
    images: JSON.stringify(item.images),
    language: item.language,
    item_published_at: item.publishedAt,
    embargo_until: item.embargoUntil,
    expires_at: item.expiresAt,
    pub_status: item.pubStatus,
    signals: JSON.stringify(item.signals),
    ed_note: item.edNote,
    usage_terms: item.usageTerms,
    copyright_notice: item.copyrightNotice,
    content_hash: hash,
    format: item.format,
    extensions: JSON.stringify({ extensions: item.extensions }),
    problems: JSON.stringify(item.problems),
  };
}

export function insertVersion(
  db: Kysely<Database>,
  itemId: number,
  version: number,
  item: ParsedWireItem,
  hash: string,
  fetchedAt: string,
) {
  return db
    .insertInto('wire_item_versions')
    .values({
      item_id: itemId,
      version,
      source_version: item.sourceVersion,
      raw: item.raw,
      headline: item.headline,
      body_html: item.bodyHtml,
      content_hash: hash,
      pub_status: item.pubStatus,
      signals: JSON.stringify(item.signals),
      fetched_at: fetchedAt,
    })
    .execute();
}

/**
 * Recent items from other sources, the candidates for the same story. The updated_at bound
 * keeps it on the inbox index; first_seen_at then holds it to the window.
 */
export function clusterCandidates(
  db: Kysely<Database>,
  opts: { itemId: number; sourceId: number | null; since: string },
) {
  return db
    .selectFrom('wire_items')
    .select(['id', 'cluster_id', 'headline', 'body_text'])
    .where('updated_at', '>=', opts.since)
    .where('first_seen_at', '>=', opts.since)
    .where('id', '!=', opts.itemId)
    .$if(opts.sourceId !== null, (qb) =>
      qb.where((eb) => eb.or([eb('source_id', 'is', null), eb('source_id', '!=', opts.sourceId as number)])),
    )
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}
