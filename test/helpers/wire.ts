import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Services } from '../../src/app.js';
import { type WireItemChanged, wireItemChangedJob } from '../../src/wire/ingest/ingest.service.js';
import type { WireImage } from '../../src/wire/ingest/wire-item.js';
import type {
  IndexPolicy,
  PubStatus,
  WireItemStatus,
  WireItemsTable,
  WireSourcesTable,
} from '../../src/wire/wire.table.js';

/**
 * Wire sources, items and versions written straight to their tables, as the ingest writes
 * them (bodies already sanitized, JSON columns as JSON text), so desk tests need no feed.
 */

let counter = 0;
const next = () => ++counter;

export type WireSource = Selectable<WireSourcesTable>;
export type WireItem = Selectable<WireItemsTable>;

export interface SourceSpec {
  name?: string;
  creditTemplate?: string;
  editedCreditTemplate?: string;
  defaultSectionId?: number | null;
  usageTerms?: string;
  copyrightNotice?: string;
  indexPolicy?: IndexPolicy;
}

export async function makeSource(s: Services, spec: SourceSpec = {}): Promise<WireSource> {
  const n = next();
  const now = s.clock.now().toISOString();
  return s.db.kysely
    .insertInto('wire_sources')
    .values({
      name: spec.name ?? `Agency ${n}`,
      url: `https://agency-${n}.example/feed.xml`,
      format: 'rss',
      credit_template: spec.creditTemplate ?? '{source}',
      edited_credit_template: spec.editedCreditTemplate ?? '{sources} with additional input by {desk}',
      default_section_id: spec.defaultSectionId ?? null,
      usage_terms: spec.usageTerms ?? '',
      copyright_notice: spec.copyrightNotice ?? '',
      index_policy: spec.indexPolicy ?? 'news_noindex',
      etag: null,
      last_modified: null,
      next_poll_at: null,
      last_polled_at: null,
      last_success_at: null,
      last_error: null,
      last_error_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Plain text of sanitized HTML, one paragraph a line, as the ingest stores body_text. */
const textOf = (html: string) =>
  html
    .replace(/<\/(p|h[1-6]|li|blockquote)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\n+/g, '\n')
    .trim();

const hashOf = (headline: string, html: string) =>
  createHash('sha256')
    .update(`${headline}\n${textOf(html)}`)
    .digest('hex');

export interface ItemSpec {
  source?: WireSource | null;
  headline?: string;
  summary?: string;
  bodyHtml?: string;
  url?: string | null;
  embargoUntil?: string | null;
  pubStatus?: PubStatus;
  signals?: string[];
  status?: WireItemStatus;
  /** Another item of the same story: joins its cluster. */
  clusterOf?: WireItem;
  usageTerms?: string | null;
  copyrightNotice?: string | null;
  problems?: string[];
  /** When it last changed (the inbox's order); now by default. */
  updatedAt?: string;
  raw?: string;
  /** The item's pictures, as the ingest lists them. */
  images?: WireImage[];
}

/** An item at version 1, with its version row. */
export async function makeItem(s: Services, spec: ItemSpec = {}): Promise<WireItem> {
  const n = next();
  const at = spec.updatedAt ?? s.clock.now().toISOString();
  const headline = spec.headline ?? `Wire story ${n}`;
  const bodyHtml = spec.bodyHtml ?? `<p>Body of wire story ${n}.</p>`;
  const pubStatus = spec.pubStatus ?? 'usable';
  const signals = JSON.stringify(spec.signals ?? []);
  return s.db.kysely.transaction().execute(async (trx) => {
    const item = await trx
      .insertInto('wire_items')
      .values({
        source_id: spec.source === null ? null : (spec.source?.id ?? null),
        origin: spec.source === null ? 'url' : 'feed',
        source_item_id: `urn:test:item:${n}`,
        version: 1,
        source_version: '1',
        url: spec.url === undefined ? `https://agency.example/stories/${n}` : spec.url,
        headline,
        summary: spec.summary ?? `Summary of wire story ${n}.`,
        body_html: bodyHtml,
        body_text: textOf(bodyHtml),
        dateline: null,
        language: 'en',
        images: JSON.stringify(spec.images ?? []),
        item_published_at: at,
        embargo_until: spec.embargoUntil ?? null,
        expires_at: null,
        pub_status: pubStatus,
        signals,
        ed_note: null,
        usage_terms: spec.usageTerms ?? null,
        copyright_notice: spec.copyrightNotice ?? null,
        content_hash: hashOf(headline, bodyHtml),
        cluster_id: spec.clusterOf ? (spec.clusterOf.cluster_id ?? spec.clusterOf.id) : null,
        status: spec.status ?? 'new',
        format: 'rss',
        problems: JSON.stringify(spec.problems ?? []),
        first_seen_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('wire_item_versions')
      .values({
        item_id: item.id,
        version: 1,
        source_version: '1',
        raw: spec.raw ?? `<item><title>${headline}</title></item>`,
        headline,
        body_html: bodyHtml,
        content_hash: item.content_hash,
        pub_status: pubStatus,
        signals,
        fetched_at: at,
      })
      .execute();
    if (item.cluster_id !== null) return item;
    // Alone in its story: its own cluster.
    return trx
      .updateTable('wire_items')
      .set({ cluster_id: item.id })
      .where('id', '=', item.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export interface VersionSpec {
  headline?: string;
  bodyHtml?: string;
  pubStatus?: PubStatus;
  signals?: string[];
  embargoUntil?: string | null;
  at?: string;
}

/**
 * The agency's next version of an item, stored as the ingest stores it: the item moves to
 * it, the version row keeps it, and the desk's 'wire.item-changed' job is queued in the
 * same transaction. Tests then run due jobs.
 */
export async function addVersion(s: Services, itemId: number, spec: VersionSpec = {}): Promise<WireItemChanged> {
  const at = spec.at ?? s.clock.now().toISOString();
  return s.db.kysely.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('wire_items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
    const version = item.version + 1;
    const headline = spec.headline ?? item.headline;
    const bodyHtml = spec.bodyHtml ?? item.body_html;
    const pubStatus = spec.pubStatus ?? item.pub_status;
    const signals = JSON.stringify(spec.signals ?? []);
    const hash = hashOf(headline, bodyHtml);
    await trx
      .updateTable('wire_items')
      .set({
        version,
        source_version: String(version),
        headline,
        body_html: bodyHtml,
        body_text: textOf(bodyHtml),
        pub_status: pubStatus,
        signals,
        content_hash: hash,
        ...(spec.embargoUntil !== undefined ? { embargo_until: spec.embargoUntil } : {}),
        updated_at: at,
      })
      .where('id', '=', itemId)
      .execute();
    await trx
      .insertInto('wire_item_versions')
      .values({
        item_id: itemId,
        version,
        source_version: String(version),
        raw: `<item><title>${headline}</title><version>${version}</version></item>`,
        headline,
        body_html: bodyHtml,
        content_hash: hash,
        pub_status: pubStatus,
        signals,
        fetched_at: at,
      })
      .execute();
    const payload: WireItemChanged = { itemId, fromVersion: item.version, toVersion: version };
    await s.jobs.enqueue(wireItemChangedJob, payload, { trx });
    return payload;
  });
}
