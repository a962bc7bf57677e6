import type { LookupAddress } from 'node:dns';
import type { Transaction } from 'kysely';
import { type Clock, iso } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { invalidFields, notFound } from '../../errors.js';
import type { JobLog, JobQueue } from '../../jobs/jobs.service.js';
import type { PubStatus, WireItemStatus } from '../wire.table.js';
import { CLUSTER_THRESHOLD, CLUSTER_WINDOW_HOURS, storySimilarity, storyTokens } from './cluster.js';
import { FetchError, guardedFetch, guardedFetchBytes } from './fetch.js';
import {
  clusterCandidates,
  contentColumns,
  findBySourceItem,
  findDuplicate,
  insertVersion,
  type WireItemRow,
  type WireItemVersionRow,
} from './ingest.queries.js';
import { contentHash } from './normalize.js';
import { FeedError, parseFeed } from './parse.js';
import { extractArticle } from './readability.js';
import { pollJobKey, type WireSource, WireSources } from './sources.service.js';
import type { ParsedWireItem, WireImage, WireSubject } from './wire-item.js';

export const wirePollJob = 'wire.poll';
export const wireScheduleJob = 'wire.schedule';
/** Enqueued in the transaction that stores a new version of an item; the desk handles it. */
export const wireItemChangedJob = 'wire.item-changed';

export interface WireItemChanged {
  itemId: number;
  fromVersion: number;
  toVersion: number;
}

/** How often the scheduler looks for sources due a poll. */
const SCHEDULE_EVERY_MS = 60_000;
/** The longest a failing source waits between tries. */
const MAX_BACKOFF_MS = 6 * 3600_000;

/**
 * A wire item as the desk reads it: the parsed item's fields at their latest version (JSON
 * columns parsed), and what storing it added.
 */
export interface WireItem extends Omit<ParsedWireItem, 'format' | 'raw'> {
  id: number;
  sourceId: number | null;
  origin: 'feed' | 'url';
  version: number;
  contentHash: string;
  clusterId: number | null;
  status: WireItemStatus;
  /** As stored; older rows may name a format this version no longer reads. */
  format: string;
  firstSeenAt: string;
  updatedAt: string;
}

export interface WireItemVersion {
  itemId: number;
  version: number;
  sourceVersion: string | null;
  headline: string;
  bodyHtml: string;
  contentHash: string;
  pubStatus: PubStatus;
  signals: string[];
  fetchedAt: string;
}

/** One version with the payload exactly as received. */
export type WireItemVersionWithRaw = WireItemVersion & { raw: string };

export interface PollOutcome {
  /** fetched: the feed was read; not_modified: it answered 304; failed: see error. */
  status: 'fetched' | 'not_modified' | 'failed';
  newItems: number;
  updatedItems: number;
  unchanged: number;
  /** The same story under another id or address: not stored twice. */
  duplicates: number;
  /** Items with neither headline nor body. */
  skipped: number;
  error: string | null;
}

type StoreResult = { outcome: 'new' | 'updated' | 'unchanged' | 'duplicate'; itemId: number };

export interface WireIngestDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  sectionExists: (id: number) => boolean;
  fetch: { allowHosts: readonly string[]; timeoutMs: number; maxBytes: number; userAgent?: string };
  /** Host resolution for the fetcher (tests point names at addresses of their choosing). */
  resolve?: (host: string) => Promise<LookupAddress[]>;
  log?: JobLog;
}

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export function toWireItem(row: WireItemRow): WireItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    origin: row.origin === 'url' ? 'url' : 'feed',
    sourceItemId: row.source_item_id,
    version: row.version,
    sourceVersion: row.source_version,
    url: row.url,
    headline: row.headline,
    summary: row.summary,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    bylines: parseJson<string[]>(row.bylines, []),
    dateline: row.dateline,
    subjects: parseJson<WireSubject[]>(row.subjects, []),
    images: parseJson<WireImage[]>(row.images, []),
    language: row.language,
    publishedAt: row.item_published_at,
    embargoUntil: row.embargo_until,
    expiresAt: row.expires_at,
    pubStatus: row.pub_status,
    signals: parseJson<string[]>(row.signals, []),
    edNote: row.ed_note,
    usageTerms: row.usage_terms,
    copyrightNotice: row.copyright_notice,
    contentHash: row.content_hash,
    clusterId: row.cluster_id,
    status: row.status,
    format: row.format,
    extensions: parseJson<{ extensions?: Record<string, unknown> }>(row.extensions, {}).extensions ?? {},
    problems: parseJson<string[]>(row.problems, []),
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
  };
}

