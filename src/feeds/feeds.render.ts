import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { feedMediaTypes } from './feeds.paths.js';

/** A feed as every format carries it; each renderer below writes one format from it. */
export interface FeedDocument {
  /** Permanent id of the feed (Atom). */
  id: string;
  title: string;
  description: string;
  /** The listing page the feed follows. */
  homeUrl: string;
  /** The address this document is served at (rel="self"). */
  selfUrl: string;
  language: string;
  /** RFC 3339 / ISO time of the latest item change readers were told of. */
  updated: string;
  /** The WebSub hub, when one is configured. */
  hub: string | null;
  /** Who publishes the feed: the site, named on the feed (Atom needs an author). */
  publisher: { name: string; url: string };
  items: FeedItem[];
}

export interface FeedItem {
  /** Never changes for an article, whatever is edited. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Full HTML with absolute addresses. */
  contentHtml: string;
  published: string;
  updated: string;
  authors: { name: string; url?: string }[];
  categories: string[];
  image: FeedImage | null;
}

export interface FeedImage {
  url: string;
  type: string;
  width: number;
  height: number;
  bytes: number;
  caption: string;
  credit: string;
}

const ns = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

/** RFC 822 with a four-digit year, as RSS 2.0 wants: "Sat, 01 Mar 2025 08:30:00 GMT". */
export const rfc822 = (iso: string): string => new Date(iso).toUTCString();

/** RFC 3339 in UTC, whole seconds: "2025-03-01T08:30:00Z". */
export const rfc3339 = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Characters XML 1.0 forbids (control characters pasted from word processors) are dropped, not fatal. */
const newDocument = () => create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });

/** CDATA cannot hold "]]>": the section is closed before the ">" and a new one opened. */
function cdata(element: XMLBuilder, text: string): void {
  const parts = text.split(']]>');
  parts.forEach((part, i) => {
    const piece = i < parts.length - 1 ? `${part}]]` : part;
    const next = i > 0 ? `>${piece}` : piece;
    if (next) element.dat(next);
  });
}

export function renderRss(feed: FeedDocument): string {
  const doc = newDocument();
  const channel = doc
    .ele('rss', {
      version: '2.0',
      'xmlns:content': ns.content,
      'xmlns:dc': ns.dc,
      'xmlns:media': ns.media,
      'xmlns:atom': ns.atom,
    })
    .ele('channel');
  channel.ele('title').txt(feed.title);
  channel.ele('link').txt(feed.homeUrl);
  channel.ele('description').txt(feed.description);
  channel.ele('language').txt(feed.language);
  channel.ele('generator').txt('Newsdesk');
  if (feed.items.length > 0) channel.ele('lastBuildDate').txt(rfc822(feed.updated));
  channel.ele('atom:link', { rel: 'self', type: feedMediaTypes.rss, href: feed.selfUrl });
  if (feed.hub) channel.ele('atom:link', { rel: 'hub', href: feed.hub });
  for (const item of feed.items) {
    const el = channel.ele('item');
    el.ele('title').txt(item.title);
    el.ele('link').txt(item.url);
    el.ele('guid', { isPermaLink: 'false' }).txt(item.id);
    el.ele('pubDate').txt(rfc822(item.published));
    // RSS's own <author> must be an e-mail address; names go in dc:creator.
    for (const author of item.authors) el.ele('dc:creator').txt(author.name);
    for (const category of item.categories) el.ele('category').txt(category);
    if (item.summary) el.ele('description').txt(item.summary);
    cdata(el.ele('content:encoded'), item.contentHtml);
    const image = item.image;
    if (image) {
      el.ele('enclosure', { url: image.url, length: String(image.bytes), type: image.type });
      const media = el.ele('media:content', {
        url: image.url,
        medium: 'image',
        type: image.type,
        width: String(image.width),
        height: String(image.height),
      });
      if (image.caption) media.ele('media:description', { type: 'plain' }).txt(image.caption);
      if (image.credit) media.ele('media:credit').txt(image.credit);
    }
  }
  return doc.end();
}

