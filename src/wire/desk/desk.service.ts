import type { Transaction } from 'kysely';
import type {
  ArticleRecord,
  ArticlesService,
  WireCopyHooks,
  WireCredit,
  WirePageInfo,
} from '../../articles/articles.service.js';
import type { BodyDoc } from '../../articles/body/body.schema.js';
import { type Clock, iso } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { AppError, invalidFields, invalidParameter, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/jobs.service.js';
import type { MailService } from '../../mail/mail.service.js';
import type { MediaService } from '../../media/media.service.js';
import { type Actor, canOnArticle } from '../../newsroom/newsroom.policy.js';
import type { StaffService } from '../../newsroom/staff.service.js';
import type { SettingsService } from '../../settings/settings.service.js';
import { joinNames } from '../../site/format.js';
import { type WireItemChanged, wireItemChangedJob } from '../ingest/ingest.service.js';
import type { WireImage } from '../ingest/wire-item.js';
import type { WireItemStatus } from '../wire.table.js';
import { WireAlerts } from './desk.alerts.js';
import { creditFor, originalCopy, sourceNames } from './desk.credit.js';
import { importPictures, PictureImporter } from './desk.images.js';
import { creditedCopyOf, followItemChange, type LifecycleDeps, latestEmbargo, versionDiff } from './desk.lifecycle.js';
import {
  type CarryingArticle,
  parseJson,
  presentAlert,
  presentItem,
  presentItemSummary,
  previewHtml,
  signalsOf,
  sourceNameOf,
} from './desk.present.js';
import * as q from './desk.queries.js';
import { addedParagraphs, bodyOfHtml, sameCopy, wordDiff } from './desk.text.js';

export interface WireDeskDeps {
  db: Db;
  clock: Clock;
  articles: ArticlesService;
  settings: SettingsService;
  staff: StaffService;
  mail: MailService;
  publicUrl: string;
  /** Where adopted items' pictures are stored. */
  media: MediaService;
  /** The ingest's guarded fetcher (SSRF check, size limit, timeout), for agency pictures. */
  fetchImage: (url: string) => Promise<Buffer>;
}

/** A draft made from wire copy, and what could not be brought in with it. */
export interface AdoptedDraft {
  article: ArticleRecord;
  /** One sentence a picture left out: "The picture https://… was left out: the image answered 404 Not Found." */
  pictureProblems: string[];
}

export interface InboxQuery {
  sourceId?: number;
  sectionId?: number;
  status?: WireItemStatus;
  text?: string;
  /** A cursor from the previous page's `nextCursor`. */
  before?: string;
  limit: number;
}

/** A search reads at most this many items per page of results (see findInboxIds). */
const searchWindow = 500;
/** One article carries at most this many agency items. */
export const maxItemsPerArticle = 5;

const encodeCursor = (c: q.InboxCursor) => Buffer.from(JSON.stringify([c.updatedAt, c.id])).toString('base64url');

function decodeCursor(cursor: string): q.InboxCursor {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof updatedAt === 'string' && !Number.isNaN(Date.parse(updatedAt)) && Number.isSafeInteger(id)) {
      return { updatedAt, id: id as number };
    }
  } catch {
    // Falls through to the error below.
  }
  throw invalidParameter('before', 'is not a cursor this list gave out');
}

const httpUrl = (url: string | null) => (url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null);

/**
 * The wire desk: the inbox of agency items, adopting them into drafts with their
 * provenance, the credit line they are published with, and what an agency's update, kill
 * or correction does to the articles built from them (desk.lifecycle).
 */
export class WireDeskService {
  private readonly alerts: WireAlerts;

  constructor(private readonly deps: WireDeskDeps) {
    this.alerts = new WireAlerts(deps);
  }

  private get db() {
    return this.deps.db.kysely;
  }

  registerJobs(jobs: JobQueue): void {
    jobs.register<WireItemChanged>(wireItemChangedJob, (payload) => followItemChange(this.lifecycleDeps, payload));
  }