function toVersion(row: WireItemVersionRow): WireItemVersion {
  return {
    itemId: row.item_id,
    version: row.version,
    sourceVersion: row.source_version,
    headline: row.headline,
    bodyHtml: row.body_html,
    contentHash: row.content_hash,
    pubStatus: row.pub_status,
    signals: parseJson<string[]>(row.signals, []),
    fetchedAt: row.fetched_at,
  };
}

const sameSignals = (a: string, b: string[]) =>
  JSON.stringify([...parseJson<string[]>(a, [])].sort()) === JSON.stringify([...b].sort());

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/**
 * The ingest half of the wire desk: polls sources as durable jobs, reads every format into
 * one model, stores each item once per version (with its raw payload), spots duplicates and
 * groups items from several agencies that tell the same story.
 */
export class WireIngest {
  readonly sources: WireSources;

  constructor(private readonly deps: WireIngestDeps) {
    this.sources = new WireSources({
      db: deps.db,
      clock: deps.clock,
      jobs: deps.jobs,
      sectionExists: deps.sectionExists,
    });
  }

  private get kysely() {
    return this.deps.db.kysely;
  }

  registerJobs(): void {
    this.deps.jobs.register<{ sourceId: number }>(wirePollJob, async ({ sourceId }) => {
      // A source deleted since the poll was queued has nothing to poll.
      if (await this.sources.find(sourceId)) await this.pollSource(sourceId);
    });
    this.deps.jobs.register<null>(wireScheduleJob, async () => {
      try {
        await this.scheduleDuePolls();
      } finally {
        // Recurring: the next look is queued whatever happened to this one.
        await this.deps.jobs.enqueue(wireScheduleJob, null, {
          runAt: new Date(this.deps.clock.now().getTime() + SCHEDULE_EVERY_MS),
          dedupeKey: wireScheduleJob,
        });
      }
    });
  }

  /** Starts the recurring scheduler (on instances that run jobs); safe to call on every start. */
  async startScheduler(): Promise<void> {
    await this.deps.jobs.enqueue(wireScheduleJob, null, { dedupeKey: wireScheduleJob });
  }

  /**
   * Queues a poll for every enabled source that is due. Each source is claimed by moving its
   * next_poll_at forward first, so two instances (or two ticks) never queue it twice; the
   * poll itself then sets the real next time (interval, or backoff after a failure).
   */
  async scheduleDuePolls(): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.kysely
      .selectFrom('wire_sources')
      .select(['id', 'poll_minutes', 'next_poll_at'])
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', iso(now))]))
      .execute();
    let queued = 0;
    for (const source of due) {
      const claimed = await this.kysely
        .updateTable('wire_sources')
        .set({ next_poll_at: iso(new Date(now.getTime() + source.poll_minutes * 60_000)) })
        .where('id', '=', source.id)
        .where((eb) =>
          source.next_poll_at === null ? eb('next_poll_at', 'is', null) : eb('next_poll_at', '=', source.next_poll_at),
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      await this.deps.jobs.enqueue(wirePollJob, { sourceId: source.id }, { dedupeKey: pollJobKey(source.id) });
      queued++;
    }
    return queued;
  }

  /**
   * Fetches a source's feed (conditional GET), stores what is new or changed, and records the
   * outcome on the source: validators and success, or the error and the backoff.
   */
  async pollSource(sourceId: number): Promise<PollOutcome> {
    const source = await this.sources.get(sourceId);
    const outcome: PollOutcome = {
      status: 'fetched',
      newItems: 0,
      updatedItems: 0,
      unchanged: 0,
      duplicates: 0,
      skipped: 0,
      error: null,
    };
    let fetched: Awaited<ReturnType<typeof guardedFetch>>;
    let items: ParsedWireItem[];
    try {
      fetched = await guardedFetch(source.url, {
        ...this.fetchOptions('feed'),
        accept:
          'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
        etag: source.etag,
        lastModified: source.last_modified,
      });
      if (fetched.status === 304) {
        await this.recordSuccess(source, null);
        return { ...outcome, status: 'not_modified' };
      }
      const feed = parseFeed(fetched.body, {
        format: source.format,
        contentType: fetched.contentType,
        feedUrl: fetched.url,
      });
      items = feed.items;
      outcome.skipped = feed.skipped;
    } catch (error) {
      if (!(error instanceof FetchError) && !(error instanceof FeedError)) throw error;
      await this.recordFailure(source, error.message);
      return { ...outcome, status: 'failed', error: error.message };
    }

    for (const item of items) {
      const { outcome: result } = await this.store(source, item);
      if (result === 'new') outcome.newItems++;
      else if (result === 'updated') outcome.updatedItems++;
      else if (result === 'duplicate') outcome.duplicates++;
      else outcome.unchanged++;
    }
    await this.recordSuccess(source, fetched);
    return outcome;
  }

