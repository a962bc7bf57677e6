import type { ArticleRecord, ArticlesService } from '../../articles/articles.service.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { SettingsService } from '../../settings/settings.service.js';
import { formatDateTime } from '../../site/format.js';
import type { WireItemChanged } from '../ingest/ingest.service.js';
import type { WireImage } from '../ingest/wire-item.js';
import type { WireAlerts } from './desk.alerts.js';
import { type CreditedCopy, originalCopy } from './desk.credit.js';
import { importPictures, type PictureDeps, PictureImporter } from './desk.images.js';
import { parseJson, signalsOf, type VersionDiff } from './desk.present.js';
import * as q from './desk.queries.js';
import { bodyOfHtml, sameCopy, wordDiff } from './desk.text.js';

export interface LifecycleDeps {
  db: Db;
  clock: Clock;
  articles: ArticlesService;
  settings: SettingsService;
  alerts: WireAlerts;
  pictures: PictureDeps;
}

type Version = NonNullable<Awaited<ReturnType<typeof q.findVersion>>>;

/** What the credit and the verbatim test read from an article's provenance rows. */
export function creditedCopyOf(rows: q.ProvenanceRow[]): CreditedCopy[] {
  return rows.map((r) => ({
    sourceName: r.source_name,
    creditTemplate: r.credit_template,
    editedCreditTemplate: r.edited_credit_template,
    indexPolicy: r.index_policy,
    originalHeadline: r.original_headline,
    originalBodyText: r.original_body_text,
  }));
}

export async function versionDiff(from: Version, to: Version): Promise<VersionDiff> {
  const [a, b] = await Promise.all([bodyOfHtml(from.body_html), bodyOfHtml(to.body_html)]);
  return {
    fromVersion: from.version,
    toVersion: to.version,
    headline: wordDiff(from.headline, to.headline),
    body: wordDiff(a.text, b.text),
  };
}

/**
 * What an agency's new version of an item does to the articles built from it (standards
 * §4.4): a kill withdraws copy published as received, a withhold unpublishes it, an update
 * applies itself to it; articles the desk changed are never touched, their editors are told
 * instead. Safe to run twice: applied versions and raised alerts are recognised.
 */
export async function followItemChange(deps: LifecycleDeps, payload: WireItemChanged): Promise<void> {
  const { db, articles } = deps;
  const [item] = await q.findItems(db.kysely, [payload.itemId]);
  const to = await q.findVersion(db.kysely, payload.itemId, payload.toVersion);
  if (!item || !to) return;
  const from =
    payload.fromVersion > 0 ? await q.findVersion(db.kysely, payload.itemId, payload.fromVersion) : undefined;
  const signals = signalsOf(to.signals);
  const change: Change = {
    itemId: item.id,
    to,
    from: from ?? null,
    correction: signals.includes('correction'),
    contentChanged: !from || from.content_hash !== to.content_hash,
    diff: from ? await versionDiff(from, to) : null,
  };
  for (const articleId of await q.findArticleIdsOfItem(db.kysely, item.id)) {
    const article = await articles.findRecord(articleId);
    if (!article || article.status === 'withdrawn') continue;
    const provenance = await q.findProvenance(db.kysely, articleId);
    const link = provenance.find((p) => p.wire_item_id === item.id);
    if (!link) continue;
    const verbatim = sameCopy(
      { headline: article.headline, bodyText: article.body_text },
      originalCopy(creditedCopyOf(provenance)),
    );
    const target: Target = { article, provenance, link, verbatim };
    if (to.pub_status === 'canceled') {
      await kill(deps, change, target);
      continue;
    }
    if (to.pub_status === 'withheld') await withhold(deps, change, target);
    else {
      if (from?.pub_status === 'withheld') await released(deps, change, target);
      if (change.contentChanged || change.correction) await update(deps, change, target);
    }
    await followEmbargo(deps, change, target);
  }
}

interface Change {
  itemId: number;
  from: Version | null;
  to: Version;
  correction: boolean;
  contentChanged: boolean;
  diff: VersionDiff | null;
}

interface Target {
  article: ArticleRecord;
  provenance: q.ProvenanceRow[];
  link: q.ProvenanceRow;
  verbatim: boolean;
}