  private get lifecycleDeps(): LifecycleDeps {
    const { db, clock, articles, settings, media, fetchImage } = this.deps;
    return { db, clock, articles, settings, alerts: this.alerts, pictures: { media, fetchImage } };
  }

  /** What the articles service asks of the desk when it saves, publishes or shows an article. */
  readonly hooks: WireCopyHooks = {
    creditFor: (trx, row) => this.creditFor(trx, row),
    pageInfo: (articleId, showChanges) => this.pageInfo(articleId, showChanges),
    sourcesOf: (articleIds) => this.sourcesOf(articleIds),
  };

  // ---------------------------------------------------------------- the inbox

  async listInbox(query: InboxQuery) {
    const after = query.before ? decodeCursor(query.before) : null;
    const filter: q.InboxFilter = {
      ...(query.sourceId !== undefined ? { sourceId: query.sourceId } : {}),
      ...(query.sectionId !== undefined ? { sectionId: query.sectionId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.text?.trim() ? { text: query.text } : {}),
    };
    const { rows, scannedTo } = await q.findInboxIds(this.db, {
      filter,
      after,
      limit: query.limit + 1,
      scanWindow: searchWindow,
    });
    const shown = rows.slice(0, query.limit);
    const last = shown[shown.length - 1];
    // More matches, or a search window read to its end with more items behind it.
    const next = rows.length > query.limit && last ? last : scannedTo;
    const items = await this.summaries(shown.map((r) => r.id));
    return { items, nextCursor: next ? encodeCursor(next) : null };
  }

  private async summaries(ids: number[]) {
    const rows = await q.findItems(this.db, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const extras = await this.extrasOf(rows);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [presentItemSummary(row, extras(row))] : [];
    });
  }

  /** Cluster sizes and carrying articles of several items: one query each. */
  private async extrasOf(rows: q.ItemRow[]) {
    const clusterIds = [...new Set(rows.flatMap((r) => (r.cluster_id ? [r.cluster_id] : [])))];
    const [sizes, carrying] = await Promise.all([
      q.findClusterSizes(this.db, clusterIds),
      q.findCarryingArticles(
        this.db,
        rows.map((r) => r.id),
      ),
    ]);
    return (row: q.ItemRow): { clusterSize: number; articles: CarryingArticle[] } => ({
      clusterSize: row.cluster_id ? (sizes.get(row.cluster_id) ?? 1) : 1,
      articles: carrying
        .filter((c) => c.wire_item_id === row.id)
        .map((c) => ({
          id: c.id,
          headline: c.headline,
          status: c.status,
          relationship: c.wire_relationship,
          itemVersion: c.item_version,
        })),
    });
  }

  private async requireItem(id: number): Promise<q.ItemRow> {
    const [row] = await q.findItems(this.db, [id]);
    if (!row) throw notFound('wire item');
    return row;
  }

  /** One item in full, with its versions, the articles carrying it and the other items of its story. */
  async getItem(id: number) {
    const row = await this.requireItem(id);
    const [versions, similar] = await Promise.all([
      q.findVersions(this.db, id, 100),
      row.cluster_id ? q.findClusterMembers(this.db, row.cluster_id, id, 10) : Promise.resolve([]),
    ]);
    const extras = await this.extrasOf([row, ...similar]);
    return {
      ...presentItem(row, extras(row)),
      versions: versions.map((v) => ({
        version: v.version,
        sourceVersion: v.source_version,
        headline: v.headline,
        pubStatus: v.pub_status,
        signals: signalsOf(v.signals),
        fetchedAt: v.fetched_at,
      })),
      similar: similar.map((s) => presentItem(s, extras(s))),
    };
  }

  /** A version exactly as the agency sent it, for audit. */
  async getVersion(id: number, version: number) {
    await this.requireItem(id);
    const row = await q.findVersion(this.db, id, version);
    if (!row) throw notFound('version of this wire item');
    return {
      itemId: id,
      version: row.version,
      sourceVersion: row.source_version,
      headline: row.headline,
      pubStatus: row.pub_status,
      signals: signalsOf(row.signals),
      contentHash: row.content_hash,
      fetchedAt: row.fetched_at,
      raw: row.raw,
    };
  }