export function renderAtom(feed: FeedDocument): string {
  const doc = newDocument();
  const root = doc.ele('feed', { xmlns: ns.atom, 'xml:lang': feed.language });
  root.ele('id').txt(feed.id);
  root.ele('title', { type: 'text' }).txt(feed.title);
  if (feed.description) root.ele('subtitle', { type: 'text' }).txt(feed.description);
  root.ele('updated').txt(rfc3339(feed.updated));
  root.ele('link', { rel: 'self', type: feedMediaTypes.atom, href: feed.selfUrl });
  root.ele('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl });
  if (feed.hub) root.ele('link', { rel: 'hub', href: feed.hub });
  // Entries without a byline take the feed's author, so every entry has one (RFC 4287 4.1.1).
  const publisher = root.ele('author');
  publisher.ele('name').txt(feed.publisher.name);
  publisher.ele('uri').txt(feed.publisher.url);
  root.ele('generator').txt('Newsdesk');
  for (const item of feed.items) {
    const entry = root.ele('entry');
    entry.ele('id').txt(item.id);
    entry.ele('title', { type: 'text' }).txt(item.title);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: item.url });
    entry.ele('published').txt(rfc3339(item.published));
    entry.ele('updated').txt(rfc3339(item.updated));
    for (const author of item.authors) {
      const el = entry.ele('author');
      el.ele('name').txt(author.name);
      if (author.url) el.ele('uri').txt(author.url);
    }
    for (const category of item.categories) entry.ele('category', { term: category });
    if (item.summary) entry.ele('summary', { type: 'text' }).txt(item.summary);
    entry.ele('content', { type: 'html' }).txt(item.contentHtml);
    if (item.image) {
      entry.ele('link', {
        rel: 'enclosure',
        type: item.image.type,
        length: String(item.image.bytes),
        href: item.image.url,
      });
    }
  }
  return doc.end();
}

export function renderJsonFeed(feed: FeedDocument): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher.name, url: feed.publisher.url }],
    ...(feed.hub ? { hubs: [{ type: 'WebSub', url: feed.hub }] } : {}),
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml,
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.image ? { image: item.image.url } : {}),
      date_published: rfc3339(item.published),
      date_modified: rfc3339(item.updated),
      ...(item.authors.length > 0 ? { authors: item.authors } : {}),
      ...(item.categories.length > 0 ? { tags: item.categories } : {}),
    })),
  });
}

// ---------------------------------------------------------------- absolute addresses in HTML

/**
 * One start tag: its name, then attributes whose quoted values may hold anything but their
 * quote (">" included). Text between tags is never touched.
 */
const startTag = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const attribute = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const urlAttributes = new Set(['href', 'src', 'poster', 'cite', 'srcset']);

const entities: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Makes every address in a stored body absolute (feed readers show it away from our site,
 * and validators flag relative ones: W3C "ContainsRelRef"). Site paths ("/media/...") are
 * put under the public URL; other relative ones resolve against the article's address.
 */
export function absoluteHtml(html: string, publicUrl: string, pageUrl: string): string {
  const resolve = (raw: string): string => {
    const value = raw.trim();
    if (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
    if (value.startsWith('/') && !value.startsWith('//')) return `${publicUrl}${value}`;
    try {
      return new URL(value, pageUrl).href;
    } catch {
      return value;
    }
  };
  const resolveSrcset = (raw: string): string =>
    raw
      .split(',')
      .map((candidate) => {
        const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
        return [resolve(url), ...descriptors].join(' ');
      })
      .join(', ');
  return html.replace(startTag, (tag) =>
    tag.replace(attribute, (whole, name: string, dq?: string, sq?: string, bare?: string) => {
      const key = name.toLowerCase();
      const raw = dq ?? sq ?? bare;
      if (!urlAttributes.has(key) || raw === undefined) return whole;
      const decoded = decodeAttribute(raw);
      const value = key === 'srcset' ? resolveSrcset(decoded) : resolve(decoded);
      return ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    }),
  );
}