async function kill(deps: LifecycleDeps, change: Change, t: Target) {
  const source = t.link.source_name;
  const { article } = t;
  const killed = `${source} killed this story (version ${change.to.version}).`;
  let message: string;
  // Copy unpublished earlier (withheld, say) is withdrawn too: its address then says why it is gone.
  if ((article.status === 'published' || article.status === 'unpublished') && t.verbatim) {
    await deps.articles.unpublishArticle(article.id, 'withdrawn');
    message = `${killed} The article carried the agency's copy unchanged, so it was withdrawn: readers now get a "withdrawn" page.`;
  } else if (article.status === 'scheduled') {
    await deps.articles.unscheduleArticle(article.id);
    message = `${killed} Its scheduled publication was cancelled; do not publish it.`;
  } else if (article.status === 'published') {
    message = `${killed} The desk changed this article, so it is still published: review it and withdraw it.`;
  } else {
    message = `${killed} Do not publish this article.`;
  }
  await deps.alerts.raise({ article, itemId: change.itemId, kind: 'kill', message, diff: null });
}

async function withhold(deps: LifecycleDeps, change: Change, t: Target) {
  const source = t.link.source_name;
  const { article } = t;
  const held = `${source} withheld this story (version ${change.to.version}).`;
  let message: string;
  if (article.status === 'published' && t.verbatim) {
    await deps.articles.unpublishArticle(article.id, 'unpublished');
    message = `${held} The article carried the agency's copy unchanged, so it was unpublished until the agency releases it.`;
  } else if (article.status === 'scheduled') {
    await deps.articles.unscheduleArticle(article.id);
    message = `${held} Its scheduled publication was cancelled until the agency releases it.`;
  } else if (article.status === 'published') {
    message = `${held} The desk changed this article, so it is still published: review it and unpublish it.`;
  } else {
    message = `${held} Do not publish this article until the agency releases it.`;
  }
  await deps.alerts.raise({ article, itemId: change.itemId, kind: 'withheld', message, diff: change.diff });
}

async function released(deps: LifecycleDeps, change: Change, t: Target) {
  const message = `${t.link.source_name} released this story again (version ${change.to.version}); it may be published.`;
  await deps.alerts.raise({ article: t.article, itemId: change.itemId, kind: 'update', message, diff: change.diff });
}

async function update(deps: LifecycleDeps, change: Change, t: Target) {
  const source = t.link.source_name;
  const { article } = t;
  const verb = change.correction ? 'corrected' : 'updated';
  const what = `${source} ${verb} this story (version ${change.to.version}).`;
  if (!t.verbatim) {
    await deps.alerts.raise({
      article,
      itemId: change.itemId,
      kind: change.correction ? 'correction' : 'update',
      message: `${what} The desk changed this article, so the new version was not applied: compare the versions and edit it.`,
      diff: change.diff,
    });
    return;
  }
  const pictureProblems = t.link.item_version < change.to.version ? await applyVersion(deps, change, t) : [];
  const after = (await deps.articles.findRecord(article.id)) ?? article;
  if (change.correction && after.status === 'published') {
    const note = `This story was updated with a correction issued by ${source}.`;
    const notes = await deps.articles.notesOf(article.id);
    if (!notes.some((n) => n.kind === 'correction' && n.body === note)) {
      await deps.articles.addNote(article.id, { kind: 'correction', body: note });
    }
  }
  await deps.alerts.raise({
    article: after,
    itemId: change.itemId,
    kind: 'applied',
    message: [
      `${what} The article carried the agency's copy unchanged, so the new version was applied to it.`,
      ...pictureProblems,
    ].join(' '),
    diff: change.diff,
  });
}

/**
 * Puts the new version into the article through the normal save (a revision, purges, the
 * search index). The provenance moves first, so the save still reads as received and keeps
 * its verbatim credit; if the save fails it moves back and the job is tried again. Answers
 * what went wrong with the version's pictures, if anything.
 */
async function applyVersion(deps: LifecycleDeps, change: Change, t: Target): Promise<string[]> {
  const { db, articles } = deps;
  const next = await bodyOfHtml(change.to.body_html);
  const placed = await bodiesWithPictures(deps, change, t);
  const parts = await Promise.all(placed.bodies.map((html) => bodyOfHtml(html)));
  const first = t.provenance[0];
  const headline = first?.wire_item_id === change.itemId ? change.to.headline : t.article.headline;
  const body = { type: 'doc', content: parts.flatMap((p) => p.doc.content ?? []) };
  const previous = {
    item_version: t.link.item_version,
    original_headline: t.link.original_headline,
    original_body_html: t.link.original_body_html,
    original_body_text: t.link.original_body_text,
    fetched_at: t.link.fetched_at,
  };
  await q.updateProvenance(db.kysely, t.article.id, change.itemId, {
    item_version: change.to.version,
    original_headline: change.to.headline,
    original_body_html: change.to.body_html,
    original_body_text: next.text,
    fetched_at: change.to.fetched_at,
  });
  try {
    await articles.updateArticle(t.article.id, { headline: headline.trim().slice(0, 300), body });
  } catch (error) {
    await q.updateProvenance(db.kysely, t.article.id, change.itemId, previous);
    throw error;
  }
  return placed.problems;
}