  /**
   * "Add from URL": a web article's page, fetched through the same guard, read with
   * Readability into an item of its own (origin 'url', no source). An address already known
   * (as a pasted page or an agency item) returns that item instead of a second one.
   */
  async addFromUrl(address: string): Promise<{ item: WireItem; created: boolean }> {
    const url = address.trim();
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw invalidFields([{ field: 'url', message: 'Give a web address starting with http:// or https://.' }]);
    }
    const known = await this.findByUrl(new URL(url).toString());
    if (known) return { item: known, created: false };

    let page: Awaited<ReturnType<typeof guardedFetch>>;
    try {
      page = await guardedFetch(url, {
        ...this.fetchOptions('page'),
        accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
      });
    } catch (error) {
      if (error instanceof FetchError)
        throw invalidFields([{ field: 'url', message: `${error.message}.` }], error.message);
      throw error;
    }
    const type = (page.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type && type !== 'text/html' && type !== 'application/xhtml+xml') {
      const message = `That address is not a web page (it answered ${type})`;
      throw invalidFields([{ field: 'url', message: `${message}.` }], message);
    }
    const parsed = await extractArticle(page.body, page.url);
    if (!parsed) {
      const message = 'Could not find an article on that page';
      throw invalidFields([{ field: 'url', message: `${message}.` }], message);
    }
    const stored = await this.store(null, parsed);
    const item = await this.getItem(stored.itemId);
    if (!item) throw notFound('wire item');
    return { item, created: stored.outcome === 'new' };
  }

  async getItem(id: number): Promise<WireItem | undefined> {
    const row = await this.kysely.selectFrom('wire_items').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toWireItem(row) : undefined;
  }

  /** Every version of an item, oldest first, without the raw payloads (see getVersion). */
  async listVersions(itemId: number): Promise<WireItemVersion[]> {
    const rows = await this.kysely
      .selectFrom('wire_item_versions')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('version')
      .execute();
    return rows.map(toVersion);
  }

  async getVersion(itemId: number, version: number): Promise<WireItemVersionWithRaw | undefined> {
    const row = await this.kysely
      .selectFrom('wire_item_versions')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? { ...toVersion(row), raw: row.raw } : undefined;
  }

  /**
   * An agency's picture, fetched under the same guard as its feed (SSRF check on every hop,
   * size limit, timeout); the media pipeline then checks what the bytes really are.
   */
  async fetchImage(address: string): Promise<Buffer> {
    const { bytes } = await guardedFetchBytes(address, {
      ...this.fetchOptions('image'),
      accept: 'image/avif, image/webp, image/png, image/jpeg, image/gif;q=0.9, image/*;q=0.8',
    });
    return bytes;
  }

  /**
   * Stores one item read outside a poll (the demo newsroom, an import) exactly as a poll
   * would: a version when it is known, a duplicate when its text is, a cluster when its story is.
   */
  async storeItem(
    sourceId: number | null,
    item: ParsedWireItem,
  ): Promise<{ outcome: StoreResult['outcome']; item: WireItem }> {
    const source = sourceId === null ? null : await this.sources.get(sourceId);
    const stored = await this.store(source, item);
    const row = await this.getItem(stored.itemId);
    if (!row) throw notFound('wire item');
    return { outcome: stored.outcome, item: row };
  }

  private fetchOptions(what: 'feed' | 'page' | 'image') {
    return {
      what,
      allowHosts: this.deps.fetch.allowHosts,
      timeoutMs: this.deps.fetch.timeoutMs,
      maxBytes: this.deps.fetch.maxBytes,
      ...(this.deps.fetch.userAgent ? { userAgent: this.deps.fetch.userAgent } : {}),
      ...(this.deps.resolve ? { resolve: this.deps.resolve } : {}),
    };
  }

  private async findByUrl(url: string): Promise<WireItem | undefined> {
    const row =
      (await findBySourceItem(this.kysely, null, url)) ??
      (await this.kysely.selectFrom('wire_items').selectAll().where('url', '=', url).orderBy('id').executeTakeFirst());
    return row ? toWireItem(row) : undefined;
  }

  private async recordSuccess(
    source: WireSource,
    fetched: { etag: string | null; lastModified: string | null } | null,
  ) {
    const now = this.deps.clock.now();
    await this.kysely
      .updateTable('wire_sources')
      .set({
        ...(fetched ? { etag: fetched.etag, last_modified: fetched.lastModified } : {}),
        last_polled_at: iso(now),
        last_success_at: iso(now),
        last_error: null,
        failures: 0,
        next_poll_at: iso(new Date(now.getTime() + source.poll_minutes * 60_000)),
      })
      .where('id', '=', source.id)
      .execute();
  }

  /** Interval × 2^failures, at most 6 hours: a broken feed is not hammered, and is tried again. */
  private async recordFailure(source: WireSource, message: string) {
    const now = this.deps.clock.now();
    const failures = source.failures + 1;
    const wait = Math.min(source.poll_minutes * 60_000 * 2 ** failures, MAX_BACKOFF_MS);
    await this.kysely
      .updateTable('wire_sources')
      .set({
        last_polled_at: iso(now),
        last_error: message,
        last_error_at: iso(now),
        failures,
        next_poll_at: iso(new Date(now.getTime() + wait)),
      })
      .where('id', '=', source.id)
      .execute();
    this.deps.log?.warn({ sourceId: source.id, failures, error: message }, 'wire source poll failed');
  }

  /** Stores one item in its own transaction; a concurrent poll inserting it first is met by a retry. */
  private async store(source: WireSource | null, item: ParsedWireItem): Promise<StoreResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.kysely.transaction().execute((trx) => this.storeIn(trx, source, item));
      } catch (error) {
        if (attempt === 0 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  private async storeIn(
    trx: Transaction<Database>,
    source: WireSource | null,
    item: ParsedWireItem,
  ): Promise<StoreResult> {
    const now = iso(this.deps.clock.now());
    const sourceId = source?.id ?? null;
    const hash = contentHash(item.headline, item.bodyText);
    const existing = await findBySourceItem(trx, sourceId, item.sourceItemId);

    if (existing) {
      const changed =
        existing.content_hash !== hash ||
        existing.source_version !== item.sourceVersion ||
        existing.pub_status !== item.pubStatus ||
        // A moved or lifted embargo is news to the desk even when the text is the same.
        existing.embargo_until !== item.embargoUntil ||
        !sameSignals(existing.signals, item.signals);
      if (!changed) return { outcome: 'unchanged', itemId: existing.id };
      const version = existing.version + 1;
      await trx
        .updateTable('wire_items')
        .set({ ...contentColumns(item, hash), version, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      await insertVersion(trx, existing.id, version, item, hash, now);
      // In the same transaction: the desk hears of every stored version, and of no other.
      await this.deps.jobs.enqueue<WireItemChanged>(
        wireItemChangedJob,
        { itemId: existing.id, fromVersion: existing.version, toVersion: version },
        { trx },
      );
      return { outcome: 'updated', itemId: existing.id };
    }

    const duplicate = await findDuplicate(trx, item.url, hash);
    if (duplicate) {
      const note = `Delivered again${source ? ` by ${source.name}` : ''} as "${item.sourceItemId.slice(0, 200)}"; not stored twice`;
      const problems = parseJson<string[]>(duplicate.problems, []);
      if (!problems.includes(note)) {
        await trx
          .updateTable('wire_items')
          .set({ problems: JSON.stringify([...problems, note]) })
          .where('id', '=', duplicate.id)
          .execute();
      }
      return { outcome: 'duplicate', itemId: duplicate.id };
    }

    const { id } = await trx
      .insertInto('wire_items')
      .values({
        ...contentColumns(item, hash),
        source_id: sourceId,
        origin: source ? 'feed' : 'url',
        source_item_id: item.sourceItemId,
        version: 1,
        cluster_id: null,
        first_seen_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const clusterId = await this.clusterFor(trx, { id, sourceId, item, now });
    await trx.updateTable('wire_items').set({ cluster_id: clusterId }).where('id', '=', id).execute();
    await insertVersion(trx, id, 1, item, hash, now);
    return { outcome: 'new', itemId: id };
  }

  /**
   * The story group a new item joins. Method: the item's story words (headline and the first
   * 40 words of its text, lowercased, stopwords out: see cluster.ts) against those of every
   * item from other sources first seen in the last 48 hours; the closest one with a Dice
   * coefficient of at least 0.4 gives its cluster (the id of the group's first item).
   * Alone, an item is its own cluster.
   */
  private async clusterFor(
    trx: Transaction<Database>,
    opts: { id: number; sourceId: number | null; item: ParsedWireItem; now: string },
  ): Promise<number> {
    const since = iso(new Date(new Date(opts.now).getTime() - CLUSTER_WINDOW_HOURS * 3600_000));
    const candidates = await clusterCandidates(trx, { itemId: opts.id, sourceId: opts.sourceId, since });
    const tokens = storyTokens(opts.item.headline, opts.item.bodyText);
    let best: { clusterId: number; score: number } | null = null;
    for (const candidate of candidates) {
      const score = storySimilarity(tokens, storyTokens(candidate.headline, candidate.body_text));
      if (score >= CLUSTER_THRESHOLD && (!best || score > best.score)) {
        best = { clusterId: candidate.cluster_id ?? candidate.id, score };
      }
    }
    return best?.clusterId ?? opts.id;
  }
}
