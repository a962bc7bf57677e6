import type { Selectable, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError, type FieldError } from '../errors.js';
import {
  type ImageRow,
  type ImageSources,
  imageSources,
  type MediaService,
  parseVariants,
} from '../media/media.service.js';
import type { RelatedService } from '../related/related.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { formatDateTime } from '../site/format.js';
import { checkSlug, slugify, type TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { ArticleHistory, type RevisionSnapshot } from './articles.history.js';
import { articlePath, authorPath, sectionPath, storyPath, tagPath } from './articles.paths.js';
import * as q from './articles.queries.js';
import {
  type ArticleAction,
  type ArticleKind,
  type ArticleStatus,
  type ArticlesTable,
  articleKinds,
  type CommentsMode,
  commentModes,
  type NoteKind,
  noteKinds,
} from './articles.table.js';
import type { ImageForFigure, ReadMoreTarget } from './body/body.render.js';
import type { BodyDoc } from './body/body.schema.js';
import { bodyReferences } from './body/body.walk.js';

export type ArticleRecord = Selectable<ArticlesTable>;

export interface ArticleInput {
  headline: string;
  standfirst?: string;
  slug?: string;
  body: BodyDoc;
  kind?: ArticleKind;
  sectionId: number;
  authorIds?: number[];
  tagIds?: number[];
  featureImageId?: number | null;
  featureImageCaption?: string | null;
  creditLine?: string | null;
  wireSource?: string | null;
  wireSourceUrl?: string | null;
  canonicalUrl?: string | null;
  isBreaking?: boolean;
  breakingUntil?: string | null;
  frontPageSlot?: number | null;
  storyId?: number | null;
  commentsMode?: CommentsMode;
  seoTitle?: string | null;
  seoDescription?: string | null;
  language?: string;
  robots?: string | null;
  /** Readers see a note of what the desk added to the agency's copy. */
  showWireChanges?: boolean;
  /** Wire copy under embargo (set when adopted): not published or scheduled before this time. */
  embargoUntil?: string | null;
}

export interface BylineAuthor {
  id: number;
  slug: string;
  name: string;
  title: string;
  kind: string;
  bio: string;
  url: string;
}

export interface Byline {
  authors: BylineAuthor[];
  /** The wire agency, when the story carries no staff byline. */
  source: string | null;
}

export interface ArticleCard {
  id: number;
  slug: string;
  url: string;
  headline: string;
  standfirst: string;
  kind: ArticleKind;
  section: { id: number; slug: string; name: string };
  firstPublishedAt: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  modifiedAt: string;
  byline: Byline;
  isBreaking: boolean;
  /** When a breaking story stops being breaking; cached pages showing it expire then. */
  breakingUntil: string | null;
  image: (ImageSources & { alt: string }) | null;
  storyId: number | null;
}

export interface ArticleNote {
  id: number;
  kind: NoteKind;
  body: string;
  createdAt: string;
}

export interface ArticlePage extends ArticleCard {
  bodyHtml: string;
  wordCount: number;
  tags: { id: number; slug: string; name: string; url: string }[];
  notes: ArticleNote[];
  creditLine: string | null;
  wireSource: string | null;
  wireSourceUrl: string | null;
  /** The agencies wire copy adopted by the desk is based on, in order; empty for other articles. */
  wireSources: WirePageInfo['sources'];
  canonicalUrl: string | null;
  featureImage: (ImageSources & { alt: string; caption: string; credit: string }) | null;
  story: { id: number; slug: string; title: string; url: string; earlier: ArticleCard[]; later: ArticleCard[] } | null;
  related: ArticleCard[];
  commentsMode: CommentsMode;
  /** Approved comments, kept up to date by the comments service in its own transaction. */
  commentCount: number;
  seoTitle: string | null;
  seoDescription: string | null;
  language: string;
  robots: string | null;
  /** For verbatim wire copy: the source's indexing policy ('news_noindex', 'noindex'); the editor's robots wins. */
  wireRobots?: string | null;
  /** The wire copy the article is built on, when the desk adopted it (wire/desk). */
  wire?: WirePageInfo | null;
}

export type ArticleLookup =
  | { kind: 'found'; article: ArticlePage }
  | { kind: 'redirect'; location: string }
  | { kind: 'gone' }
  | { kind: 'not_found' };

export interface ListPage {
  items: ArticleCard[];
  page: number;
  hasNext: boolean;
}

export interface ArticlesDeps {
  db: Db;
  taxonomy: TaxonomyService;
  settings: SettingsService;
  media: MediaService;
  related: RelatedService;
  clock: Clock;
  /** Purges page-cache entries by surrogate key; called after commit. */
  purge: (keys: string[]) => void;
  /** Spacing of deep-page anchors in section listings (tests use a small one). */
  anchorEvery?: number;
  /** The durable job queue; scheduled publishing is a job, so it survives a restart. */
  jobs?: ScheduleQueue;
  /** The search index; told after commit whenever a published article appears, changes or goes. */
  search?: SearchIndexer;
  /** The wire desk: credit line, relationship and robots of wire copy, and what its page shows of it. */
  wire?: WireCopyHooks;
}

/** What an article carrying wire copy is credited with, decided from its text by the wire desk. */
export interface WireCredit {
  credit_line: string | null;
  wire_relationship: string | null;
  wire_robots: string | null;
}

/** What a reader page shows of the wire copy an article is built on. */
export interface WirePageInfo {
  sources: { name: string; url: string | null; copyrightNotice: string | null }[];
  /** "What our desk added", when the article shows it to readers; null otherwise. */
  changes: { headlineChanged: boolean; added: string[]; removedCount: number } | null;
}

/** The wire desk's part in saving and showing an article (implemented in wire/desk). */
export interface WireCopyHooks {
  /** Inside the save's transaction: the credit fields for wire copy, or null for an article without any. */
  creditFor(trx: Transaction<Database>, row: ArticleRecord): Promise<WireCredit | null>;
  pageInfo(articleId: number, showChanges: boolean): Promise<WirePageInfo | null>;
  /** The agencies several articles are based on, for a listing (articles without wire copy are absent). */
  sourcesOf(articleIds: number[]): Promise<Map<number, WirePageInfo['sources']>>;
}

/**
 * The part of the search service the articles service uses. Renamed tags and authors
 * reach the index with the article's next edit.
 */
export interface SearchIndexer {
  indexArticle(id: number): Promise<void>;
  removeArticle(id: number): Promise<void>;
}

/** The part of the job queue the articles service uses. */
export interface ScheduleQueue {
  enqueue<P>(
    kind: string,
    payload: P,
    opts?: { runAt?: Date; dedupeKey?: string; trx?: Transaction<Database> },
  ): Promise<number>;
  cancel(dedupeKey: string, trx?: Transaction<Database>): Promise<boolean>;
}

/** Who is acting, for revisions and the workflow log; scripts and jobs act as nobody. */
export interface WriteContext {
  actor?: number | null;
  /** Autosaves fold into one revision per person and leave no "edited" line in the log. */
  autosave?: boolean;
  /** What the log says about a new article ("from wire copy: ..."). */
  eventDetail?: string;
  /** Writes committed with a new article, in its transaction (the wire desk's provenance). */
  alsoWrite?: (trx: Transaction<Database>, row: ArticleRecord) => Promise<void>;
}

export const publishJob = 'articles.publish_scheduled';
const scheduleKey = (id: number) => `article-publish:${id}`;

/** Deep section pages start from an anchor kept every this many stories. */
export const defaultAnchorEvery = 500;

/** "Meridian Press Agency with additional input by Courier News Desk". */
export function creditLineFor(sources: string[], deskName: string, additionalInput: boolean): string {
  const names =
    sources.length <= 1 ? (sources[0] ?? '') : `${sources.slice(0, -1).join(', ')} and ${sources[sources.length - 1]}`;
  return additionalInput ? `${names} with additional input by ${deskName}` : names;
}

export class ArticlesService {
  readonly history: ArticleHistory;

  constructor(private readonly deps: ArticlesDeps) {
    this.history = new ArticleHistory(deps.db);
  }

  private get db() {
    return this.deps.db.kysely;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  // ---------------------------------------------------------------- writes

  async createArticle(input: ArticleInput, ctx: WriteContext = {}): Promise<ArticleRecord> {
    const fields = [...this.validate(input), ...(await this.checkReferences(input))];
    if (fields.length > 0) throw new AppError('validation_failed', 'Some fields need attention.', { fields });
    const now = this.now();
    const slug = input.slug ?? (await this.freeSlug(slugify(input.headline) || 'story'));
    const rendered = await this.render(input.body);
    const created = await this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
      if (taken) {
        throw new AppError('validation_failed', 'That slug is taken.', {
          fields: [{ field: 'slug', message: 'Another article already uses this slug.' }],
        });
      }
      const inserted = await trx
        .insertInto('articles')
        .values({
          slug,
          headline: input.headline.trim(),
          standfirst: (input.standfirst ?? '').trim(),
          body: JSON.stringify(input.body),
          body_html: rendered.html,
          body_text: rendered.text,
          word_count: rendered.wordCount,
          kind: input.kind ?? 'news',
          section_id: input.sectionId,
          feature_image_id: input.featureImageId ?? null,
          feature_image_caption: input.featureImageCaption ?? null,
          status: 'draft',
          first_published_at: null,
          published_at: null,
          updated_at: null,
          scheduled_at: null,
          created_at: now,
          modified_at: now,
          credit_line: input.creditLine ?? null,
          wire_source: input.wireSource ?? null,
          wire_source_url: input.wireSourceUrl ?? null,
          canonical_url: input.canonicalUrl ?? null,
          is_breaking: input.isBreaking ? 1 : 0,
          breaking_until: input.breakingUntil ?? null,
          front_page_slot: input.frontPageSlot ?? null,
          story_id: input.storyId ?? null,
          comments_mode: input.commentsMode ?? this.deps.settings.get().commentsDefaultMode,
          seo_title: input.seoTitle ?? null,
          seo_description: input.seoDescription ?? null,
          language: input.language ?? this.deps.settings.get().language,
          robots: input.robots ?? null,
          show_wire_changes: input.showWireChanges ? 1 : 0,
          embargo_until: input.embargoUntil ?? null,
          created_by: ctx.actor ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await ctx.alsoWrite?.(trx, inserted);
      const row = await this.withWireCredit(trx, inserted);
      await this.replaceBylines(trx, row.id, input.authorIds ?? [], null);
      await this.replaceTags(trx, row.id, input.tagIds ?? [], null);
      await this.replaceLinks(trx, row.id, rendered.linkedArticleIds);
      await this.replaceImages(trx, row.id, input.featureImageId ?? null, rendered.imageIds);
      await this.history.recordRevision(trx, {
        articleId: row.id,
        version: row.version,
        staffId: ctx.actor ?? null,
        autosave: false,
        snapshot: this.snapshotOf(row, input.authorIds ?? [], input.tagIds ?? []),
        at: now,
      });
      await this.history.recordEvent(trx, {
        articleId: row.id,
        staffId: ctx.actor ?? null,
        action: 'created',
        ...(ctx.eventDetail ? { detail: ctx.eventDetail } : {}),
        at: now,
      });
      return row;
    });
    await this.followPendingImages(rendered.pendingImageIds);
    return created;
  }

  /**
   * Saves changes. With `expectedVersion`, a save made from a stale copy is refused with
   * `edit_conflict` and nothing is overwritten.
   */
  async updateArticle(
    id: number,
    patch: Partial<ArticleInput>,
    expectedVersion?: number,
    ctx: WriteContext = {},
  ): Promise<ArticleRecord> {
    const before = await this.requireRecord(id);
    const merged = { ...this.inputOf(before), ...patch } as ArticleInput;
    const fields = [...this.validate(merged), ...(await this.checkReferences(patch))];
    if (fields.length > 0) throw new AppError('validation_failed', 'Some fields need attention.', { fields });
    const now = this.now();
    const rendered = patch.body !== undefined ? await this.render(patch.body) : null;
    const listedAt = before.status === 'published' ? before.published_at : null;
    const beforeAuthors = await this.authorIdsOf(id);
    const beforeTags = await this.tagIdsOf(id);

    const after = await this.db.transaction().execute(async (trx) => {
      if (merged.slug !== before.slug && merged.slug) {
        const taken = await trx.selectFrom('articles').select('id').where('slug', '=', merged.slug).executeTakeFirst();
        if (taken) {
          throw new AppError('validation_failed', 'That slug is taken.', {
            fields: [{ field: 'slug', message: 'Another article already uses this slug.' }],
          });
        }
      }
      let update = trx
        .updateTable('articles')
        .set({
          slug: merged.slug ?? before.slug,
          headline: merged.headline.trim(),
          standfirst: (merged.standfirst ?? '').trim(),
          kind: merged.kind ?? before.kind,
          section_id: merged.sectionId,
          feature_image_id: merged.featureImageId ?? null,
          feature_image_caption: merged.featureImageCaption ?? null,
          credit_line: merged.creditLine ?? null,
          wire_source: merged.wireSource ?? null,
          wire_source_url: merged.wireSourceUrl ?? null,
          canonical_url: merged.canonicalUrl ?? null,
          is_breaking: merged.isBreaking ? 1 : 0,
          breaking_until: merged.breakingUntil ?? null,
          front_page_slot: merged.frontPageSlot ?? null,
          story_id: merged.storyId ?? null,
          comments_mode: merged.commentsMode ?? before.comments_mode,
          seo_title: merged.seoTitle ?? null,
          seo_description: merged.seoDescription ?? null,
          language: merged.language ?? before.language,
          robots: merged.robots ?? null,
          show_wire_changes: merged.showWireChanges ? 1 : 0,
          modified_at: now,
          version: before.version + 1,
        })
        .where('id', '=', id);
      if (rendered) {
        update = update.set({
          body: JSON.stringify(patch.body),
          body_html: rendered.html,
          body_text: rendered.text,
          word_count: rendered.wordCount,
        });
      }
      if (expectedVersion !== undefined) update = update.where('version', '=', expectedVersion);
      const saved = await update.returningAll().executeTakeFirst();
      if (!saved) {
        const current = await trx.selectFrom('articles').select('version').where('id', '=', id).executeTakeFirst();
        throw new AppError(
          'edit_conflict',
          'Someone else saved this article after you opened it. Reload to see their changes; nothing was overwritten.',
          { currentVersion: current?.version ?? before.version },
        );
      }
      const row = await this.withWireCredit(trx, saved);
      if (row.slug !== before.slug && before.first_published_at) {
        await trx.deleteFrom('slug_redirects').where('old_slug', '=', row.slug).execute();
        await trx
          .insertInto('slug_redirects')
          .values({ old_slug: before.slug, article_id: id, created_at: now })
          .onConflict((oc) => oc.column('old_slug').doUpdateSet({ article_id: id, created_at: now }))
          .execute();
      }
      if (patch.authorIds) await this.replaceBylines(trx, id, patch.authorIds, listedAt);
      if (patch.tagIds) await this.replaceTags(trx, id, patch.tagIds, listedAt);
      if (rendered) await this.replaceLinks(trx, id, rendered.linkedArticleIds);
      if (rendered || patch.featureImageId !== undefined) {
        const figures = rendered?.imageIds ?? bodyReferences(JSON.parse(row.body) as BodyDoc).imageIds;
        await this.replaceImages(trx, id, row.feature_image_id, figures);
      }
      await this.history.recordRevision(trx, {
        articleId: id,
        version: row.version,
        staffId: ctx.actor ?? null,
        autosave: ctx.autosave === true,
        snapshot: this.snapshotOf(row, patch.authorIds ?? beforeAuthors, patch.tagIds ?? beforeTags),
        at: now,
      });
      if (!ctx.autosave) {
        await this.history.recordEvent(trx, { articleId: id, staffId: ctx.actor ?? null, action: 'edited', at: now });
      }
      return row;
    });

    const keys = new Set([`article:${id}`]);
    if (before.status === 'published') {
      const membershipChanged =
        before.section_id !== after.section_id ||
        before.story_id !== after.story_id ||
        before.front_page_slot !== after.front_page_slot ||
        before.is_breaking !== after.is_breaking ||
        before.breaking_until !== after.breaking_until;
      if (membershipChanged) {
        keys.add(`section:${before.section_id}`).add(`section:${after.section_id}`).add('front');
        if (before.story_id) keys.add(`story:${before.story_id}`);
        if (after.story_id) keys.add(`story:${after.story_id}`);
        if (before.is_breaking || after.is_breaking) keys.add('breaking');
      }
      const afterAuthors = patch.authorIds ?? beforeAuthors;
      const afterTags = patch.tagIds ?? beforeTags;
      for (const a of symmetricDifference(beforeAuthors, afterAuthors)) keys.add(`author:${a}`);
      for (const t of symmetricDifference(beforeTags, afterTags)) keys.add(`tag:${t}`);
      if (before.headline !== after.headline || before.slug !== after.slug) {
        for (const from of await this.rerenderLinkingBodies(id)) keys.add(`page:${from}`);
      }
      // Sitemaps show its address and headline, and leave out a page that is not to be indexed.
      if (
        before.headline !== after.headline ||
        before.slug !== after.slug ||
        before.section_id !== after.section_id ||
        before.robots !== after.robots ||
        before.wire_robots !== after.wire_robots ||
        before.canonical_url !== after.canonical_url
      ) {
        keys.add('sitemaps');
      }
      for (const other of await this.deps.related.refresh(id)) keys.add(`page:${other}`);
    }
    this.deps.purge([...keys]);
    if (after.status === 'published') await this.deps.search?.indexArticle(id);
    if (rendered) await this.followPendingImages(rendered.pendingImageIds);
    return after;
  }

  async publishArticle(id: number, at?: Date, ctx: WriteContext = {}): Promise<ArticleRecord> {
    const before = await this.requireRecord(id);
    if (before.status === 'published') return before;
    await this.requireAltText(before);
    const embargo = this.embargoOf(before, this.deps.clock.now());
    if (embargo) throw new AppError('conflict', embargo);
    const when = (at ?? this.deps.clock.now()).toISOString();
    const row = await this.db.transaction().execute(async (trx) => {
      const published = await trx
        .updateTable('articles')
        .set({
          status: 'published',
          first_published_at: before.first_published_at ?? when,
          published_at: when,
          scheduled_at: null,
          modified_at: this.now(),
          version: before.version + 1,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const updated = await this.withWireCredit(trx, published);
      await trx.updateTable('article_authors').set({ listed_at: when }).where('article_id', '=', id).execute();
      await trx.updateTable('article_tags').set({ listed_at: when }).where('article_id', '=', id).execute();
      if (before.status === 'scheduled') await this.deps.jobs?.cancel(scheduleKey(id), trx);
      await this.history.recordEvent(trx, {
        articleId: id,
        staffId: ctx.actor ?? null,
        action: 'published',
        detail: before.status === 'scheduled' && ctx.actor == null ? 'as scheduled' : '',
        at: this.now(),
      });
      return updated;
    });
    const keys = new Set(await this.membershipKeys(row));
    for (const from of await this.rerenderLinkingBodies(id)) keys.add(`page:${from}`);
    for (const other of await this.deps.related.refresh(id)) keys.add(`page:${other}`);
    this.deps.purge([...keys]);
    await this.deps.search?.indexArticle(id);
    return row;
  }

  /** Takes a published article off the site: its address answers 410 Gone. */
  async unpublishArticle(
    id: number,
    status: 'unpublished' | 'withdrawn' = 'unpublished',
    ctx: WriteContext = {},
  ): Promise<ArticleRecord> {
    const before = await this.requireRecord(id);
    if (before.status !== 'published' && !(status === 'withdrawn' && before.status === 'unpublished')) {
      throw new AppError('conflict', 'Only a published article can be unpublished.');
    }
    const row = await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('articles')
        .set({ status, modified_at: this.now(), version: before.version + 1, front_page_slot: null })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('article_authors').set({ listed_at: null }).where('article_id', '=', id).execute();
      await trx.updateTable('article_tags').set({ listed_at: null }).where('article_id', '=', id).execute();
      await this.history.recordEvent(trx, {
        articleId: id,
        staffId: ctx.actor ?? null,
        action: status === 'withdrawn' ? 'withdrawn' : 'unpublished',
        at: this.now(),
      });
      return updated;
    });
    const keys = new Set(await this.membershipKeys(before));
    for (const from of await this.rerenderLinkingBodies(id)) keys.add(`page:${from}`);
    await this.deps.related.remove(id);
    await this.deps.search?.removeArticle(id);
    this.deps.purge([...keys]);
    return row;
  }

  /** Moves an article between the unpublished states, logging who did it. */
  private async moveStatus(
    id: number,
    from: ArticleStatus[],
    to: ArticleStatus,
    action: ArticleAction,
    ctx: WriteContext,
    extra: { scheduledAt?: string | null; detail?: string } = {},
  ): Promise<ArticleRecord> {
    const before = await this.requireRecord(id);
    if (!from.includes(before.status)) {
      throw new AppError('conflict', `This article is ${before.status.replace('_', ' ')}; it cannot be ${action} now.`);
    }
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('articles')
        .set({
          status: to,
          scheduled_at: extra.scheduledAt ?? null,
          modified_at: now,
          version: before.version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', before.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new AppError('edit_conflict', 'Someone changed this article a moment ago. Reload and try again.');
      if (before.status === 'scheduled') await this.deps.jobs?.cancel(scheduleKey(id), trx);
      if (to === 'scheduled') {
        if (!this.deps.jobs) throw new AppError('service_unavailable', 'Scheduling is not available right now.');
        await this.deps.jobs.enqueue(
          publishJob,
          { articleId: id },
          { runAt: new Date(extra.scheduledAt as string), dedupeKey: scheduleKey(id), trx },
        );
      }
      await this.history.recordEvent(trx, {
        articleId: id,
        staffId: ctx.actor ?? null,
        action,
        detail: extra.detail ?? '',
        at: now,
      });
      return row;
    });
  }

  submitForReview(id: number, ctx: WriteContext = {}): Promise<ArticleRecord> {
    return this.moveStatus(id, ['draft', 'unpublished'], 'in_review', 'submitted', ctx);
  }

  returnToDraft(id: number, ctx: WriteContext = {}): Promise<ArticleRecord> {
    return this.moveStatus(id, ['in_review'], 'draft', 'returned', ctx);
  }

  /**
   * Schedules publication. The job is written in the same transaction as the status, so a
   * crash can lose neither; the job runner publishes it on time, restart or not.
   */
  async scheduleArticle(id: number, at: Date, ctx: WriteContext = {}): Promise<ArticleRecord> {
    if (!(at instanceof Date) || Number.isNaN(at.getTime()) || at.getTime() <= this.deps.clock.now().getTime()) {
      throw new AppError('validation_failed', 'Choose a time in the future.', {
        fields: [{ field: 'at', message: 'Choose a time in the future.' }],
      });
    }
    const before = await this.requireRecord(id);
    await this.requireAltText(before);
    const embargo = this.embargoOf(before, at);
    if (embargo) throw new AppError('validation_failed', embargo, { fields: [{ field: 'at', message: embargo }] });
    return this.moveStatus(id, ['draft', 'in_review', 'scheduled', 'unpublished'], 'scheduled', 'scheduled', ctx, {
      scheduledAt: at.toISOString(),
      detail: `for ${at.toISOString()}`,
    });
  }

  unscheduleArticle(id: number, ctx: WriteContext = {}): Promise<ArticleRecord> {
    return this.moveStatus(id, ['scheduled'], 'draft', 'unscheduled', ctx);
  }

  /**
   * Wire copy follows its agency's embargo (the wire desk calls this when an agency moves or
   * lifts one). Not an edit of the text: the version stays, so an editor's open copy still saves.
   */
  async setEmbargo(id: number, embargoUntil: string | null, ctx: WriteContext = {}): Promise<ArticleRecord> {
    await this.requireRecord(id);
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('articles')
        .set({ embargo_until: embargoUntil, modified_at: now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.history.recordEvent(trx, {
        articleId: id,
        staffId: ctx.actor ?? null,
        action: 'edited',
        detail: ctx.eventDetail ?? (embargoUntil ? `embargo until ${embargoUntil}` : 'embargo lifted'),
        at: now,
      });
      return row;
    });
  }

  /** The job's side of scheduling: publishes only what is still scheduled and due. */
  async publishScheduled(id: number): Promise<ArticleRecord | null> {
    const row = await this.findRecord(id);
    if (row?.status !== 'scheduled' || !row.scheduled_at) return null;
    const due = Date.parse(row.scheduled_at);
    if (due > this.deps.clock.now().getTime()) {
      // Rescheduled later than this job thought: the newer job will do it.
      return null;
    }
    return this.publishArticle(id);
  }

  /** Deletes an article that readers cannot see; a published one must be unpublished first. */
  async deleteArticle(id: number): Promise<void> {
    const before = await this.requireRecord(id);
    if (before.status === 'published') {
      throw new AppError('conflict', 'This article is published. Unpublish it before deleting it.');
    }
    await this.db.transaction().execute(async (trx) => {
      if (before.status === 'scheduled') await this.deps.jobs?.cancel(scheduleKey(id), trx);
      await trx.deleteFrom('articles').where('id', '=', id).execute();
    });
    await this.deps.related.remove(id);
    await this.deps.search?.removeArticle(id);
    this.deps.purge([`article:${id}`]);
  }

  /** Puts an old revision's content back as a new version; the history keeps both. */
  async restoreRevision(
    id: number,
    revisionId: number,
    expectedVersion: number,
    ctx: WriteContext = {},
  ): Promise<ArticleRecord> {
    const revision = await this.history.getRevision(id, revisionId);
    const { snapshot } = revision;
    const patch: Partial<ArticleInput> = {
      ...snapshot,
      kind: snapshot.kind as ArticleKind,
      commentsMode: snapshot.commentsMode as CommentsMode,
    };
    const row = await this.updateArticle(id, patch, expectedVersion, ctx);
    await this.db.transaction().execute((trx) =>
      this.history.recordEvent(trx, {
        articleId: id,
        staffId: ctx.actor ?? null,
        action: 'restored',
        detail: `version ${revision.version}`,
        at: this.now(),
      }),
    );
    return row;
  }

  /** The newsroom's article list: every status, newest change first, filtered. */
  async listForNewsroom(filter: q.NewsroomFilter, page: number, limit: number) {
    const { rows, total } = await q.findForNewsroom(this.db, filter, page, limit);
    const bylines = await q.findBylineNames(
      this.db,
      rows.map((r) => r.id),
    );
    return { rows, total, bylines };
  }

  /** Authors and tags of one article, in order (the editor shows them). */
  async membershipOf(id: number): Promise<{ authorIds: number[]; tagIds: number[] }> {
    return { authorIds: await this.authorIdsOf(id), tagIds: await this.tagIdsOf(id) };
  }

  async notesOf(id: number): Promise<ArticleNote[]> {
    const rows = await this.db
      .selectFrom('article_notes')
      .select(['id', 'kind', 'body', 'created_at'])
      .where('article_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((n) => ({ id: n.id, kind: n.kind, body: n.body, createdAt: n.created_at }));
  }

  /** The current state as a revision snapshot, to diff a revision against. */
  async currentSnapshot(id: number): Promise<RevisionSnapshot> {
    const row = await this.requireRecord(id);
    return this.snapshotOf(row, await this.authorIdsOf(id), await this.tagIdsOf(id));
  }

  /** Appends a correction or update; it is shown with its time and never rewrites history. */
  async addNote(
    id: number,
    input: { kind: NoteKind; body: string; at?: Date },
    ctx: WriteContext = {},
  ): Promise<ArticleNote> {
    const article = await this.requireRecord(id);
    if (!noteKinds.includes(input.kind)) {
      throw new AppError('validation_failed', 'Unknown note kind.', {
        fields: [{ field: 'kind', message: `Use one of: ${noteKinds.join(', ')}.` }],
      });
    }
    const text = input.body.trim();
    if (!text) {
      throw new AppError('validation_failed', 'A note needs some text.', {
        fields: [{ field: 'body', message: 'Write what was corrected or updated.' }],
      });
    }
    const when = (input.at ?? this.deps.clock.now()).toISOString();
    const note = await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('article_notes')
        .values({ article_id: id, kind: input.kind, body: text, created_at: when })
        .returning(['id', 'kind', 'body', 'created_at'])
        .executeTakeFirstOrThrow();
      await this.history.recordEvent(trx, {
        articleId: id,
        staffId: ctx.actor ?? null,
        action: 'note_added',
        detail: `${input.kind}: ${text.slice(0, 200)}`,
        at: when,
      });
      if (article.status === 'published') {
        await trx
          .updateTable('articles')
          .set({ updated_at: when, modified_at: this.now(), version: article.version + 1 })
          .where('id', '=', id)
          .execute();
      }
      return inserted;
    });
    // A note on a published story is a significant change: its sitemap's lastmod moves.
    this.deps.purge(article.status === 'published' ? [`article:${id}`, 'sitemaps'] : [`article:${id}`]);
    return { id: note.id, kind: note.kind, body: note.body, createdAt: note.created_at };
  }

  /** Editors pin a story into the related box, or keep one out of it. */
  async setRelatedOverride(articleId: number, relatedId: number, mode: 'pin' | 'exclude' | null): Promise<void> {
    await this.requireRecord(articleId);
    await this.requireRecord(relatedId);
    await this.deps.related.setOverride(articleId, relatedId, mode);
    await this.deps.related.refresh(articleId, false);
    this.deps.purge([`page:${articleId}`]);
  }

  /**
   * Moves the count of approved comments inside the comments service's transaction, so the
   * count and the comments commit together; that service purges `article:ID` after commit.
   */
  async adjustCommentCount(trx: Transaction<Database>, id: number, delta: number): Promise<void> {
    if (delta === 0) return;
    await trx
      .updateTable('articles')
      .set((eb) => ({ comment_count: eb('comment_count', '+', delta) }))
      .where('id', '=', id)
      .execute();
  }

  // ---------------------------------------------------------------- reads

  async findRecord(id: number): Promise<ArticleRecord | undefined> {
    return q.findArticleRowById(this.db, id);
  }

  async getArticlePage(slug: string, requestedPath?: string): Promise<ArticleLookup> {
    const row = await q.findArticleBySlug(this.db, slug);
    const tz = this.deps.settings.get().timeZone;
    if (!row) {
      const redirect = await q.findRedirect(this.db, slug);
      if (redirect && redirect.status === 'published') {
        const section = this.deps.taxonomy.sectionById(redirect.section_id);
        if (section)
          return {
            kind: 'redirect',
            location: articlePath(section.slug, redirect.first_published_at, redirect.slug, tz),
          };
      }
      return { kind: 'not_found' };
    }
    if (row.status !== 'published') {
      return row.first_published_at && (row.status === 'unpublished' || row.status === 'withdrawn')
        ? { kind: 'gone' }
        : { kind: 'not_found' };
    }
    const section = this.deps.taxonomy.sectionById(row.section_id);
    if (!section) return { kind: 'not_found' };
    const path = articlePath(section.slug, row.first_published_at, row.slug, tz);
    if (requestedPath !== undefined && requestedPath !== path) return { kind: 'redirect', location: path };
    return { kind: 'found', article: await this.assemblePage(row) };
  }

  /** A draft or any article as it would read once published (newsroom preview). */
  async getPreview(id: number): Promise<ArticlePage | null> {
    const rec = await q.findArticleRowById(this.db, id);
    if (!rec) return null;
    const row = await q.findArticleBySlug(this.db, rec.slug);
    // The preview is what readers would see, whatever the article's state.
    return row ? this.assemblePage(row) : null;
  }

  /**
   * The article page in a few indexed queries: the article, then its tags, notes, related
   * ids and thread ids together, then one query for every card's row and one for every
   * byline on the page.
   */
  private async assemblePage(row: q.ArticleRow): Promise<ArticlePage> {
    const story = row.story_id ? await this.deps.taxonomy.findStoryById(row.story_id) : undefined;
    const [tags, notes, relatedIds, threadIds, wire] = await Promise.all([
      q.findTagsOf(this.db, row.id),
      q.findNotes(this.db, row.id),
      q.findRelatedIds(this.db, row.id, 4),
      story ? q.findIdsByStory(this.db, story.id, 50, 0, 'asc') : Promise.resolve([] as number[]),
      // Only wire copy pays for this query.
      row.wire_source !== null && this.deps.wire
        ? this.deps.wire.pageInfo(row.id, row.show_wire_changes === 1)
        : Promise.resolve(null),
    ]);
    const others = [...new Set([...relatedIds, ...threadIds])].filter((id) => id !== row.id);
    const [cardRows, bylines] = await Promise.all([
      others.length > 0 ? q.findCardRows(this.db, others) : Promise.resolve([] as q.CardRow[]),
      q.findBylines(this.db, [row.id, ...others]),
    ]);
    const cards = new Map(cardRows.map((r) => [r.id, this.toCard(r, bylines)]));
    const pick = (ids: number[]) => ids.map((id) => cards.get(id)).filter((c): c is ArticleCard => c !== undefined);
    const card = this.toCard(row, bylines);
    const sources = row.image_variants
      ? imageSources({ variants: row.image_variants, width: row.image_width ?? 0, height: row.image_height ?? 0 })
      : null;
    const at = row.published_at ?? '';
    const thread = pick(threadIds.filter((id) => id !== row.id));
    return {
      ...card,
      bodyHtml: row.body_html,
      wordCount: row.word_count,
      tags: tags.map((t) => ({ ...t, url: tagPath(t.slug) })),
      notes: notes.map((n) => ({ id: n.id, kind: n.kind, body: n.body, createdAt: n.created_at })),
      creditLine: row.credit_line,
      wireSource: row.wire_source,
      wireSourceUrl: row.wire_source_url,
      wireSources: wire?.sources ?? [],
      canonicalUrl: row.canonical_url,
      featureImage: sources
        ? {
            ...sources,
            alt: row.image_alt ?? '',
            caption: row.feature_image_caption ?? row.image_caption ?? '',
            credit: row.image_credit ?? '',
          }
        : null,
      story: story
        ? {
            id: story.id,
            slug: story.slug,
            title: story.title,
            url: storyPath(story.slug),
            earlier: thread.filter((c) => (c.publishedAt ?? '') <= at),
            later: thread.filter((c) => (c.publishedAt ?? '') > at),
          }
        : null,
      related: pick(relatedIds),
      commentsMode: row.comments_mode,
      commentCount: row.comment_count,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      language: row.language,
      robots: row.robots,
      wireRobots: row.wire_robots,
      wire,
    };
  }

  async listLatest(opts: { page: number; pageSize: number; sectionId?: number }): Promise<ListPage> {
    const offset = (opts.page - 1) * opts.pageSize;
    const anchorEvery = this.deps.anchorEvery ?? defaultAnchorEvery;
    if (opts.sectionId !== undefined && offset >= anchorEvery) {
      const anchors = await this.sectionAnchors(opts.sectionId);
      const anchor = anchors[Math.floor(offset / anchorEvery) - 1];
      if (anchor) {
        const ids = await q.findSectionIdsAfter(
          this.db,
          opts.sectionId,
          anchor,
          opts.pageSize + 1,
          offset % anchorEvery,
        );
        return this.pageOf(ids, opts.page, opts.pageSize);
      }
      if (anchors.length * anchorEvery <= offset) return { items: [], page: opts.page, hasNext: false };
    }
    const ids = await q.findLatestIds(this.db, {
      limit: opts.pageSize + 1,
      offset,
      ...(opts.sectionId !== undefined ? { sectionId: opts.sectionId } : {}),
    });
    return this.pageOf(ids, opts.page, opts.pageSize);
  }

  private readonly anchors = new Map<number, Promise<q.Anchor[]>>();

  /** Deep pages of a section start from a kept anchor; publishing in the section drops them. */
  private sectionAnchors(sectionId: number): Promise<q.Anchor[]> {
    let anchors = this.anchors.get(sectionId);
    if (!anchors) {
      anchors = q.findSectionAnchors(this.db, sectionId, this.deps.anchorEvery ?? defaultAnchorEvery);
      anchors.catch(() => this.anchors.delete(sectionId));
      this.anchors.set(sectionId, anchors);
    }
    return anchors;
  }

  async listByTag(tagId: number, page: number, pageSize: number): Promise<ListPage> {
    return this.pageOf(await q.findIdsByTag(this.db, tagId, pageSize + 1, (page - 1) * pageSize), page, pageSize);
  }

  async listByAuthor(authorId: number, page: number, pageSize: number): Promise<ListPage> {
    return this.pageOf(await q.findIdsByAuthor(this.db, authorId, pageSize + 1, (page - 1) * pageSize), page, pageSize);
  }

  async listByStory(storyId: number, page: number, pageSize: number): Promise<ListPage> {
    return this.pageOf(await q.findIdsByStory(this.db, storyId, pageSize + 1, (page - 1) * pageSize), page, pageSize);
  }

  private breaking: { cards: ArticleCard[]; until: number } | null = null;

  /**
   * The breaking-news bar is on every page: held in memory, dropped whenever a purge
   * touches breaking news, and re-read at least every 30 seconds so an expiry shows.
   */
  async listBreaking(): Promise<ArticleCard[]> {
    const now = this.deps.clock.now().getTime();
    if (this.breaking && this.breaking.until > now) return this.breaking.cards;
    const cards = await this.cardsFor(await q.findBreakingIds(this.db, this.now()));
    const expiries = cards
      .map((c) => (c.breakingUntil ? Date.parse(c.breakingUntil) : Number.POSITIVE_INFINITY))
      .filter((t) => t > now);
    this.breaking = { cards, until: Math.min(now + 30_000, ...expiries) };
    return cards;
  }

  /**
   * Called with every purge: breaking news, or anything shown in the bar, reloads it; a
   * change to a section's listing drops its deep-page anchors.
   */
  forgetListings(keys: string[]): void {
    if (keys.length > 0) this.counts.clear();
    for (const key of keys) {
      if (key === 'site') this.anchors.clear();
      else if (key.startsWith('section:')) this.anchors.delete(Number(key.slice('section:'.length)));
    }
    if (!this.breaking) return;
    const shown = new Set(this.breaking.cards.map((c) => `article:${c.id}`));
    if (keys.some((k) => k === 'breaking' || k === 'site' || shown.has(k))) this.breaking = null;
  }

  /** Everything the front page shows, in a few indexed queries. */
  async frontPage(opts: { perSection: number; latest: number }) {
    const pinned = await q.findPinnedIds(this.db);
    const latestIds = await q.findLatestIds(this.db, { limit: opts.latest + 8, offset: 0 });
    const sections = this.deps.taxonomy.navigationSections();
    const sectionIds = await Promise.all(
      sections.map((s) => q.findLatestIds(this.db, { limit: opts.perSection, offset: 0, sectionId: s.id })),
    );
    const topId = pinned.find((p) => p.front_page_slot === 0)?.id ?? latestIds[0];
    const featuredIds = pinned.filter((p) => p.front_page_slot !== 0 && p.id !== topId).map((p) => p.id);
    for (const id of latestIds) {
      if (featuredIds.length >= 4) break;
      if (id !== topId && !featuredIds.includes(id)) featuredIds.push(id);
    }
    const allIds = [
      ...new Set([...(topId ? [topId] : []), ...featuredIds.slice(0, 4), ...latestIds, ...sectionIds.flat()]),
    ];
    const cards = new Map((await this.cardsFor(allIds)).map((c) => [c.id, c]));
    const pick = (ids: number[]) => ids.map((id) => cards.get(id)).filter((c): c is ArticleCard => !!c);
    const shownAbove = new Set([topId, ...featuredIds.slice(0, 4)]);
    return {
      top: topId ? (cards.get(topId) ?? null) : null,
      featured: pick(featuredIds.slice(0, 4)),
      latest: pick(latestIds.filter((id) => !shownAbove.has(id)).slice(0, opts.latest)),
      bySection: sections.map((section, i) => ({ section, items: pick(sectionIds[i] ?? []) })),
    };
  }

  async cardsFor(ids: number[]): Promise<ArticleCard[]> {
    if (ids.length === 0) return [];
    const [rows, bylines] = await Promise.all([q.findCardRows(this.db, ids), q.findBylines(this.db, ids)]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is q.CardRow => !!r)
      .map((r) => this.toCard(r, bylines));
  }

  // ---------------------------------------------------------------- the Content API

  /**
   * One page of a published listing in full, with its total. Newest-first pages come from
   * the site's own listings (listLatest, listByTag, listByAuthor, listByStory), so the API
   * lists exactly what the site lists; other orders walk the same indexes the other way.
   */
  async listPublished(opts: {
    listing: q.PublishedListing;
    order: q.PublishedOrder;
    page: number;
    pageSize: number;
  }): Promise<{ items: PublishedArticle[]; total: number }> {
    const { listing, order, page, pageSize } = opts;
    const byChange = listing.by === 'featured' || (listing.by === 'latest' && listing.sectionId === undefined);
    if (order === 'updated_at desc' && !byChange) {
      throw new AppError(
        'invalid_parameter',
        'The order "updated_at desc" works without a filter or with featured:true only; it is not supported with this filter.',
      );
    }
    const total = await this.countListing(listing);
    if ((page - 1) * pageSize >= total) return { items: [], total };
    let list: ListPage;
    if (order === 'published_at desc' && listing.by === 'latest') {
      list = await this.listLatest({
        page,
        pageSize,
        ...(listing.sectionId !== undefined ? { sectionId: listing.sectionId } : {}),
      });
    } else if (order === 'published_at desc' && listing.by === 'tag') {
      list = await this.listByTag(listing.tagId, page, pageSize);
    } else if (order === 'published_at desc' && listing.by === 'author') {
      list = await this.listByAuthor(listing.authorId, page, pageSize);
    } else if (order === 'published_at desc' && listing.by === 'story') {
      list = await this.listByStory(listing.storyId, page, pageSize);
    } else {
      const offset = (page - 1) * pageSize;
      const ids = await q.findPublishedIds(this.db, { listing, order, limit: pageSize + 1, offset });
      list = await this.pageOf(ids, page, pageSize);
    }
    return { items: await this.inFull(list.items), total };
  }

  /** One published article by id, through the article page's own lookup (gone and not found alike). */
  async findPublishedById(id: number): Promise<ArticleLookup> {
    const slug = await q.findSlugById(this.db, id);
    return slug === undefined ? { kind: 'not_found' } : this.getArticlePage(slug);
  }

  private readonly counts = new Map<string, { at: number; total: Promise<number> }>();

  /**
   * Listing totals are kept for a minute and dropped by any purge (forgetListings), so a
   * busy API counts a section once, not once per request.
   */
  private countListing(listing: q.PublishedListing): Promise<number> {
    const key = JSON.stringify(listing);
    const now = this.deps.clock.now().getTime();
    const kept = this.counts.get(key);
    if (kept && kept.at > now - 60_000) return kept.total;
    const total = q.countPublished(this.db, listing);
    total.catch(() => this.counts.delete(key));
    this.counts.set(key, { at: now, total });
    return total;
  }

  /** Cards with what the article page adds, for those still published. */
  private async inFull(cards: ArticleCard[]): Promise<PublishedArticle[]> {
    if (cards.length === 0) return [];
    const ids = cards.map((c) => c.id);
    const [details, tags, notes] = await Promise.all([
      q.findPublishedDetails(this.db, ids),
      q.findTagsOfMany(this.db, ids),
      q.findNotesOfMany(this.db, ids),
    ]);
    // Only wire copy pays for this query.
    const wireIds = details.filter((d) => d.wire_source !== null).map((d) => d.id);
    const wireSources =
      wireIds.length > 0 && this.deps.wire ? await this.deps.wire.sourcesOf(wireIds) : new Map<number, never[]>();
    const detailsById = new Map(details.map((d) => [d.id, d]));
    const tagsOf = new Map<number, PublishedArticle['tags']>();
    for (const t of tags) {
      const list = tagsOf.get(t.article_id) ?? [];
      list.push({ id: t.id, slug: t.slug, name: t.name, url: tagPath(t.slug) });
      tagsOf.set(t.article_id, list);
    }
    const notesOf = new Map<number, ArticleNote[]>();
    for (const n of notes) {
      const list = notesOf.get(n.article_id) ?? [];
      list.push({ id: n.id, kind: n.kind, body: n.body, createdAt: n.created_at });
      notesOf.set(n.article_id, list);
    }
    return cards.flatMap((card) => {
      const d = detailsById.get(card.id);
      // Unpublished between reading the listing and reading the details: leave it out.
      if (!d) return [];
      const story =
        d.story_id !== null && d.story_slug !== null && d.story_title !== null
          ? { id: d.story_id, slug: d.story_slug, title: d.story_title, url: storyPath(d.story_slug) }
          : null;
      return [
        {
          ...card,
          bodyHtml: d.body_html,
          tags: tagsOf.get(card.id) ?? [],
          notes: notesOf.get(card.id) ?? [],
          creditLine: d.credit_line,
          wireSource: d.wire_source,
          wireSourceUrl: d.wire_source_url,
          wireSources: wireSources.get(card.id) ?? [],
          canonicalUrl: d.canonical_url,
          featureImage: card.image
            ? { ...card.image, caption: d.feature_image_caption ?? d.image_caption ?? '', credit: d.image_credit ?? '' }
            : null,
          story,
        },
      ];
    });
  }

  private async pageOf(ids: number[], page: number, pageSize: number): Promise<ListPage> {
    return { items: await this.cardsFor(ids.slice(0, pageSize)), page, hasNext: ids.length > pageSize };
  }

  private toCard(r: q.CardRow | q.ArticleRow, bylines: Awaited<ReturnType<typeof q.findBylines>>): ArticleCard {
    const section = this.deps.taxonomy.sectionById(r.section_id);
    const tz = this.deps.settings.get().timeZone;
    const sectionSlug = section?.slug ?? 'news';
    const authors = bylines
      .filter((b) => b.article_id === r.id)
      .map((b) => ({
        id: b.id,
        slug: b.slug,
        name: b.name,
        title: b.title,
        kind: b.kind,
        bio: b.bio,
        url: authorPath(b.slug),
      }));
    const sources = r.image_variants
      ? imageSources({ variants: r.image_variants, width: r.image_width ?? 0, height: r.image_height ?? 0 })
      : null;
    return {
      id: r.id,
      slug: r.slug,
      url: articlePath(sectionSlug, r.first_published_at, r.slug, tz),
      headline: r.headline,
      standfirst: r.standfirst,
      kind: r.kind,
      section: { id: r.section_id, slug: sectionSlug, name: section?.name ?? '' },
      firstPublishedAt: r.first_published_at,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      modifiedAt: r.modified_at,
      byline: { authors, source: authors.length === 0 ? r.wire_source : null },
      isBreaking: r.is_breaking === 1 && (!r.breaking_until || r.breaking_until > this.now()),
      breakingUntil: r.is_breaking === 1 ? r.breaking_until : null,
      image: sources ? { ...sources, alt: r.image_alt ?? '' } : null,
      storyId: r.story_id,
    };
  }

  // ---------------------------------------------------------------- sitemaps

  /** When the oldest and newest published articles were first published (null when none is). */
  publishedSpan(): Promise<{ first: string | null; last: string | null }> {
    return q.findFirstPublishedSpan(this.db);
  }

  /** How many published articles were first published in [from, to), and the latest significant change among them. */
  async publishedStats(from: Date, to: Date): Promise<{ count: number; lastmod: string | null }> {
    const row = await q.findFirstPublishedStats(this.db, from.toISOString(), to.toISOString());
    return {
      count: Number(row.n),
      lastmod: significantChangeAt({
        publishedAt: row.published as string | null,
        updatedAt: row.updated as string | null,
      }),
    };
  }

  /** Published articles first published in [from, to), oldest first, as sitemaps list them. */
  async sitemapEntries(from: Date, to: Date, limit: number, offset = 0): Promise<SitemapEntry[]> {
    const rows = await q.findPublishedBetween(this.db, from.toISOString(), to.toISOString(), limit, offset);
    return this.sitemapEntriesOf(rows);
  }

  /** Published articles first published since a time, newest first (the Google News sitemap). */
  async recentlyPublished(since: Date, limit: number): Promise<SitemapEntry[]> {
    return this.sitemapEntriesOf(await q.findFirstPublishedSince(this.db, since.toISOString(), limit));
  }

  /** Every section page, with the time its listing or its description last changed. */
  async sitemapSections(): Promise<SitemapPage[]> {
    const rows = await q.findSectionsLastListed(this.db);
    return rows.map((r) => ({
      key: `section:${r.id}`,
      url: sectionPath(r.slug),
      lastmod: latest(r.updated_at, r.last_listed as string | null),
    }));
  }

  /** Topic pages that list at least one published story. */
  async sitemapTags(limit: number): Promise<SitemapPage[]> {
    const rows = await q.findTagsLastListed(this.db, limit);
    return rows.map((r) => ({
      key: `tag:${r.id}`,
      url: tagPath(r.slug),
      lastmod: latest(r.updated_at, r.last_listed as string | null),
    }));
  }

  /** Author pages that list at least one published story. */
  async sitemapAuthors(limit: number): Promise<SitemapPage[]> {
    const rows = await q.findAuthorsLastListed(this.db, limit);
    return rows.map((r) => ({
      key: `author:${r.id}`,
      url: authorPath(r.slug),
      lastmod: latest(r.updated_at, r.last_listed as string | null),
    }));
  }

  private sitemapEntriesOf(rows: q.SitemapRow[]): SitemapEntry[] {
    const tz = this.deps.settings.get().timeZone;
    return rows.flatMap((r) => {
      const section = this.deps.taxonomy.sectionById(r.section_id);
      // Without its section an article has no page (getArticlePage answers not found).
      if (!section || !r.first_published_at) return [];
      return [
        {
          id: r.id,
          url: articlePath(section.slug, r.first_published_at, r.slug, tz),
          headline: r.headline,
          language: r.language,
          firstPublishedAt: r.first_published_at,
          lastmod:
            significantChangeAt({ publishedAt: r.published_at, updatedAt: r.updated_at }) ?? r.first_published_at,
          // Verbatim wire copy its source keeps out of search is kept out of sitemaps too.
          robots: r.robots ?? (r.wire_robots === 'noindex' ? 'noindex' : null),
          // ...and copy kept out of Google News only (Googlebot-News noindex) out of the news sitemap.
          googlebotNews: !r.robots && r.wire_robots === 'news_noindex' ? 'noindex' : null,
          canonicalUrl: r.canonical_url,
        },
      ];
    });
  }

  // ---------------------------------------------------------------- feeds

  /**
   * The newest published articles of a feed's listing (the site, a section, a topic or an
   * author), in full as the Content API gives them, with the feature image's largest JPEG
   * for enclosures.
   */
  async feedArticles(
    listing: { by: 'latest'; sectionId?: number } | { by: 'tag'; tagId: number } | { by: 'author'; authorId: number },
    limit: number,
  ): Promise<FeedArticle[]> {
    const ids =
      listing.by === 'tag'
        ? await q.findIdsByTag(this.db, listing.tagId, limit, 0)
        : listing.by === 'author'
          ? await q.findIdsByAuthor(this.db, listing.authorId, limit, 0)
          : await q.findLatestIds(this.db, {
              limit,
              offset: 0,
              ...(listing.sectionId !== undefined ? { sectionId: listing.sectionId } : {}),
            });
    if (ids.length === 0) return [];
    const [rows, bylines] = await Promise.all([q.findCardRows(this.db, ids), q.findBylines(this.db, ids)]);
    const rowsById = new Map(rows.map((r) => [r.id, r]));
    const cards = ids.flatMap((id) => {
      const row = rowsById.get(id);
      return row ? [this.toCard(row, bylines)] : [];
    });
    return (await this.inFull(cards)).map((article) => {
      const variants = rowsById.get(article.id)?.image_variants;
      const jpeg = variants
        ? parseVariants({ variants })
            .filter((v) => v.format === 'jpeg')
            .sort((a, b) => b.width - a.width)[0]
        : undefined;
      return {
        ...article,
        largestJpeg:
          article.featureImage && jpeg
            ? { src: `/media/${jpeg.path}`, width: jpeg.width, height: jpeg.height, bytes: jpeg.bytes }
            : null,
      };
    });
  }

  /** The listings a published article appears in, for the feeds it changes; null when it is not published. */
  async listingsOf(id: number): Promise<{ sectionId: number; tagIds: number[]; authorIds: number[] } | null> {
    const row = await this.findRecord(id);
    if (row?.status !== 'published') return null;
    return { sectionId: row.section_id, tagIds: await this.tagIdsOf(id), authorIds: await this.authorIdsOf(id) };
  }

  // ---------------------------------------------------------------- helpers

  /** Wire copy under embargo is held until its time: why it cannot go out at `at`, or null when it can. */
  private embargoOf(row: ArticleRecord, at: Date): string | null {
    if (!row.embargo_until || Date.parse(row.embargo_until) <= at.getTime()) return null;
    const { locale, timeZone } = this.deps.settings.get();
    return `Embargoed until ${formatDateTime(row.embargo_until, locale, timeZone)}; schedule it for then or later.`;
  }

  /** Wire copy's credit line, relationship and robots follow every change to its text (the wire desk decides them). */
  private async withWireCredit(trx: Transaction<Database>, row: ArticleRecord): Promise<ArticleRecord> {
    if (!this.deps.wire || row.wire_source === null) return row;
    const credit = await this.deps.wire.creditFor(trx, row);
    if (
      !credit ||
      (credit.credit_line === row.credit_line &&
        credit.wire_relationship === row.wire_relationship &&
        credit.wire_robots === row.wire_robots)
    ) {
      return row;
    }
    return trx.updateTable('articles').set(credit).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  }

  private async requireRecord(id: number): Promise<ArticleRecord> {
    const row = await q.findArticleRowById(this.db, id);
    if (!row) throw new AppError('not_found', 'We could not find that article.');
    return row;
  }

  private inputOf(row: ArticleRecord): ArticleInput {
    const { authorIds: _a, tagIds: _t, ...fields } = editableFields(row, [], []);
    return { ...fields, kind: row.kind, commentsMode: row.comments_mode, language: row.language };
  }

  private validate(input: ArticleInput): FieldError[] {
    const fields: FieldError[] = [];
    if (typeof input.headline !== 'string' || !input.headline.trim()) {
      fields.push({ field: 'headline', message: 'Every article needs a headline.' });
    } else if (input.headline.length > 300) {
      fields.push({ field: 'headline', message: 'Keep the headline under 300 characters.' });
    }
    if (input.slug !== undefined) {
      try {
        checkSlug(input.slug);
      } catch {
        fields.push({ field: 'slug', message: 'Use lowercase letters, digits and single hyphens.' });
      }
    }
    if (!this.deps.taxonomy.sectionById(input.sectionId)) {
      fields.push({ field: 'sectionId', message: 'Choose a section.' });
    }
    if (input.kind !== undefined && !articleKinds.includes(input.kind)) {
      fields.push({ field: 'kind', message: `Use one of: ${articleKinds.join(', ')}.` });
    }
    if (input.commentsMode !== undefined && !commentModes.includes(input.commentsMode)) {
      fields.push({ field: 'commentsMode', message: `Use one of: ${commentModes.join(', ')}.` });
    }
    if (input.body?.type !== 'doc') {
      fields.push({ field: 'body', message: 'The body must be a document.' });
    }
    for (const [field, url] of [
      ['canonicalUrl', input.canonicalUrl],
      ['wireSourceUrl', input.wireSourceUrl],
    ] as const) {
      if (url && !/^https?:\/\/[^\s]+$/i.test(url)) fields.push({ field, message: 'Use a full http(s) address.' });
    }
    if (input.frontPageSlot != null && (!Number.isInteger(input.frontPageSlot) || input.frontPageSlot < 0)) {
      fields.push({ field: 'frontPageSlot', message: 'Use 0 for the top story or 1 and up for featured slots.' });
    }
    return fields;
  }

  /** Authors, tags, story and images named by id must exist (a stale editor tab may name a deleted one). */
  private async checkReferences(input: Partial<ArticleInput>): Promise<FieldError[]> {
    const fields: FieldError[] = [];
    const missing = async (table: 'authors' | 'tags' | 'stories' | 'images', ids: number[]) => {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return false;
      const found = await this.db.selectFrom(table).select('id').where('id', 'in', wanted).execute();
      return found.length !== wanted.length;
    };
    if (input.authorIds && (await missing('authors', input.authorIds))) {
      fields.push({ field: 'authorIds', message: 'One of these authors no longer exists; choose again.' });
    }
    if (input.tagIds && (await missing('tags', input.tagIds))) {
      fields.push({ field: 'tagIds', message: 'One of these tags no longer exists; choose again.' });
    }
    if (input.storyId != null && (await missing('stories', [input.storyId]))) {
      fields.push({ field: 'storyId', message: 'That story thread no longer exists.' });
    }
    if (input.featureImageId != null && (await missing('images', [input.featureImageId]))) {
      fields.push({ field: 'featureImageId', message: 'That image is no longer in the media library.' });
    }
    return fields;
  }

  private async freeSlug(base: string): Promise<string> {
    let candidate = base;
    for (let n = 2; ; n++) {
      const taken = await this.db.selectFrom('articles').select('id').where('slug', '=', candidate).executeTakeFirst();
      const redirected = await this.db
        .selectFrom('slug_redirects')
        .select('article_id')
        .where('old_slug', '=', candidate)
        .executeTakeFirst();
      if (!taken && !redirected) return candidate;
      candidate = `${base}-${n}`;
    }
  }

  private async render(body: BodyDoc) {
    const refs = bodyReferences(body);
    const tz = this.deps.settings.get().timeZone;
    const targets = new Map<number, ReadMoreTarget>();
    if (refs.articleIds.length > 0) {
      const rows = await this.db
        .selectFrom('articles')
        .select(['id', 'slug', 'headline', 'section_id', 'first_published_at', 'status'])
        .where('id', 'in', refs.articleIds)
        .execute();
      for (const r of rows) {
        const section = this.deps.taxonomy.sectionById(r.section_id);
        if (r.status === 'published' && section) {
          targets.set(r.id, {
            headline: r.headline,
            href: articlePath(section.slug, r.first_published_at, r.slug, tz),
          });
        }
      }
    }
    const images = new Map<number, ImageForFigure>();
    for (const image of await this.deps.media.findByIds(refs.imageIds)) {
      const sources = imageSources(image);
      if (sources) images.set(image.id, figureOf(image, sources));
    }
    // Loaded on first save: the renderer brings a server DOM the reader's path never needs.
    const { renderBody } = await import('./body/body.render.js');
    let rendered: ReturnType<typeof renderBody>;
    try {
      rendered = renderBody(body, targets, images);
    } catch (error) {
      // ProseMirror refuses a document that breaks the schema (an unknown node, a mark where none may be).
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('validation_failed', 'The body is not a valid document.', {
        fields: [{ field: 'body', message: `The editor cannot read this body: ${reason}.` }],
      });
    }
    // Library images still being processed are left out for now; see followPendingImages.
    const pendingImageIds = refs.imageIds.filter((id) => !images.has(id));
    return { ...rendered, linkedArticleIds: refs.articleIds, imageIds: refs.imageIds, pendingImageIds };
  }

  /**
   * An image that became ready while this save was rendering told nobody: our usage row was
   * not committed yet. Looking after our commit closes the gap (the variants job looks after
   * its own), so the figure appears either way.
   */
  private async followPendingImages(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const image of await this.deps.media.findByIds(ids)) {
      if (image.status === 'ready') await this.refreshImageUsers(image.id);
    }
  }

  /** An image's alt text, caption or credit changed: the articles showing it follow. */
  async refreshImageUsers(imageId: number): Promise<void> {
    const users = await this.db
      .selectFrom('article_images')
      .innerJoin('articles', 'articles.id', 'article_images.article_id')
      .select(['articles.id', 'articles.body', 'articles.body_html', 'articles.status'])
      .where('article_images.image_id', '=', imageId)
      .execute();
    const keys: string[] = [];
    for (const row of users) {
      const rendered = await this.render(JSON.parse(row.body) as BodyDoc);
      if (rendered.html !== row.body_html) {
        await this.db.updateTable('articles').set({ body_html: rendered.html }).where('id', '=', row.id).execute();
      }
      if (row.status === 'published') keys.push(`article:${row.id}`);
    }
    if (keys.length > 0) this.deps.purge(keys);
  }

  /** Bodies that show this article in a "Read more" card follow its headline and address. */
  private async rerenderLinkingBodies(id: number): Promise<number[]> {
    const linking = await this.db.selectFrom('article_links').select('from_id').where('to_id', '=', id).execute();
    const touched: number[] = [];
    for (const { from_id } of linking) {
      const row = await q.findArticleRowById(this.db, from_id);
      if (!row) continue;
      const rendered = await this.render(JSON.parse(row.body) as BodyDoc);
      if (rendered.html === row.body_html) continue;
      await this.db
        .updateTable('articles')
        .set({ body_html: rendered.html, modified_at: this.now() })
        .where('id', '=', from_id)
        .execute();
      touched.push(from_id);
    }
    return touched;
  }

  private async membershipKeys(row: ArticleRecord): Promise<string[]> {
    // 'sitemaps': the sitemap index, the month sitemaps and the news sitemap list what is published.
    const keys = ['front', 'sitemaps', `article:${row.id}`, `section:${row.section_id}`];
    if (row.story_id) keys.push(`story:${row.story_id}`);
    if (row.is_breaking) keys.push('breaking');
    for (const a of await this.authorIdsOf(row.id)) keys.push(`author:${a}`);
    for (const t of await this.tagIdsOf(row.id)) keys.push(`tag:${t}`);
    return keys;
  }

  private async authorIdsOf(id: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('article_authors')
      .select('author_id')
      .where('article_id', '=', id)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.author_id);
  }

  private async tagIdsOf(id: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('article_tags')
      .select('tag_id')
      .where('article_id', '=', id)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.tag_id);
  }

  private async replaceBylines(trx: Transaction<Database>, id: number, authorIds: number[], listedAt: string | null) {
    await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
    const unique = [...new Set(authorIds)];
    if (unique.length > 0) {
      await trx
        .insertInto('article_authors')
        .values(unique.map((author_id, position) => ({ article_id: id, author_id, position, listed_at: listedAt })))
        .execute();
    }
  }

  private async replaceTags(trx: Transaction<Database>, id: number, tagIds: number[], listedAt: string | null) {
    await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
    const unique = [...new Set(tagIds)];
    if (unique.length > 0) {
      await trx
        .insertInto('article_tags')
        .values(unique.map((tag_id, position) => ({ article_id: id, tag_id, position, listed_at: listedAt })))
        .execute();
    }
  }

  private async replaceImages(trx: Transaction<Database>, id: number, featureId: number | null, figures: number[]) {
    await trx.deleteFrom('article_images').where('article_id', '=', id).execute();
    const ids = [...new Set([...(featureId ? [featureId] : []), ...figures])];
    if (ids.length === 0) return;
    const existing = await trx.selectFrom('images').select('id').where('id', 'in', ids).execute();
    if (existing.length > 0) {
      await trx
        .insertInto('article_images')
        .values(existing.map((r) => ({ article_id: id, image_id: r.id })))
        .execute();
    }
  }

  private snapshotOf(row: ArticleRecord, authorIds: number[], tagIds: number[]): RevisionSnapshot {
    return editableFields(row, authorIds, tagIds);
  }

  /** Every image an article shows needs alt text before readers see it. */
  private async requireAltText(row: ArticleRecord): Promise<void> {
    const used = await this.db
      .selectFrom('article_images')
      .innerJoin('images', 'images.id', 'article_images.image_id')
      .select(['images.id', 'images.alt', 'images.original_name'])
      .where('article_images.article_id', '=', row.id)
      .execute();
    const missing = used.filter((image) => !image.alt.trim());
    if (missing.length === 0) return;
    const names = missing.map((m) => m.original_name || `image ${m.id}`).join(', ');
    throw new AppError('validation_failed', `Add alt text to every image before publishing (missing on ${names}).`, {
      fields: missing.map((m) => ({
        field: m.id === row.feature_image_id ? 'featureImageId' : 'body',
        message: `Describe ${m.original_name || `image ${m.id}`} for readers who cannot see it.`,
      })),
    });
  }

  private async replaceLinks(trx: Transaction<Database>, id: number, linked: number[]) {
    await trx.deleteFrom('article_links').where('from_id', '=', id).execute();
    const targets = [...new Set(linked)].filter((to) => to !== id);
    if (targets.length > 0) {
      const existing = await trx.selectFrom('articles').select('id').where('id', 'in', targets).execute();
      if (existing.length > 0) {
        await trx
          .insertInto('article_links')
          .values(existing.map((r) => ({ from_id: id, to_id: r.id })))
          .execute();
      }
    }
  }
}