/**
 * The article's agency bodies (the new version in place of the old) with their pictures in
 * our library: ones adopted before are reused, new ones fetched. The article keeps its own
 * feature image, which the bodies do not repeat.
 */
async function bodiesWithPictures(
  deps: LifecycleDeps,
  change: Change,
  t: Target,
): Promise<{ bodies: string[]; problems: string[] }> {
  const items = await q.findItems(
    deps.db.kysely,
    t.provenance.map((p) => p.wire_item_id),
  );
  const feature = t.article.feature_image_id ? await deps.pictures.media.findById(t.article.feature_image_id) : null;
  const importer = new PictureImporter(deps.pictures, { uploadedBy: null });
  const { bodies } = await importPictures(
    importer,
    t.provenance.map((p) => ({
      images: parseJson<WireImage[]>(items.find((i) => i.id === p.wire_item_id)?.images ?? null, []),
      bodyHtml: p.wire_item_id === change.itemId ? change.to.body_html : p.original_body_html,
      sourceName: p.source_name,
    })),
    { feature: false, skipUrl: feature?.original_name ?? null },
  );
  return { bodies, problems: importer.problems };
}

/** The latest of several embargoes (an article is held until all its copy may run); null when none. */
export function latestEmbargo(embargoes: (string | null)[]): string | null {
  return (
    embargoes
      .filter((e): e is string => e !== null)
      .sort((a, b) => Date.parse(a) - Date.parse(b))
      .pop() ?? null
  );
}

const sameInstant = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);

/**
 * An agency moved, set or lifted an item's embargo: articles carrying it that are not
 * published follow (a scheduled one whose time now falls before the embargo goes back to
 * draft), and a published one whose copy is embargoed again is taken off the site until
 * then. Each change is told to the article's editors; a repeated job finds nothing to do.
 */
async function followEmbargo(deps: LifecycleDeps, change: Change, t: Target) {
  const article = (await deps.articles.findRecord(t.article.id)) ?? t.article;
  if (article.status === 'withdrawn') return;
  const items = await q.findItems(
    deps.db.kysely,
    t.provenance.map((p) => p.wire_item_id),
  );
  const embargo = latestEmbargo(items.map((i) => i.embargo_until));
  if (sameInstant(embargo, article.embargo_until)) return;

  const { locale, timeZone } = deps.settings.get();
  const at = (iso: string) => formatDateTime(iso, locale, timeZone);
  const now = deps.clock.now().getTime();
  const holds = embargo !== null && Date.parse(embargo) > now;
  const source = t.link.source_name;
  const moved =
    embargo === null || !holds
      ? `${source} lifted the embargo on this story (version ${change.to.version}).`
      : `${source} ${article.embargo_until ? 'moved' : 'set'} the embargo on this story to ${at(embargo)} (version ${change.to.version}).`;
  const detail = embargo ? `embargo until ${embargo}, as ${source} says` : `embargo lifted by ${source}`;
  await deps.articles.setEmbargo(article.id, embargo, { eventDetail: detail });

  let message: string;
  if (article.status === 'published') {
    // Published copy no longer under embargo has nothing to follow; copy embargoed again is held.
    if (!holds) return;
    await deps.articles.unpublishArticle(article.id, 'unpublished');
    message = `${moved} The article was already published, so it was taken off the site until then; publish it again once the embargo lifts.`;
  } else if (
    article.status === 'scheduled' &&
    holds &&
    article.scheduled_at &&
    Date.parse(article.scheduled_at) < Date.parse(embargo)
  ) {
    await deps.articles.unscheduleArticle(article.id);
    message = `${moved} The article was scheduled for ${at(article.scheduled_at)}, before the embargo lifts, so it was unscheduled and is a draft again: schedule it for ${at(embargo)} or later.`;
  } else if (article.status === 'scheduled' && article.scheduled_at) {
    message = `${moved} The article stays scheduled for ${at(article.scheduled_at)}.`;
  } else {
    message = holds
      ? `${moved} The article cannot be published before then.`
      : `${moved} The article may be published now.`;
  }
  const after = (await deps.articles.findRecord(article.id)) ?? article;
  await deps.alerts.raise({ article: after, itemId: change.itemId, kind: 'embargo', message, diff: null });
}
