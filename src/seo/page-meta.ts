import { sectionPath } from '../articles/articles.paths.js';
import { type ArticlePage, significantChangeAt } from '../articles/articles.service.js';
import type { ImageSources } from '../media/media.service.js';
import type { PageContext } from '../site/views/context.js';
import { w3cDateTime } from './dates.js';

/**
 * Head metadata for reader pages, built only from what the page already holds (no queries):
 * Open Graph and X card tags, and schema.org objects written as JSON-LD.
 * Sources: ogp.me, Google's Article and Breadcrumb structured data, schema.org/NewsArticle.
 */

/** One `<meta>`: Open Graph uses `property`, X cards use `name`. */
export interface SocialTag {
  property?: string;
  name?: string;
  content: string;
}

export type JsonLd = Record<string, unknown>;

/** An address as crawlers need it: absolute, on the public URL. */
export function absoluteUrl(publicUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl)
    ? pathOrUrl
    : `${publicUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
}

/** The jpeg variants of an image (every browser and scraper reads jpeg), widest first. */
export function imageVariants(image: ImageSources): { url: string; width: number; height: number }[] {
  const srcset = image.srcsetByFormat.jpeg || image.srcsetByFormat.webp;
  const ratio = image.width > 0 ? image.height / image.width : 0;
  const variants = srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/))
    .flatMap(([url, w]) => {
      const width = Number.parseInt(w ?? '', 10);
      return url && width > 0 ? [{ url, width, height: Math.round(width * ratio) }] : [];
    })
    .sort((a, b) => b.width - a.width);
  if (variants.length === 0 && image.src) variants.push({ url: image.src, width: image.width, height: image.height });
  return variants;
}

/** "en-US" → "en_US", as og:locale writes it. */
const ogLocale = (tag: string) => tag.replace(/-/g, '_');

const homeUrl = (ctx: PageContext) => `${ctx.publicUrl}/`;
const organizationId = (ctx: PageContext) => `${ctx.publicUrl}/#organization`;

/** The publication: a NewsMediaOrganization, with the settings' logo when one is chosen. */
export function organization(ctx: PageContext): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(ctx),
    name: ctx.settings.siteName,
    url: homeUrl(ctx),
    ...(ctx.logo
      ? {
          logo: {
            '@type': 'ImageObject',
            url: absoluteUrl(ctx.publicUrl, ctx.logo.src),
            width: ctx.logo.width,
            height: ctx.logo.height,
          },
        }
      : {}),
  };
}

