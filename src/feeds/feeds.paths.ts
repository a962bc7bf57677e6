import { authorPath, sectionPath, tagPath } from '../articles/articles.paths.js';

export const feedFormats = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof feedFormats)[number];

/** What a feed lists: the whole site, or one section, topic or author (by slug in addresses). */
export type FeedScope =
  | { kind: 'site' }
  | { kind: 'section'; slug: string }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string };

export const feedFiles: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'feed.atom', json: 'feed.json' };

export const feedMediaTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

const formatNames: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** The listing page a feed follows: "/" for the site, "/world", "/tag/harbour", "/author/jane-doe". */
export function listingPathOf(scope: FeedScope): string {
  switch (scope.kind) {
    case 'site':
      return '/';
    case 'section':
      return sectionPath(scope.slug);
    case 'tag':
      return tagPath(scope.slug);
    case 'author':
      return authorPath(scope.slug);
  }
}

/** /feed.xml, /world/feed.atom, /tag/harbour/feed.json... */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const base = scope.kind === 'site' ? '' : listingPathOf(scope);
  return `${base}/${feedFiles[format]}`;
}

export interface FeedLink {
  type: string;
  title: string;
  href: string;
}

/** The autodiscovery links of one feed in every format, titled "<name> (RSS)". */
export function feedLinks(publicUrl: string, scope: FeedScope, name: string): FeedLink[] {
  return feedFormats.map((format) => ({
    type: feedMediaTypes[format],
    title: `${name} (${formatNames[format]})`,
    href: `${publicUrl}${feedPath(scope, format)}`,
  }));
}

/**
 * The feeds of the listing a reader page shows, found from its address: a section page is
 * "/<its section>", a topic or author page "/tag/<slug>" or "/author/<slug>". Only a listing
 * page names its own address as canonical, which tells it apart from an error page at the
 * same address (a topic that does not exist).
 */
export function listingFeedLinks(
  ctx: { publicUrl: string; path: string; settings: { siteName: string } },
  meta: { title: string; canonical?: string; sectionSlug?: string },
): FeedLink[] {
  const { publicUrl, path } = ctx;
  const own = `${publicUrl}${path}`;
  if (meta.canonical !== own && !meta.canonical?.startsWith(`${own}?`)) return [];
  // Later pages of a listing carry the same feed as the first: name it after the listing.
  const name = `${ctx.settings.siteName} – ${meta.title.replace(/, page \d+$/, '')}`;
  if (meta.sectionSlug && path === sectionPath(meta.sectionSlug)) {
    return feedLinks(publicUrl, { kind: 'section', slug: meta.sectionSlug }, name);
  }
  const match = /^\/(tag|author)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(path);
  if (match?.[1] === 'tag' || match?.[1] === 'author') {
    return feedLinks(publicUrl, { kind: match[1], slug: match[2] ?? '' }, name);
  }
  return [];
}

/** Every page's <link rel="alternate"> feeds: the site's, then its listing's own (given, or found from the address). */
export function autodiscoveryLinks(
  ctx: { publicUrl: string; path: string; settings: { siteName: string } },
  meta: { title: string; canonical?: string; sectionSlug?: string; feeds?: FeedLink[] },
): FeedLink[] {
  return [
    ...feedLinks(ctx.publicUrl, { kind: 'site' }, ctx.settings.siteName),
    ...(meta.feeds ?? listingFeedLinks(ctx, meta)),
  ];
}