  /** Word differences between two versions; by default the latest against the one before it. */
  async diffVersions(id: number, opts: { from?: number; to?: number }) {
    const item = await this.requireItem(id);
    const toVersion = opts.to ?? item.version;
    const fromVersion = opts.from ?? Math.max(1, toVersion - 1);
    const [from, to] = await Promise.all([
      q.findVersion(this.db, id, fromVersion),
      q.findVersion(this.db, id, toVersion),
    ]);
    if (!from) throw notFound(`version ${fromVersion} of this wire item`);
    if (!to) throw notFound(`version ${toVersion} of this wire item`);
    return versionDiff(from, to);
  }

  async ignore(id: number) {
    const row = await this.requireItem(id);
    if (row.status === 'adopted') {
      throw new AppError('conflict', 'This item has been adopted into an article; it cannot be ignored.');
    }
    await q.setItemStatus(this.db, id, ['new', 'ignored'], 'ignored');
    return this.getItem(id);
  }

  async unignore(id: number) {
    const row = await this.requireItem(id);
    if (row.status !== 'ignored') throw new AppError('conflict', `This item is ${row.status}, not ignored.`);
    await q.setItemStatus(this.db, id, ['ignored'], 'new');
    return this.getItem(id);
  }

  // ---------------------------------------------------------------- adopting

  /**
   * Makes a draft of one or more agency items (the first gives the headline and summary;
   * bodies follow one another), through the articles service's own validation, and records
   * in the same transaction where each part came from and on what terms. The items'
   * pictures are brought into the media library first (see desk.images): the first becomes
   * the feature image, inline ones figures of the body; one that cannot be had is left out,
   * said why in the article's log and in the answer, and never stops the adoption.
   */
  async adopt(input: { itemIds: number[]; sectionId?: number }, actor: Actor): Promise<AdoptedDraft> {
    const items = await this.adoptableItems(input.itemIds);
    const first = items[0] as q.ItemRow;
    const sectionId = input.sectionId ?? items.find((i) => i.source_section_id)?.source_section_id ?? null;
    if (sectionId === null) {
      throw invalidFields([
        { field: 'sectionId', message: 'Choose a section: the source of this copy has no default section.' },
      ]);
    }
    const importer = new PictureImporter(this.deps, { uploadedBy: actor.id });
    const pictures = await importPictures(
      importer,
      items.map((i) => ({
        images: parseJson<WireImage[]>(i.images, []),
        bodyHtml: i.body_html,
        sourceName: sourceNameOf(i),
      })),
      { feature: true },
    );
    const bodies = await Promise.all(pictures.bodies.map((html) => bodyOfHtml(html)));
    const body: BodyDoc = { type: 'doc', content: bodies.flatMap((b) => b.doc.content ?? []) };
    const names = sourceNames(items.map((i) => ({ sourceName: sourceNameOf(i) })));
    const language = first.language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(first.language) ? first.language : null;
    const detail = [
      `from wire copy: ${items.map((i) => `${sourceNameOf(i)} item ${i.id} (version ${i.version})`).join('; ')}`,
      ...importer.problems,
    ].join('. ');
    try {
      const article = await this.deps.articles.createArticle(
        {
          headline: first.headline.trim().slice(0, 300),
          standfirst: first.summary.trim().slice(0, 1000),
          body,
          sectionId,
          featureImageId: pictures.featureImageId,
          wireSource: joinNames(names),
          wireSourceUrl: httpUrl(first.url),
          embargoUntil: latestEmbargo(items.map((i) => i.embargo_until)),
          ...(language ? { language } : {}),
        },
        { actor: actor.id, eventDetail: detail, alsoWrite: await this.provenanceWriter(items, actor.id) },
      );
      return { article, pictureProblems: importer.problems };
    } catch (error) {
      // The draft was not made: pictures stored for it alone would sit in the library unused.
      for (const id of importer.created) await this.deps.media.deleteImage(id).catch(() => undefined);
      throw error;
    }
  }

