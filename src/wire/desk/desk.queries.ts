import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ArticleWireTable, WireAlertKind, WireAlertsTable, WireItemStatus } from '../wire.table.js';

type Q = Kysely<Database> | Transaction<Database>;

/** A place in the inbox: the (updated_at, id) of the last item a page showed. */
export interface InboxCursor {
  updatedAt: string;
  id: number;
}

export interface InboxFilter {
  sourceId?: number;
  /** Items of sources whose default section this is. */
  sectionId?: number;
  status?: WireItemStatus;
  /** Words the headline or summary contains, all of them. */
  text?: string;
}

/**
 * One page of the inbox, newest change first, walking the (status|source, updated_at, id)
 * indexes from a cursor. A text search reads at most `scanWindow` items past the cursor and
 * says where it stopped, so a word nobody used never makes the database read every item.
 */
export async function findInboxIds(
  db: Q,
  opts: { filter: InboxFilter; after: InboxCursor | null; limit: number; scanWindow: number },
): Promise<{ rows: InboxCursor[]; scannedTo: InboxCursor | null }> {
  const { filter, after, limit, scanWindow } = opts;
  let base = db.selectFrom('wire_items');
  if (filter.status) base = base.where('wire_items.status', '=', filter.status);
  if (filter.sourceId !== undefined) base = base.where('wire_items.source_id', '=', filter.sourceId);
  if (filter.sectionId !== undefined) {
    const sectionId = filter.sectionId;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('wire_sources')
          .select('wire_sources.id')
          .whereRef('wire_sources.id', '=', 'wire_items.source_id')
          .where('wire_sources.default_section_id', '=', sectionId),
      ),
    );
  }
  if (after) {
    base = base.where((eb) =>
      eb(eb.refTuple('wire_items.updated_at', 'wire_items.id'), '<', eb.tuple(after.updatedAt, after.id)),
    );
  }
  const ordered = base
    .select(['wire_items.id', 'wire_items.updated_at', 'wire_items.headline', 'wire_items.summary'])
    .orderBy('wire_items.updated_at', 'desc')
    .orderBy('wire_items.id', 'desc');
  const words = (filter.text ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const asCursor = (r: { id: number; updated_at: string }): InboxCursor => ({ updatedAt: r.updated_at, id: r.id });
  if (words.length === 0) {
    const rows = await ordered.limit(limit).execute();
    return { rows: rows.map(asCursor), scannedTo: null };
  }
  let matching = db.selectFrom(ordered.limit(scanWindow).as('w')).select(['w.id', 'w.updated_at']);
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    matching = matching.where((eb) =>
      eb.or([
        eb(sql`lower(w.headline)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(w.summary)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const [rows, edge] = await Promise.all([
    matching.orderBy('w.updated_at', 'desc').orderBy('w.id', 'desc').limit(limit).execute(),
    // The last item of the window, if the window was full: where the next search starts.
    ordered
      .offset(scanWindow - 1)
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { rows: rows.map(asCursor), scannedTo: edge ? asCursor(edge) : null };
}

const itemColumns = [
  'wire_items.id',
  'wire_items.source_id',
  'wire_items.origin',
  'wire_items.source_item_id',
  'wire_items.version',
  'wire_items.source_version',
  'wire_items.url',
  'wire_items.headline',
  'wire_items.summary',
  'wire_items.body_html',
  'wire_items.body_text',
  'wire_items.bylines',
  'wire_items.dateline',
  'wire_items.subjects',
  'wire_items.images',
  'wire_items.language',
  'wire_items.item_published_at',
  'wire_items.embargo_until',
  'wire_items.expires_at',
  'wire_items.pub_status',
  'wire_items.signals',
  'wire_items.ed_note',
  'wire_items.usage_terms',
  'wire_items.copyright_notice',
  'wire_items.cluster_id',
  'wire_items.status',
  'wire_items.format',
  'wire_items.problems',
  'wire_items.first_seen_at',
  'wire_items.updated_at',
] as const;

const sourceColumns = [
  'wire_sources.name as source_name',
  'wire_sources.default_section_id as source_section_id',
  'wire_sources.credit_template',
  'wire_sources.edited_credit_template',
  'wire_sources.index_policy',
  'wire_sources.usage_terms as source_usage_terms',
  'wire_sources.copyright_notice as source_copyright_notice',
] as const;

/** Items with what their source says about them; order is the caller's. */
export function findItems(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('wire_items')
    .leftJoin('wire_sources', 'wire_sources.id', 'wire_items.source_id')
    .select([...itemColumns, ...sourceColumns])
    .where('wire_items.id', 'in', ids)
    .execute();
}

export type ItemRow = Awaited<ReturnType<typeof findItems>>[number];

/** How many items each cluster holds. */
export async function findClusterSizes(db: Q, clusterIds: number[]): Promise<Map<number, number>> {
  if (clusterIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('wire_items')
    .select(['cluster_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cluster_id', 'in', clusterIds)
    .groupBy('cluster_id')
    .execute();
  return new Map(rows.map((r) => [r.cluster_id as number, Number(r.n)]));
}

/** The other items telling the same story, newest first. */
export function findClusterMembers(db: Q, clusterId: number, exceptId: number, limit: number) {
  return db
    .selectFrom('wire_items')
    .leftJoin('wire_sources', 'wire_sources.id', 'wire_items.source_id')
    .select([...itemColumns, ...sourceColumns])
    .where('wire_items.cluster_id', '=', clusterId)
    .where('wire_items.id', '!=', exceptId)
    .orderBy('wire_items.updated_at', 'desc')
    .orderBy('wire_items.id', 'desc')
    .limit(limit)
    .execute();
}

/** The articles carrying each of these items (their headline and status, for the desk to see). */
export function findCarryingArticles(db: Q, itemIds: number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('article_wire')
    .innerJoin('articles', 'articles.id', 'article_wire.article_id')
    .select([
      'article_wire.wire_item_id',
      'article_wire.item_version',
      'articles.id',
      'articles.headline',
      'articles.status',
      'articles.wire_relationship',
    ])
    .where('article_wire.wire_item_id', 'in', itemIds)
    .orderBy('article_wire.article_id')
    .execute();
}

export function findVersions(db: Q, itemId: number, limit: number) {
  return db
    .selectFrom('wire_item_versions')
    .select(['version', 'source_version', 'headline', 'pub_status', 'signals', 'content_hash', 'fetched_at'])
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
}

export function findVersion(db: Q, itemId: number, version: number) {
  return db
    .selectFrom('wire_item_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** When each item's current version was fetched. */
export function findFetchedAt(db: Q, items: { id: number; version: number }[]) {
  if (items.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('wire_item_versions')
    .select(['item_id', 'version', 'fetched_at'])
    .where(
      'item_id',
      'in',
      items.map((i) => i.id),
    )
    .execute()
    .then((rows) => rows.filter((r) => items.some((i) => i.id === r.item_id && i.version === r.version)));
}

/** Moves an item between desk states; false when it was not in one of `from`. */
export async function setItemStatus(db: Q, id: number, from: WireItemStatus[], to: WireItemStatus) {
  const result = await db
    .updateTable('wire_items')
    .set({ status: to })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markAdopted(trx: Q, ids: number[]): Promise<void> {
  if (ids.length > 0) await trx.updateTable('wire_items').set({ status: 'adopted' }).where('id', 'in', ids).execute();
}

export async function insertProvenance(trx: Q, rows: Insertable<ArticleWireTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('article_wire').values(rows).execute();
}

/** An article's wire copy in credit order, with its sources' current templates and policy. */
export function findProvenance(db: Q, articleId: number) {
  return db
    .selectFrom('article_wire')
    .leftJoin('wire_sources', 'wire_sources.id', 'article_wire.source_id')
    .select([
      'article_wire.article_id',
      'article_wire.wire_item_id',
      'article_wire.position',
      'article_wire.source_id',
      'article_wire.source_name',
      'article_wire.original_url',
      'article_wire.item_version',
      'article_wire.original_headline',
      'article_wire.original_body_html',
      'article_wire.original_body_text',
      'article_wire.usage_terms',
      'article_wire.copyright_notice',
      'article_wire.fetched_at',
      'article_wire.adopted_at',
      'article_wire.adopted_by',
      'wire_sources.credit_template',
      'wire_sources.edited_credit_template',
      'wire_sources.index_policy',
    ])
    .where('article_wire.article_id', '=', articleId)
    .orderBy('article_wire.position')
    .execute();
}

export type ProvenanceRow = Awaited<ReturnType<typeof findProvenance>>[number];

/** The sources of several articles' wire copy, for a listing (primary key order: article, item). */
export function findSourcesOfMany(db: Q, articleIds: number[]) {
  return db
    .selectFrom('article_wire')
    .select([
      'article_wire.article_id',
      'article_wire.position',
      'article_wire.source_name',
      'article_wire.original_url',
      'article_wire.copyright_notice',
    ])
    .where('article_wire.article_id', 'in', articleIds)
    .orderBy('article_wire.article_id')
    .orderBy('article_wire.position')
    .execute();
}

/** The articles built from an item. */
export function findArticleIdsOfItem(db: Q, itemId: number) {
  return db
    .selectFrom('article_wire')
    .select('article_id')
    .where('wire_item_id', '=', itemId)
    .orderBy('article_id')
    .execute()
    .then((rows) => rows.map((r) => r.article_id));
}

/** The article now carries this version of the item: what "as received" is measured against. */
export function updateProvenance(
  db: Q,
  articleId: number,
  itemId: number,
  values: Pick<
    ArticleWireTable,
    'item_version' | 'original_headline' | 'original_body_html' | 'original_body_text' | 'fetched_at'
  >,
) {
  return db
    .updateTable('article_wire')
    .set(values)
    .where('article_id', '=', articleId)
    .where('wire_item_id', '=', itemId)
    .execute();
}

export function insertAlert(trx: Q, alert: Insertable<WireAlertsTable>) {
  return trx.insertInto('wire_alerts').values(alert).returning('id').executeTakeFirstOrThrow();
}

/** The same alert already raised (a job that runs twice raises it once). */
export function findSameAlert(db: Q, a: { articleId: number; itemId: number; kind: WireAlertKind; message: string }) {
  return db
    .selectFrom('wire_alerts')
    .select('id')
    .where('article_id', '=', a.articleId)
    .where('wire_item_id', '=', a.itemId)
    .where('kind', '=', a.kind)
    .where('message', '=', a.message)
    .executeTakeFirst();
}

export function findAlert(db: Q, id: number) {
  return db.selectFrom('wire_alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AlertRow = NonNullable<Awaited<ReturnType<typeof findAlert>>>;

/** Alerts of one article, open ones first, newest first. */
export function findAlertsOf(db: Q, articleId: number, limit: number) {
  return db
    .selectFrom('wire_alerts')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy(sql`case when resolved_at is null then 0 else 1 end`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Every open alert, newest first (the desk's to-do list), with its article's headline. */
export function findOpenAlerts(db: Q, limit: number) {
  return db
    .selectFrom('wire_alerts')
    .innerJoin('articles', 'articles.id', 'wire_alerts.article_id')
    .selectAll('wire_alerts')
    .select([
      'articles.headline as article_headline',
      'articles.status as article_status',
      'articles.created_by as article_created_by',
    ])
    .where('wire_alerts.resolved_at', 'is', null)
    .orderBy('wire_alerts.created_at', 'desc')
    .orderBy('wire_alerts.id', 'desc')
    .limit(limit)
    .execute();
}

export async function resolveAlert(db: Q, id: number, staffId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('wire_alerts')
    .set({ resolved_at: at, resolved_by: staffId })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