function figureOf(image: ImageRow, sources: ImageSources): ImageForFigure {
  return {
    src: sources.src,
    srcset: sources.srcsetByFormat.jpeg,
    width: image.width,
    height: image.height,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
  };
}

/** The fields an editor changes, named as the Admin API and revisions name them. */
export function editableFields(row: ArticleRecord, authorIds: number[], tagIds: number[]): RevisionSnapshot {
  return {
    headline: row.headline,
    standfirst: row.standfirst,
    slug: row.slug,
    body: JSON.parse(row.body) as BodyDoc,
    kind: row.kind,
    sectionId: row.section_id,
    authorIds,
    tagIds,
    featureImageId: row.feature_image_id,
    featureImageCaption: row.feature_image_caption,
    creditLine: row.credit_line,
    wireSource: row.wire_source,
    wireSourceUrl: row.wire_source_url,
    canonicalUrl: row.canonical_url,
    isBreaking: row.is_breaking === 1,
    breakingUntil: row.breaking_until,
    frontPageSlot: row.front_page_slot,
    storyId: row.story_id,
    commentsMode: row.comments_mode,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    robots: row.robots,
    showWireChanges: row.show_wire_changes === 1,
  };
}

function symmetricDifference(a: number[], b: number[]): number[] {
  const sa = new Set(a);
  const sb = new Set(b);
  return [...a.filter((x) => !sb.has(x)), ...b.filter((x) => !sa.has(x))];
}