  /**
   * For copy that reaches the newsroom some other way than the inbox (the demo newsroom, an
   * import): what `createArticle` should also write so the new article carries these items,
   * with their provenance, exactly as if it had been adopted.
   */
  async provenanceFor(itemIds: number[], adoptedBy: number | null) {
    return this.provenanceWriter(await this.adoptableItems(itemIds), adoptedBy);
  }

  private async adoptableItems(itemIds: number[]): Promise<q.ItemRow[]> {
    const ids = [...new Set(itemIds)];
    if (ids.length === 0 || ids.length > maxItemsPerArticle) {
      throw invalidFields([{ field: 'itemIds', message: `Choose 1 to ${maxItemsPerArticle} wire items.` }]);
    }
    const found = new Map((await q.findItems(this.db, ids)).map((r) => [r.id, r]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw notFound(`wire item ${missing.join(', ')}`);
    const items = ids.map((id) => found.get(id) as q.ItemRow);
    for (const item of items) {
      if (item.pub_status !== 'usable') {
        const why = item.pub_status === 'canceled' ? 'killed' : 'withheld';
        throw new AppError('conflict', `"${item.headline}" was ${why} by ${sourceNameOf(item)}; it cannot be adopted.`);
      }
    }
    return items;
  }

  /** The provenance rows of a new article made of these items, written in its transaction. */
  private async provenanceWriter(items: q.ItemRow[], adoptedBy: number | null) {
    // The agency's text as received, pictures aside: what "published as received" is measured against.
    const originals = await Promise.all(items.map((i) => bodyOfHtml(i.body_html)));
    const fetched = await q.findFetchedAt(this.db, items);
    const now = iso(this.deps.clock.now());
    const rows = items.map((item, position) => ({
      wire_item_id: item.id,
      position,
      source_id: item.source_id,
      source_name: sourceNameOf(item),
      original_url: item.url,
      item_version: item.version,
      original_headline: item.headline,
      original_body_html: item.body_html,
      original_body_text: originals[position]?.text ?? '',
      usage_terms: item.usage_terms ?? (item.source_usage_terms || null),
      copyright_notice: item.copyright_notice ?? (item.source_copyright_notice || null),
      fetched_at: fetched.find((f) => f.item_id === item.id)?.fetched_at ?? item.updated_at,
      adopted_at: now,
      adopted_by: adoptedBy,
    }));
    return async (trx: Transaction<Database>, row: ArticleRecord) => {
      await q.insertProvenance(
        trx,
        rows.map((p) => ({ ...p, article_id: row.id })),
      );
      await q.markAdopted(
        trx,
        items.map((i) => i.id),
      );
    };
  }

  // ---------------------------------------------------------------- an article's wire copy

  /** Where an article's copy came from, its open alerts, and what the desk added to the agency's text. */
  async provenanceOf(articleId: number) {
    const article = await this.deps.articles.findRecord(articleId);
    if (!article) throw notFound('article');
    const [rows, alerts] = await Promise.all([
      q.findProvenance(this.db, articleId),
      q.findAlertsOf(this.db, articleId, 100),
    ]);
    const items = await q.findItems(
      this.db,
      rows.map((r) => r.wire_item_id),
    );
    const adopters = await this.deps.staff.namesOf([
      ...new Set(rows.flatMap((r) => (r.adopted_by ? [r.adopted_by] : []))),
    ]);
    const current = { headline: article.headline, bodyText: article.body_text };
    const original = originalCopy(creditedCopyOf(rows));
    return {
      articleId,
      creditLine: article.credit_line,
      relationship: article.wire_relationship,
      embargoUntil: article.embargo_until,
      showWireChanges: article.show_wire_changes === 1,
      sources: rows.map((r) => {
        const item = items.find((i) => i.id === r.wire_item_id);
        return {
          itemId: r.wire_item_id,
          position: r.position,
          source: { id: r.source_id, name: r.source_name },
          originalUrl: r.original_url,
          itemVersion: r.item_version,
          latestVersion: item?.version ?? r.item_version,
          pubStatus: item?.pub_status ?? null,
          originalHeadline: r.original_headline,
          originalBodyHtml: previewHtml(r.original_body_html),
          usageTerms: r.usage_terms,
          copyrightNotice: r.copyright_notice,
          fetchedAt: r.fetched_at,
          adoptedAt: r.adopted_at,
          adoptedBy: adopters.find((a) => a.id === r.adopted_by) ?? null,
        };
      }),
      verbatim: rows.length > 0 && sameCopy(current, original),
      added:
        rows.length > 0
          ? {
              headline: wordDiff(original.headline, current.headline),
              body: wordDiff(original.bodyText, current.bodyText),
              ...addedParagraphs(original, current),
            }
          : null,
      alerts: alerts.filter((a) => a.resolved_at === null).map(presentAlert),
    };
  }

  /** The open alerts, newest first; each says whether this person may mark it as dealt with. */
  async listOpenAlerts(limit: number, actor: Actor) {
    const rows = await q.findOpenAlerts(this.db, limit);
    return rows.map((r) => ({
      ...presentAlert(r),
      article: { id: r.article_id, headline: r.article_headline, status: r.article_status },
      canResolve: canOnArticle(actor, 'articles.edit', { createdBy: r.article_created_by, status: r.article_status }),
    }));
  }

  async findAlert(id: number) {
    const row = await q.findAlert(this.db, id);
    if (!row) throw notFound('wire alert');
    return row;
  }

  async resolveAlert(id: number, actor: Actor) {
    const row = await this.findAlert(id);
    if (row.resolved_at !== null) throw new AppError('conflict', 'This alert has already been resolved.');
    await q.resolveAlert(this.db, id, actor.id, iso(this.deps.clock.now()));
    return presentAlert(await this.findAlert(id));
  }

  // ---------------------------------------------------------------- hooks of the articles service

  private async creditFor(trx: Transaction<Database>, row: ArticleRecord): Promise<WireCredit | null> {
    const rows = await q.findProvenance(trx, row.id);
    return creditFor(
      { headline: row.headline, bodyText: row.body_text },
      creditedCopyOf(rows),
      this.deps.settings.get().deskName,
    );
  }

  private async sourcesOf(articleIds: number[]): Promise<Map<number, WirePageInfo['sources']>> {
    const bySource = new Map<number, Map<string, WirePageInfo['sources'][number]>>();
    for (const r of await q.findSourcesOfMany(this.db, articleIds)) {
      const mine = bySource.get(r.article_id) ?? new Map<string, WirePageInfo['sources'][number]>();
      if (!mine.has(r.source_name)) {
        mine.set(r.source_name, {
          name: r.source_name,
          url: httpUrl(r.original_url),
          copyrightNotice: r.copyright_notice,
        });
      }
      bySource.set(r.article_id, mine);
    }
    return new Map([...bySource].map(([id, sources]) => [id, [...sources.values()]]));
  }

  private async pageInfo(articleId: number, showChanges: boolean): Promise<WirePageInfo | null> {
    const rows = await q.findProvenance(this.db, articleId);
    if (rows.length === 0) return null;
    const sources = new Map<string, WirePageInfo['sources'][number]>();
    for (const r of rows) {
      if (!sources.has(r.source_name)) {
        sources.set(r.source_name, {
          name: r.source_name,
          url: httpUrl(r.original_url),
          copyrightNotice: r.copyright_notice,
        });
      }
    }
    let changes: WirePageInfo['changes'] = null;
    if (showChanges) {
      const article = await this.deps.articles.findRecord(articleId);
      if (article) {
        changes = addedParagraphs(originalCopy(creditedCopyOf(rows)), {
          headline: article.headline,
          bodyText: article.body_text,
        });
      }
    }
    return { sources: [...sources.values()], changes };
  }
}
