import { create } from 'xmlbuilder2';
import type { ArticlesService, SitemapEntry, SitemapPage } from '../articles/articles.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { localMonthStart, localYearMonth, w3cDateTime } from './dates.js';
import { absoluteUrl } from './page-meta.js';

/*
 * Sitemap protocol 0.9 (sitemaps.org) and Google News sitemaps. Articles are partitioned by
 * the local month of their first publication (the date in their address), so an old month's
 * file only changes when one of its stories does. Limits: 50,000 URLs a file, 1,000 news
 * entries, news only for the last two days.
 */
export const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const newsNs = 'http://www.google.com/schemas/sitemap-news/0.9';
const xmlnsNs = 'http://www.w3.org/2000/xmlns/';

export const maxUrlsPerSitemap = 50_000;
export const maxNewsEntries = 1_000;
export const newsWindowMs = 2 * 86_400_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
}

export interface NewsUrl {
  loc: string;
  publicationName: string;
  language: string;
  publicationDate: string;
  title: string;
}

const xmlDocument = () => create({ version: '1.0', encoding: 'UTF-8' });

export function urlsetXml(urls: SitemapUrl[]): string {
  const root = xmlDocument().ele(sitemapNs, 'urlset');
  for (const u of urls) {
    const url = root.ele('url');
    url.ele('loc').txt(u.loc);
    if (u.lastmod) url.ele('lastmod').txt(u.lastmod);
  }
  return root.end({ prettyPrint: false });
}

export function sitemapIndexXml(sitemaps: SitemapUrl[]): string {
  const root = xmlDocument().ele(sitemapNs, 'sitemapindex');
  for (const s of sitemaps) {
    const sitemap = root.ele('sitemap');
    sitemap.ele('loc').txt(s.loc);
    if (s.lastmod) sitemap.ele('lastmod').txt(s.lastmod);
  }
  return root.end({ prettyPrint: false });
}

export function newsUrlsetXml(urls: NewsUrl[]): string {
  const root = xmlDocument().ele(sitemapNs, 'urlset').att(xmlnsNs, 'xmlns:news', newsNs);
  for (const u of urls) {
    const url = root.ele('url');
    url.ele('loc').txt(u.loc);
    const news = url.ele(newsNs, 'news:news');
    const publication = news.ele(newsNs, 'news:publication');
    publication.ele(newsNs, 'news:name').txt(u.publicationName);
    publication.ele(newsNs, 'news:language').txt(u.language);
    news.ele(newsNs, 'news:publication_date').txt(u.publicationDate);
    news.ele(newsNs, 'news:title').txt(u.title);
  }
  return root.end({ prettyPrint: false });
}

/** Google News takes ISO 639 codes, except Chinese, which it names zh-cn or zh-tw. */
export function newsLanguage(tag: string): string {
  const [primary = 'en', ...rest] = tag.toLowerCase().split('-');
  if (primary !== 'zh') return primary;
  return rest.some((s) => s === 'tw' || s === 'hk' || s === 'mo' || s === 'hant') ? 'zh-tw' : 'zh-cn';
}

/** One month's file, and which part of it when a month holds more than one file's worth. */
export interface MonthFile {
  year: number;
  month: number;
  part: number;
}

export function monthFileName({ year, month, part }: MonthFile): string {
  return `articles-${year}-${String(month).padStart(2, '0')}${part > 1 ? `-${part}` : ''}.xml`;
}

export function parseMonthFileName(name: string): MonthFile | null {
  const m = /^articles-(\d{4})-(\d{2})(?:-([1-9]\d{0,4}))?\.xml$/.exec(name);
  if (!m) return null;
  const month = Number(m[2]);
  const part = m[3] ? Number(m[3]) : 1;
  // Part 1 has one name only, so no file is listed under two addresses.
  if (month < 1 || month > 12 || (m[3] && part < 2)) return null;
  return { year: Number(m[1]), month, part };
}

export interface SitemapsDeps {
  articles: ArticlesService;
  settings: SettingsService;
  publicUrl: string;
  now: () => Date;
  /** URLs per article file; the protocol's limit unless a test wants smaller files. */
  perFile?: number;
}

