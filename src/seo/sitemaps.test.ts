import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor, buildTag } from '../../test/helpers/factories.js';
import { urlOf } from '../../test/helpers/html.js';
import { createSitemaps, newsLanguage, newsNs, parseMonthFileName, sitemapNs } from './sitemaps.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

/** A W3C datetime with seconds and an explicit offset, as sitemaps and Google News want it. */
const w3c = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

function parseUrlset(xml: string, opts: { news?: boolean } = {}): UrlEntry[] {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
  const doc = parser.parse(xml) as { urlset?: Record<string, unknown> & { url?: UrlEntry[] } };
  assert.ok(doc.urlset, 'the root element is urlset');
  assert.equal(doc.urlset['@_xmlns'], sitemapNs);
  if (opts.news) assert.equal(doc.urlset['@_xmlns:news'], newsNs);
  const urls = doc.urlset.url ?? [];
  for (const u of urls) {
    assert.match(u.loc, /^http:\/\/news\.test\//, 'every loc is absolute, on the public host');
    if (u.lastmod !== undefined) assert.match(u.lastmod, w3c);
  }
  return urls;
}

function parseIndex(xml: string): { loc: string; lastmod?: string }[] {
  const doc = parser.parse(xml) as {
    sitemapindex?: Record<string, unknown> & { sitemap?: { loc: string; lastmod?: string }[] };
  };
  assert.ok(doc.sitemapindex, 'the root element is sitemapindex');
  assert.equal(doc.sitemapindex['@_xmlns'], sitemapNs);
  const sitemaps = doc.sitemapindex.sitemap ?? [];
  for (const s of sitemaps) {
    assert.match(s.loc, /^http:\/\/news\.test\/sitemaps\/[a-z0-9-]+\.xml$/);
    if (s.lastmod !== undefined) assert.match(s.lastmod, w3c);
  }
  return sitemaps;
}

eachDialect('sitemaps', (dialect) => {
  let t: TestApp;
  const clock = testClock('2026-11-28T12:00:00Z');
  before(async () => {
    // New York: a story first published at 02:00 UTC on the 1st belongs to the previous local month.
    t = await buildTestApp(dialect, { clock, env: { NEWSDESK_TIMEZONE: 'America/New_York' } });
  });
  after(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const abs = (article: Parameters<typeof urlOf>[1]) => `http://news.test${urlOf(t.services, article)}`;

  test('robots.txt allows readers’ pages, keeps crawlers out of the newsroom and the APIs, and names the sitemaps', async () => {
    const res = await get('/robots.txt');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; charset=utf-8/);
    const lines = res.body.split('\n');
    assert.equal(lines[0], 'User-agent: *');
    assert.ok(lines.includes('Allow: /'));
    assert.ok(lines.includes('Disallow: /newsroom/'));
    assert.ok(lines.includes('Disallow: /api/'));
    assert.ok(lines.includes('Sitemap: http://news.test/sitemap.xml'));
    assert.ok(lines.includes('Sitemap: http://news.test/sitemaps/news.xml'));
  });

  test('a month sitemap lists only published, indexable, canonical stories of that local month', async () => {
    const s = t.services;
    const listed = await buildArticle(s, { headline: 'August harvest', published: new Date('2026-08-10T09:00:00Z') });
    // 02:00 UTC on 1 September is still 31 August in New York: the address and the file say August.
    const lastNight = await buildArticle(s, {
      headline: 'Late August storm',
      published: new Date('2026-09-01T02:00:00Z'),
    });
    assert.match(urlOf(s, lastNight), /\/2026\/08\/31\//);
    await buildArticle(s, { headline: 'August draft' });
    const unpublished = await buildArticle(s, {
      headline: 'August pulled',
      published: new Date('2026-08-11T09:00:00Z'),
    });
    await s.articles.unpublishArticle(unpublished.id);
    const withdrawn = await buildArticle(s, {
      headline: 'August withdrawn',
      published: new Date('2026-08-12T09:00:00Z'),
    });
    await s.articles.unpublishArticle(withdrawn.id, 'withdrawn');
    await buildArticle(s, {
      headline: 'August noindex',
      robots: 'noindex',
      published: new Date('2026-08-13T09:00:00Z'),
    });
    await buildArticle(s, {
      headline: 'August syndicated',
      canonicalUrl: 'https://partner.example/original',
      published: new Date('2026-08-14T09:00:00Z'),
    });
    const selfCanonical = await buildArticle(s, {
      headline: 'August self canonical',
      published: new Date('2026-08-15T09:00:00Z'),
    });
    await s.articles.updateArticle(selfCanonical.id, { canonicalUrl: abs(selfCanonical) });

    const res = await get('/sitemaps/articles-2026-08.xml');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
    assert.match(String(res.headers['surrogate-key']), /\bsitemaps\b/);
    const urls = parseUrlset(res.body);
    assert.deepEqual(
      urls.map((u) => u.loc),
      [abs(listed), abs(selfCanonical), abs(lastNight)],
      'oldest first; no draft, unpublished, withdrawn, noindex or syndicated copy',
    );
    assert.equal(urls[0]?.lastmod, '2026-08-10T05:00:00-04:00', 'lastmod in the site time zone, with its offset');

    const september = await get('/sitemaps/articles-2026-09.xml');
    assert.equal(september.statusCode, 404, 'no story was first published in September (local time)');
    assert.equal((await get('/sitemaps/articles-2026-13.xml')).statusCode, 404);
    assert.equal((await get('/sitemaps/articles-2026-08-1.xml')).statusCode, 404, 'part one has one address');
    assert.equal((await get('/sitemaps/whatever.xml')).statusCode, 404);

    const index = parseIndex((await get('/sitemap.xml')).body);
    const august = index.find((e) => e.loc === 'http://news.test/sitemaps/articles-2026-08.xml');
    assert.ok(august, 'the index lists the month');
    assert.equal(august.lastmod, '2026-08-31T22:00:00-04:00', "the month's lastmod is its latest story's");
    for (const name of ['sections', 'tags', 'authors', 'news']) {
      assert.ok(
        index.some((e) => e.loc === `http://news.test/sitemaps/${name}.xml`),
        `the index lists ${name}.xml`,
      );
    }
    for (const entry of index) {
      const path = entry.loc.replace('http://news.test', '');
      assert.equal((await get(path)).statusCode, 200, `${path} answers`);
    }
  });

  test('a month with more stories than a file holds is split, and the index lists every part', async () => {
    const s = t.services;
    for (let day = 1; day <= 5; day++) {
      await buildArticle(s, { headline: `June item ${day}`, published: new Date(Date.UTC(2026, 5, day * 5, 12)) });
    }
    const sitemaps = createSitemaps({
      articles: s.articles,
      settings: s.settings,
      publicUrl: 'http://news.test',
      now: () => clock.now(),
      perFile: 2,
    });
    const june = parseIndex(await sitemaps.index())
      .map((e) => e.loc)
      .filter((loc) => loc.includes('2026-06'));
    assert.deepEqual(june, [
      'http://news.test/sitemaps/articles-2026-06.xml',
      'http://news.test/sitemaps/articles-2026-06-2.xml',
      'http://news.test/sitemaps/articles-2026-06-3.xml',
    ]);
    const parts = [];
    for (const name of ['articles-2026-06.xml', 'articles-2026-06-2.xml', 'articles-2026-06-3.xml']) {
      const file = parseMonthFileName(name);
      assert.ok(file);
      const xml = await sitemaps.month(file);
      assert.ok(xml);
      parts.push(parseUrlset(xml).map((u) => u.loc));
    }
    assert.deepEqual(
      parts.map((p) => p.length),
      [2, 2, 1],
    );
    assert.equal(new Set(parts.flat()).size, 5, 'every story once');
    const beyond = parseMonthFileName('articles-2026-06-4.xml');
    assert.ok(beyond);
    assert.equal(await sitemaps.month(beyond), null);
  });

  test('lastmod ignores technical re-saves and moves when an editor adds an update', async () => {
    const s = t.services;
    clock.set('2026-05-20T10:00:00Z');
    const article = await buildArticle(s, { headline: 'May council vote', published: true });
    const monthUrl = '/sitemaps/articles-2026-05.xml';
    const lastmodOf = async () => parseUrlset((await get(monthUrl)).body).find((u) => u.loc === abs(article))?.lastmod;
    const indexLastmod = async () =>
      parseIndex((await get('/sitemap.xml')).body).find((e) => e.loc.endsWith('/articles-2026-05.xml'))?.lastmod;
    assert.equal(await lastmodOf(), '2026-05-20T06:00:00-04:00');

    // A typo fix re-renders and moves modified_at, but readers were told nothing new.
    clock.set('2026-05-21T10:00:00Z');
    await s.articles.updateArticle(article.id, { standfirst: 'A tidier standfirst.' });
    const record = await s.articles.findRecord(article.id);
    assert.equal(record?.modified_at, '2026-05-21T10:00:00.000Z');
    s.purgeBus.purgeAll();
    assert.equal(await lastmodOf(), '2026-05-20T06:00:00-04:00');
    assert.equal(await indexLastmod(), '2026-05-20T06:00:00-04:00');

    // An update note is news: the cached sitemaps are purged and show it.
    clock.set('2026-05-22T16:30:00Z');
    await s.articles.addNote(article.id, { kind: 'update', body: 'The vote was postponed to June.' });
    assert.equal(await lastmodOf(), '2026-05-22T12:30:00-04:00');
    assert.equal(await indexLastmod(), '2026-05-22T12:30:00-04:00');
    clock.set('2026-11-28T12:00:00Z');
  });

  test('sections, topics and authors with published stories are listed with their last change', async () => {
    const s = t.services;
    await buildTag(s, 'empty-topic');
    await buildAuthor(s, 'quiet-writer');
    await buildArticle(s, {
      headline: 'Rail strike talks resume',
      section: 'transport',
      tags: ['rail'],
      authors: ['rail-correspondent'],
      published: new Date('2026-10-02T08:00:00Z'),
    });
    // The taxonomy stamps its rows with the wall clock; set them back so the listing time shows.
    await s.db.kysely.updateTable('sections').set({ updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    s.purgeBus.purgeAll();
    const sections = parseUrlset((await get('/sitemaps/sections.xml')).body);
    const transport = sections.find((u) => u.loc === 'http://news.test/transport');
    assert.ok(transport);
    assert.equal(transport.lastmod, '2026-10-02T04:00:00-04:00');

    const tags = parseUrlset((await get('/sitemaps/tags.xml')).body).map((u) => u.loc);
    assert.ok(tags.includes('http://news.test/tag/rail'));
    assert.ok(!tags.includes('http://news.test/tag/empty-topic'), 'a topic with no published story is left out');

    const authors = parseUrlset((await get('/sitemaps/authors.xml')).body).map((u) => u.loc);
    assert.ok(authors.includes('http://news.test/author/rail-correspondent'));
    assert.ok(!authors.includes('http://news.test/author/quiet-writer'));

    // Publishing under a new topic purges the cached topic sitemap.
    await buildArticle(s, {
      headline: 'Tram fares frozen',
      tags: ['trams'],
      published: new Date('2026-10-03T08:00:00Z'),
    });
    const again = parseUrlset((await get('/sitemaps/tags.xml')).body).map((u) => u.loc);
    assert.ok(again.includes('http://news.test/tag/trams'));
  });

  describe('Google News sitemap', () => {
    test('lists stories first published in the last two days, newest first, with the publication, date and title', async () => {
      const s = t.services;
      clock.set('2026-11-28T12:00:00Z');
      const hour = 3600_000;
      const at = (hoursAgo: number) => new Date(clock.now().getTime() - hoursAgo * hour);
      const fresh = await buildArticle(s, { headline: 'Fresh: port reopens & ships <sail>', published: at(1) });
      const older = await buildArticle(s, { headline: 'Older: bridge inspection', published: at(47) });
      await buildArticle(s, { headline: 'Too old: ferry timetable', published: at(49) });
      await buildArticle(s, { headline: 'Draft: not yet' });
      const pulled = await buildArticle(s, { headline: 'Pulled: wrong story', published: at(2) });
      await s.articles.unpublishArticle(pulled.id);
      // Republished today, but first published long ago: not news.
      const republished = await buildArticle(s, { headline: 'Republished archive piece', published: at(24 * 10) });
      await s.articles.unpublishArticle(republished.id);
      await s.articles.publishArticle(republished.id);

      const res = await get('/sitemaps/news.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      const urls = parseUrlset(res.body, { news: true });
      assert.deepEqual(
        urls.map((u) => u.loc),
        [abs(fresh), abs(older)],
      );
      const first = urls[0]?.['news:news'];
      assert.ok(first, 'each url has one news:news');
      assert.equal(first['news:publication']['news:name'], 'Newsdesk');
      assert.equal(first['news:publication']['news:language'], 'en');
      assert.equal(first['news:publication_date'], '2026-11-28T06:00:00-05:00');
      assert.match(first['news:publication_date'], w3c);
      assert.equal(first['news:title'], 'Fresh: port reopens & ships <sail>');
      assert.match(res.body, /Fresh: port reopens &amp; ships &lt;sail&gt;/, 'text is escaped in the XML');

      // Publishing purges the cached news sitemap at once.
      const breaking = await buildArticle(s, { headline: 'Just in: council resigns', published: true });
      const withBreaking = parseUrlset((await get('/sitemaps/news.xml')).body, { news: true });
      assert.equal(withBreaking[0]?.loc, abs(breaking));

      // Two hours on, the 47-hour-old story has aged out, cached or not.
      clock.advance(2 * hour);
      const later = parseUrlset((await get('/sitemaps/news.xml')).body, { news: true }).map((u) => u.loc);
      assert.deepEqual(later, [abs(breaking), abs(fresh)]);
      clock.set('2026-11-28T12:00:00Z');
    });

    test('names languages as Google News does', () => {
      assert.equal(newsLanguage('en'), 'en');
      assert.equal(newsLanguage('pt-BR'), 'pt');
      assert.equal(newsLanguage('zh-TW'), 'zh-tw');
      assert.equal(newsLanguage('zh-Hans'), 'zh-cn');
    });
  });
});

eachDialect('Google News sitemap size', (dialect) => {
  let t: TestApp;
  const clock = testClock('2026-11-28T12:00:00Z');
  before(async () => {
    t = await buildTestApp(dialect, { clock });
  });
  after(() => t.close());

  test('holds at most 1,000 stories, the newest', async () => {
    const s = t.services;
    const first = await buildArticle(s, {
      headline: 'Made through the service',
      published: new Date('2026-11-28T11:00:00Z'),
    });
    // The rest written in one statement: a thousand publishes through the service would take minutes.
    const rows = Array.from({ length: 1_005 }, (_, i) => {
      const at = new Date(Date.parse('2026-11-28T10:00:00Z') - i * 60_000).toISOString();
      return {
        slug: `bulk-story-${i}`,
        headline: `Bulk story ${i}`,
        body: JSON.stringify({ type: 'doc', content: [] }),
        section_id: first.section_id,
        status: 'published' as const,
        first_published_at: at,
        published_at: at,
        created_at: at,
        modified_at: at,
      };
    });
    await s.db.kysely.insertInto('articles').values(rows).execute();
    const urls = parseUrlset((await t.app.inject({ url: '/sitemaps/news.xml' })).body, { news: true });
    assert.equal(urls.length, 1_000);
    assert.equal(urls[0]?.loc, `http://news.test${urlOf(s, first)}`);
    assert.ok(urls.at(-1)?.loc.endsWith('/bulk-story-998'));
  });
});

describe('month file names', () => {
  test('parse only what the index writes', () => {
    assert.deepEqual(parseMonthFileName('articles-2026-11.xml'), { year: 2026, month: 11, part: 1 });
    assert.deepEqual(parseMonthFileName('articles-2026-11-3.xml'), { year: 2026, month: 11, part: 3 });
    for (const bad of [
      'articles-2026-00.xml',
      'articles-2026-11-0.xml',
      'articles-2026-11-1.xml',
      'articles-26-11.xml',
    ]) {
      assert.equal(parseMonthFileName(bad), null, bad);
    }
  });
});
