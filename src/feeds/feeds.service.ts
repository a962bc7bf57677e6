import { createHash } from 'node:crypto';
import { type ArticlesService, type FeedArticle, significantChangeAt } from '../articles/articles.service.js';
import { notFound } from '../errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import {
  type FeedFormat,
  type FeedScope,
  feedFormats,
  feedMediaTypes,
  feedPath,
  listingPathOf,
} from './feeds.paths.js';
import {
  absoluteHtml,
  escapeHtml,
  type FeedDocument,
  type FeedItem,
  renderAtom,
  renderJsonFeed,
  renderRss,
} from './feeds.render.js';

/** Items per feed: a few hours of a busy desk, and a JSON Feed of full articles near its 250 KB guideline. */
export const feedSize = 30;

const epoch = '1970-01-01T00:00:00.000Z';

/**
 * A purge naming more articles than this is a change to a topic or an author (a rename
 * touches every article page showing it), not news: only the feeds its keys name are pinged.
 */
const maxArticlesPerPing = 20;

export interface FeedsDeps {
  articles: ArticlesService;
  taxonomy: TaxonomyService;
  settings: SettingsService;
  publicUrl: string;
  /** The WebSub hub named in every feed, or null. */
  hub: string | null;
  now: () => Date;
  size?: number;
}

export interface RenderedFeed {
  body: string;
  contentType: string;
  /** Surrogate keys: the listing's, and each item's, so publishing or editing purges exactly. */
  keys: string[];
  lastModified: Date;
  selfUrl: string;
}

interface Subject {
  key: string;
  listing: Parameters<ArticlesService['feedArticles']>[0];
  title: string;
  description: string;
}

/** The site's feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) of the front page, a section, a topic or an author. */
export class FeedsService {
  /** Per feed address: the last body served and its Last-Modified (see lastModifiedOf). */
  private readonly served = new Map<string, { hash: string; at: number }>();
  private readonly host: string;

  constructor(private readonly deps: FeedsDeps) {
    this.host = new URL(deps.publicUrl).hostname;
  }

  /** The feed of a scope in one format; not_found when its section, topic or author does not exist. */
  async render(scope: FeedScope, format: FeedFormat): Promise<RenderedFeed> {
    const { publicUrl } = this.deps;
    const subject = await this.subjectOf(scope);
    const articles = await this.deps.articles.feedArticles(subject.listing, this.deps.size ?? feedSize);
    const selfUrl = `${publicUrl}${feedPath(scope, format)}`;
    const items = articles.map((a) => this.itemOf(a));
    const settings = this.deps.settings.get();
    const doc: FeedDocument = {
      id: `${publicUrl}${feedPath(scope, 'atom')}`,
      title: subject.title,
      description: subject.description,
      homeUrl: scope.kind === 'site' ? `${publicUrl}/` : `${publicUrl}${listingPathOf(scope)}`,
      selfUrl,
      language: settings.language,
      // A feed without items has not changed since ever; a build time here would change its ETag on every render.
      updated:
        items
          .map((item) => item.updated)
          .sort()
          .at(-1) ?? epoch,
      hub: this.deps.hub,
      publisher: { name: settings.siteName, url: `${publicUrl}/` },
      items,
    };
    const body = format === 'rss' ? renderRss(doc) : format === 'atom' ? renderAtom(doc) : renderJsonFeed(doc);
    return {
      body,
      contentType: `${feedMediaTypes[format]}; charset=utf-8`,
      keys: [subject.key, ...articles.map((a) => `article:${a.id}`)],
      lastModified: new Date(this.lastModifiedOf(selfUrl, body, articles)),
      selfUrl,
    };
  }

  /**
   * Every feed address a write changed, from the keys it purged: 'front' is the site's feed,
   * section:, tag: and author: their listings' feeds, and an edited published article (which
   * purges only article:ID) the feeds of every listing it appears in.
   */
  async feedUrlsFor(keys: string[]): Promise<string[]> {
    const scopes = new Map<string, FeedScope>();
    const add = (scope: FeedScope) => scopes.set(JSON.stringify(scope), scope);
    const addSection = (id: number) => {
      const section = this.deps.taxonomy.sectionById(id);
      if (section) add({ kind: 'section', slug: section.slug });
    };
    const tagIds = new Set<number>();
    const authorIds = new Set<number>();
    const articleIds: number[] = [];
    for (const key of keys) {
      const [kind, raw] = key.split(':');
      const id = Number(raw);
      if (key === 'front') add({ kind: 'site' });
      else if (!Number.isInteger(id)) continue;
      else if (kind === 'section') addSection(id);
      else if (kind === 'tag') tagIds.add(id);
      else if (kind === 'author') authorIds.add(id);
      else if (kind === 'article') articleIds.push(id);
    }
    if (articleIds.length <= maxArticlesPerPing) {
      for (const id of articleIds) {
        const listings = await this.deps.articles.listingsOf(id);
        if (!listings) continue;
        add({ kind: 'site' });
        addSection(listings.sectionId);
        for (const t of listings.tagIds) tagIds.add(t);
        for (const a of listings.authorIds) authorIds.add(a);
      }
    }
    for (const id of tagIds) {
      const tag = await this.deps.taxonomy.findTagById(id);
      if (tag) add({ kind: 'tag', slug: tag.slug });
    }
    for (const id of authorIds) {
      const author = await this.deps.taxonomy.findAuthorById(id);
      if (author) add({ kind: 'author', slug: author.slug });
    }
    return [...scopes.values()].flatMap((scope) =>
      feedFormats.map((format) => `${this.deps.publicUrl}${feedPath(scope, format)}`),
    );
  }