/** An article as a sitemap lists it. */
export interface SitemapEntry {
  id: number;
  /** The article's path on this site. */
  url: string;
  headline: string;
  language: string;
  firstPublishedAt: string;
  /** The last significant change: see significantChangeAt. */
  lastmod: string;
  robots: string | null;
  /** The page's Googlebot-News directive ('noindex' for syndicated copy kept out of Google News). */
  googlebotNews: string | null;
  canonicalUrl: string | null;
}

/** A listing page (section, topic, author) as a sitemap lists it. */
export interface SitemapPage {
  /** Its page-cache surrogate key: a write that changes the page purges the sitemap too. */
  key: string;
  url: string;
  lastmod: string | null;
}

const latest = (a: string | null, b: string | null): string | null => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * The last change readers were told about: an editor's "updated" (updated_at) or the latest
 * publication. Never modified_at, which moves on technical re-renders too; sitemaps' lastmod
 * and dateModified both come from here, so search engines keep trusting them.
 */
export function significantChangeAt(a: { publishedAt: string | null; updatedAt: string | null }): string | null {
  return latest(a.publishedAt, a.updatedAt);
}

/** An article as the Content API gives it: its page without the related box and the thread. */
export interface PublishedArticle extends ArticleCard {
  bodyHtml: string;
  tags: { id: number; slug: string; name: string; url: string }[];
  notes: ArticleNote[];
  creditLine: string | null;
  wireSource: string | null;
  wireSourceUrl: string | null;
  /** The agencies wire copy adopted by the desk is based on, in order; empty for other articles. */
  wireSources: WirePageInfo['sources'];
  canonicalUrl: string | null;
  featureImage: (ImageSources & { alt: string; caption: string; credit: string }) | null;
  story: { id: number; slug: string; title: string; url: string } | null;
}

/** An article as feeds carry it: in full, with the feature image's largest JPEG (enclosures need its size). */
export interface FeedArticle extends PublishedArticle {
  largestJpeg: { src: string; width: number; height: number; bytes: number } | null;
}