/** Positions count from 1; every item carries its absolute address. */
export function breadcrumbList(items: { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

function websiteTags(ctx: PageContext, page: { title: string; description: string; url: string }): SocialTag[] {
  const logo = ctx.logo;
  return [
    { property: 'og:type', content: 'website' },
    { property: 'og:site_name', content: ctx.settings.siteName },
    { property: 'og:locale', content: ogLocale(ctx.settings.locale) },
    { property: 'og:title', content: page.title },
    ...(page.description ? [{ property: 'og:description', content: page.description }] : []),
    { property: 'og:url', content: page.url },
    ...(logo
      ? [
          { property: 'og:image', content: absoluteUrl(ctx.publicUrl, logo.src) },
          { property: 'og:image:width', content: String(logo.width) },
          { property: 'og:image:height', content: String(logo.height) },
          { property: 'og:image:alt', content: ctx.settings.siteName },
        ]
      : []),
    { name: 'twitter:card', content: 'summary' },
  ];
}

/** The front page: the site as a WebSite with its search, and the publication. */
export function frontMeta(ctx: PageContext, canonical: string) {
  const { settings } = ctx;
  const social = websiteTags(ctx, { title: settings.siteName, description: settings.tagline, url: canonical });
  const structuredData: JsonLd[] = [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': `${ctx.publicUrl}/#website`,
      name: settings.siteName,
      url: homeUrl(ctx),
      ...(settings.tagline ? { description: settings.tagline } : {}),
      inLanguage: settings.language,
      publisher: { '@id': organizationId(ctx) },
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${ctx.publicUrl}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    },
    { '@context': 'https://schema.org', ...organization(ctx) },
  ];
  return { social, structuredData };
}

/** Section, topic, author and story pages. Sections also say where they sit: Home > Section. */
export function listingMeta(
  ctx: PageContext,
  page: { title: string; description: string; canonical: string; section?: { name: string; slug: string } },
) {
  const social = websiteTags(ctx, { title: page.title, description: page.description, url: page.canonical });
  const structuredData = page.section
    ? [
        breadcrumbList([
          { name: 'Home', url: homeUrl(ctx) },
          { name: page.section.name, url: absoluteUrl(ctx.publicUrl, sectionPath(page.section.slug)) },
        ]),
      ]
    : [];
  return { social, structuredData };
}

function authorsOf(ctx: PageContext, article: ArticlePage): JsonLd[] {
  if (article.byline.authors.length === 0) {
    // No staff byline: the agency (wire copy) or the desk, as the page shows it.
    const source = article.byline.source;
    return [
      source
        ? { '@type': 'Organization', name: source }
        : { '@type': 'Organization', name: ctx.settings.deskName, url: homeUrl(ctx) },
    ];
  }
  return article.byline.authors.map((a) => ({
    '@type': a.kind === 'desk' ? 'Organization' : 'Person',
    name: a.name,
    url: absoluteUrl(ctx.publicUrl, a.url),
  }));
}

/** Robots directives for an article page: the editor's own wins; else verbatim wire copy follows its source's policy. */
export function articleRobots(article: Pick<ArticlePage, 'robots' | 'wireRobots'>): {
  robots: string | null;
  googlebotNews: string | null;
} {
  if (article.robots) return { robots: article.robots, googlebotNews: null };
  if (article.wireRobots === 'noindex') return { robots: 'noindex', googlebotNews: null };
  // Keeps a syndicated copy out of Google News only (Google's advice for syndication partners).
  if (article.wireRobots === 'news_noindex') return { robots: null, googlebotNews: 'noindex' };
  return { robots: null, googlebotNews: null };
}

/** One value, or a list when there are several (schema.org takes either). */
const oneOrMany = <T>(values: T[]): T | T[] => (values.length === 1 ? (values[0] as T) : values);

/**
 * What wire copy is based on and whom it credits: from the desk's provenance when the
 * article was adopted from the wire (each agency, its original address, its copyright),
 * else from the article's own wire fields.
 */
function wireCredits(article: ArticlePage): JsonLd {
  const sources = article.wire?.sources ?? [];
  const credit = article.creditLine ? { creditText: article.creditLine } : {};
  if (sources.length === 0) {
    if (!(article.wireSource || article.wireSourceUrl || article.creditLine)) return {};
    return {
      ...(article.wireSourceUrl ? { isBasedOn: article.wireSourceUrl } : {}),
      ...(article.wireSource ? { sourceOrganization: { '@type': 'Organization', name: article.wireSource } } : {}),
      ...credit,
    };
  }
  const urls = sources.flatMap((s) => (s.url ? [s.url] : []));
  const holders = sources.filter((s) => s.copyrightNotice);
  const organization = (name: string) => ({ '@type': 'Organization', name });
  return {
    ...(urls.length > 0 ? { isBasedOn: oneOrMany(urls) } : {}),
    sourceOrganization: oneOrMany(sources.map((s) => organization(s.name))),
    ...credit,
    ...(holders.length > 0
      ? {
          copyrightHolder: oneOrMany(holders.map((s) => organization(s.name))),
          copyrightNotice: holders.map((s) => s.copyrightNotice).join(' '),
        }
      : {}),
  };
}

/** The times an article shows to machines: first publication, and the last significant change. */
function articleTimes(ctx: PageContext, article: ArticlePage) {
  const tz = ctx.settings.timeZone;
  const published = article.firstPublishedAt ?? article.publishedAt ?? article.modifiedAt;
  const modified = significantChangeAt(article) ?? published;
  return { published: w3cDateTime(published, tz), modified: w3cDateTime(modified, tz) };
}

/** An article page: NewsArticle and its breadcrumbs, Open Graph article tags and a large X card. */
export function articleMeta(ctx: PageContext, article: ArticlePage, canonical: string) {
  const { settings } = ctx;
  const times = articleTimes(ctx, article);
  const images = article.featureImage ? imageVariants(article.featureImage) : [];
  const ogImage = images[0];
  const description = article.seoDescription ?? article.standfirst;
  const corrections = article.notes.filter((n) => n.kind === 'correction');

  const newsArticle: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(description ? { description } : {}),
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    ...(images.length > 0 ? { image: images.map((i) => absoluteUrl(ctx.publicUrl, i.url)) } : {}),
    datePublished: times.published,
    dateModified: times.modified,
    author: authorsOf(ctx, article),
    publisher: organization(ctx),
    isAccessibleForFree: true,
    articleSection: article.section.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
    inLanguage: article.language,
    ...(corrections.length > 0
      ? {
          correction: corrections.map((n) => ({
            '@type': 'CorrectionComment',
            text: n.body,
            datePublished: w3cDateTime(n.createdAt, settings.timeZone),
          })),
        }
      : {}),
    ...wireCredits(article),
  };

  const social: SocialTag[] = [
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: settings.siteName },
    {
      property: 'og:locale',
      content: ogLocale(
        settings.locale.split('-')[0] === article.language.split('-')[0] ? settings.locale : article.language,
      ),
    },
    { property: 'og:title', content: article.headline },
    ...(description ? [{ property: 'og:description', content: description }] : []),
    { property: 'og:url', content: canonical },
    ...(ogImage && article.featureImage
      ? [
          { property: 'og:image', content: absoluteUrl(ctx.publicUrl, ogImage.url) },
          { property: 'og:image:width', content: String(ogImage.width) },
          { property: 'og:image:height', content: String(ogImage.height) },
          ...(article.featureImage.alt ? [{ property: 'og:image:alt', content: article.featureImage.alt }] : []),
        ]
      : []),
    { property: 'article:published_time', content: times.published },
    { property: 'article:modified_time', content: times.modified },
    { property: 'article:section', content: article.section.name },
    ...article.tags.map((t) => ({ property: 'article:tag', content: t.name })),
    ...article.byline.authors.map((a) => ({ property: 'article:author', content: absoluteUrl(ctx.publicUrl, a.url) })),
    { name: 'twitter:card', content: ogImage ? 'summary_large_image' : 'summary' },
    ...(ogImage && article.featureImage?.alt ? [{ name: 'twitter:image:alt', content: article.featureImage.alt }] : []),
  ];

  const structuredData = [
    newsArticle,
    breadcrumbList([
      { name: 'Home', url: homeUrl(ctx) },
      { name: article.section.name, url: absoluteUrl(ctx.publicUrl, sectionPath(article.section.slug)) },
      { name: article.headline, url: absoluteUrl(ctx.publicUrl, article.url) },
    ]),
  ];
  return { social, structuredData };
}