/** Sitemap documents from the articles service: what is published, and nothing else. */
export function createSitemaps(deps: SitemapsDeps) {
  const { articles, settings, publicUrl } = deps;
  const perFile = deps.perFile ?? maxUrlsPerSitemap;
  const tz = () => settings.get().timeZone;
  const at = (iso: string) => w3cDateTime(iso, tz());
  const sitemapUrl = (name: string) => `${publicUrl}/sitemaps/${name}`;

  /** A sitemap lists canonical, indexable pages only. */
  function listable(entry: SitemapEntry): boolean {
    if (entry.robots && /noindex|\bnone\b/i.test(entry.robots)) return false;
    return !entry.canonicalUrl || entry.canonicalUrl === absoluteUrl(publicUrl, entry.url);
  }

  const monthRange = (year: number, month: number) => ({
    from: localMonthStart(year, month, tz()),
    to: localMonthStart(year, month + 1, tz()),
  });

  async function index(): Promise<string> {
    const entries: SitemapUrl[] = [];
    const span = await articles.publishedSpan();
    if (span.first && span.last) {
      let { year, month } = localYearMonth(span.first, tz());
      const last = localYearMonth(span.last, tz());
      while (year < last.year || (year === last.year && month <= last.month)) {
        const { from, to } = monthRange(year, month);
        const stats = await articles.publishedStats(from, to);
        const parts = Math.ceil(stats.count / perFile);
        for (let part = 1; part <= parts; part++) {
          entries.push({
            loc: sitemapUrl(monthFileName({ year, month, part })),
            lastmod: stats.lastmod ? at(stats.lastmod) : null,
          });
        }
        month += 1;
        if (month > 12) {
          month = 1;
          year += 1;
        }
      }
    }
    for (const name of ['sections.xml', 'tags.xml', 'authors.xml', 'news.xml']) entries.push({ loc: sitemapUrl(name) });
    return sitemapIndexXml(entries);
  }

  /** One month's articles (or part of them); null when there is no such file. */
  async function month(file: MonthFile): Promise<string | null> {
    const { from, to } = monthRange(file.year, file.month);
    const entries = await articles.sitemapEntries(from, to, perFile, (file.part - 1) * perFile);
    if (entries.length === 0) return null;
    return urlsetXml(
      entries.filter(listable).map((e) => ({ loc: absoluteUrl(publicUrl, e.url), lastmod: at(e.lastmod) })),
    );
  }

  /** Stories first published in the last two days, newest first; expires when the oldest ages out. */
  async function news(): Promise<{ body: string; expiresAt?: number }> {
    const now = deps.now().getTime();
    const entries = (await articles.recentlyPublished(new Date(now - newsWindowMs), maxNewsEntries)).filter(
      (e) => listable(e) && !/noindex|\bnone\b/i.test(e.googlebotNews ?? ''),
    );
    const { siteName, language } = settings.get();
    const body = newsUrlsetXml(
      entries.map((e) => ({
        loc: absoluteUrl(publicUrl, e.url),
        publicationName: siteName,
        language: newsLanguage(language),
        publicationDate: at(e.firstPublishedAt),
        title: e.headline,
      })),
    );
    const oldest = entries[entries.length - 1];
    return oldest ? { body, expiresAt: Date.parse(oldest.firstPublishedAt) + newsWindowMs } : { body };
  }

  function pages(list: SitemapPage[]): string {
    return urlsetXml(
      list.map((p) => ({ loc: absoluteUrl(publicUrl, p.url), lastmod: p.lastmod ? at(p.lastmod) : null })),
    );
  }

  return {
    index,
    month,
    news,
    /** The listing pages, with the surrogate keys of what they list. */
    async sections() {
      const list = await articles.sitemapSections();
      return { body: pages(list), keys: list.map((p) => p.key) };
    },
    async tags() {
      const list = await articles.sitemapTags(maxUrlsPerSitemap);
      return { body: pages(list), keys: list.map((p) => p.key) };
    },
    async authors() {
      const list = await articles.sitemapAuthors(maxUrlsPerSitemap);
      return { body: pages(list), keys: list.map((p) => p.key) };
    },
  };
}

export type Sitemaps = ReturnType<typeof createSitemaps>;