  private async subjectOf(scope: FeedScope): Promise<Subject> {
    const { siteName, tagline } = this.deps.settings.get();
    switch (scope.kind) {
      case 'site':
        return { key: 'front', listing: { by: 'latest' }, title: siteName, description: tagline || siteName };
      case 'section': {
        const section = this.deps.taxonomy.sectionBySlug(scope.slug);
        if (!section) throw notFound('section');
        return {
          key: `section:${section.id}`,
          listing: { by: 'latest', sectionId: section.id },
          title: `${siteName} – ${section.name}`,
          description: section.description || `${section.name} from ${siteName}.`,
        };
      }
      case 'tag': {
        const tag = await this.deps.taxonomy.findTagBySlug(scope.slug);
        if (!tag) throw notFound('topic');
        return {
          key: `tag:${tag.id}`,
          listing: { by: 'tag', tagId: tag.id },
          title: `${siteName} – ${tag.name}`,
          description: tag.description || `Stories about ${tag.name} from ${siteName}.`,
        };
      }
      case 'author': {
        const author = await this.deps.taxonomy.findAuthorBySlug(scope.slug);
        if (!author) throw notFound('author');
        return {
          key: `author:${author.id}`,
          listing: { by: 'author', authorId: author.id },
          title: `${siteName} – ${author.name}`,
          description: author.bio || `Stories by ${author.name} in ${siteName}.`,
        };
      }
    }
  }

  private itemOf(a: FeedArticle): FeedItem {
    const { publicUrl } = this.deps;
    const url = `${publicUrl}${a.url}`;
    const published = a.publishedAt ?? a.firstPublishedAt ?? a.modifiedAt;
    // The article page shows the credit line under the body; so does the feed.
    const credit = a.creditLine
      ? `<p class="article__credit">${
          a.wireSourceUrl
            ? `<a href="${escapeHtml(a.wireSourceUrl)}">${escapeHtml(a.creditLine)}</a>`
            : escapeHtml(a.creditLine)
        }</p>`
      : '';
    const image = a.largestJpeg;
    return {
      id: this.itemId(a.id, a.firstPublishedAt ?? published),
      url,
      title: a.headline,
      summary: a.standfirst,
      contentHtml: absoluteHtml(a.bodyHtml + credit, publicUrl, url),
      published,
      updated: significantChangeAt({ publishedAt: a.publishedAt, updatedAt: a.updatedAt }) ?? published,
      authors:
        a.byline.authors.length > 0
          ? a.byline.authors.map((author) => ({ name: author.name, url: `${publicUrl}${author.url}` }))
          : a.byline.source
            ? [{ name: a.byline.source }]
            : [],
      categories: [...new Set([a.section.name, ...a.tags.map((t) => t.name)].filter(Boolean))],
      image: image
        ? {
            url: `${publicUrl}${image.src}`,
            type: 'image/jpeg',
            width: image.width,
            height: image.height,
            bytes: image.bytes,
            caption: a.featureImage?.caption || a.featureImage?.alt || '',
            credit: a.featureImage?.credit ?? '',
          }
        : null,
    };
  }

  /**
   * A tag URI (RFC 4151) from the article's id and the day it was first published, neither of
   * which an edit changes: a new headline or slug must not make the item new to readers
   * (Google News shows an item twice when its guid changes).
   */
  private itemId(id: number, firstPublishedAt: string): string {
    return `tag:${this.host},${new Date(firstPublishedAt).toISOString().slice(0, 10)}:article:${id}`;
  }

  /**
   * Last-Modified: the latest change among the items (publication, update, any edit). A change
   * that moves no item's time (an older story withdrawn, a topic renamed) would leave it where
   * it was and answer If-Modified-Since with a wrong 304, so a body that differs from the one
   * last served here without a later item time moves it to now. HTTP dates have whole seconds.
   */
  private lastModifiedOf(selfUrl: string, body: string, articles: FeedArticle[]): number {
    const hash = createHash('sha1').update(body).digest('base64url');
    const itemsAt = articles.reduce((latest, a) => {
      const times = [a.publishedAt, a.updatedAt, a.modifiedAt].map((t) => (t ? Date.parse(t) : 0));
      return Math.max(latest, ...times);
    }, 0);
    const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;
    const before = this.served.get(selfUrl);
    let at = seconds(itemsAt);
    if (before?.hash === hash) at = before.at;
    else if (before && at <= before.at) at = Math.max(seconds(this.deps.now().getTime()), before.at + 1000);
    this.served.set(selfUrl, { hash, at });
    return at;
  }
}
