import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor } from '../../test/helpers/factories.js';
import { getPage, type Page, urlOf } from '../../test/helpers/html.js';
import { serializeJsonLd } from './json-ld.js';

type Json = Record<string, unknown>;

/** The page's JSON-LD blocks, parsed as a search engine reads them. */
function jsonLd(doc: Page): Json[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => JSON.parse(s.textContent ?? '') as Json,
  );
}

const ofType = (blocks: Json[], type: string) => blocks.find((b) => b['@type'] === type);

/** Open Graph tags by property, X tags by name; repeated ones in order. */
function metaAll(doc: Page, key: string): string[] {
  const attr = key.startsWith('twitter:') ? 'name' : 'property';
  return [...doc.querySelectorAll(`meta[${attr}="${key}"]`)].map((m) => m.getAttribute('content') ?? '');
}
const meta = (doc: Page, key: string) => metaAll(doc, key)[0];

const w3c = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** Every reader page: one absolute canonical, a description, OG basics with absolute addresses. */
function assertHead(doc: Page) {
  const canonicals = [...doc.querySelectorAll('link[rel="canonical"]')];
  assert.equal(canonicals.length, 1, 'exactly one canonical');
  const canonical = canonicals[0]?.getAttribute('href') ?? '';
  assert.match(canonical, /^http:\/\/news\.test\//);
  assert.ok(meta(doc, 'og:url'), 'og:url');
  assert.equal(meta(doc, 'og:url'), canonical, 'og:url is the canonical');
  assert.equal(doc.querySelectorAll('meta[name="description"]').length, 1);
  assert.ok(doc.querySelector('meta[name="description"]')?.getAttribute('content'), 'a description');
  assert.ok(meta(doc, 'og:title'));
  assert.equal(meta(doc, 'og:site_name'), 'Newsdesk');
  assert.equal(meta(doc, 'og:locale'), 'en_US');
  assert.ok(meta(doc, 'twitter:card'));
  return canonical;
}

eachDialect('page metadata', (dialect) => {
  let t: TestApp;
  const clock = testClock('2026-11-20T15:00:00Z');
  before(async () => {
    t = await buildTestApp(dialect, { clock });
  });
  after(() => t.close());

  describe('article page', () => {
    test('NewsArticle, breadcrumbs, Open Graph and a large X card, from what the page shows', async () => {
      const s = t.services;
      await buildAuthor(s, 'ines-calder', 'Inês Calder');
      const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3a6ea5' } })
        .png()
        .toBuffer();
      const image = await s.media.createImage(png, { alt: 'Dredgers in the harbour at dawn' });
      const article = await buildArticle(s, {
        headline: 'Dredging of Calder Bay harbour begins',
        standfirst: 'The work will close the inner channel for six weeks.',
        section: 'city',
        authors: ['ines-calder'],
        tags: ['harbour', 'shipping'],
        featureImageId: image.id,
        published: new Date('2026-07-12T09:00:00Z'),
      });
      await s.articles.addNote(article.id, {
        kind: 'correction',
        body: 'An earlier version gave the wrong length for the channel closure.',
        at: new Date('2026-07-13T10:00:00Z'),
      });
      const url = `http://news.test${urlOf(s, article)}`;
      const { res, doc } = await getPage(t.app, urlOf(s, article));
      assert.equal(res.statusCode, 200);
      assert.equal(assertHead(doc), url);

      const blocks = jsonLd(doc);
      const news = ofType(blocks, 'NewsArticle');
      assert.ok(news, 'a NewsArticle block');
      assert.equal(news['@context'], 'https://schema.org');
      assert.equal(news.headline, 'Dredging of Calder Bay harbour begins');
      assert.equal(news.description, 'The work will close the inner channel for six weeks.');
      const images = news.image as string[];
      assert.ok(Array.isArray(images) && images.length > 0, 'image is an array of the variants');
      for (const src of images) assert.match(src, /^http:\/\/news\.test\/media\/.+\.jpe?g$/);
      assert.equal(news.datePublished, '2026-07-12T10:00:00+01:00', 'London summer time, with its offset');
      for (const key of ['datePublished', 'dateModified']) assert.match(String(news[key]), w3c, key);
      assert.equal(news.dateModified, '2026-07-13T11:00:00+01:00', 'the correction is the last significant change');
      assert.deepEqual(news.author, [
        { '@type': 'Person', name: 'Inês Calder', url: 'http://news.test/author/ines-calder' },
      ]);
      const publisher = news.publisher as Json;
      assert.equal(publisher['@type'], 'NewsMediaOrganization');
      assert.equal(publisher.name, 'Newsdesk');
      assert.equal(publisher.logo, undefined, 'no logo is chosen in settings');
      assert.equal(news.isAccessibleForFree, true);
      assert.deepEqual(news.mainEntityOfPage, { '@type': 'WebPage', '@id': url });
      assert.equal(news.articleSection, 'City');
      assert.deepEqual(news.keywords, ['harbour', 'shipping']);
      assert.deepEqual(news.correction, [
        {
          '@type': 'CorrectionComment',
          text: 'An earlier version gave the wrong length for the channel closure.',
          datePublished: '2026-07-13T11:00:00+01:00',
        },
      ]);
      assert.equal(news.isBasedOn, undefined, 'staff copy is based on nothing');

      const crumbs = ofType(blocks, 'BreadcrumbList');
      assert.ok(crumbs);
      assert.deepEqual(crumbs.itemListElement, [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'http://news.test/' },
        { '@type': 'ListItem', position: 2, name: 'City', item: 'http://news.test/city' },
        { '@type': 'ListItem', position: 3, name: 'Dredging of Calder Bay harbour begins', item: url },
      ]);

      assert.equal(meta(doc, 'og:type'), 'article');
      assert.equal(meta(doc, 'og:title'), 'Dredging of Calder Bay harbour begins');
      assert.equal(meta(doc, 'og:description'), 'The work will close the inner channel for six weeks.');
      assert.match(meta(doc, 'og:image') ?? '', /^http:\/\/news\.test\/media\//);
      assert.equal(meta(doc, 'og:image'), images[0], 'the widest variant');
      assert.ok(Number(meta(doc, 'og:image:width')) > 0);
      assert.equal(
        Number(meta(doc, 'og:image:height')),
        Math.round((Number(meta(doc, 'og:image:width')) * 900) / 1600),
      );
      assert.equal(meta(doc, 'og:image:alt'), 'Dredgers in the harbour at dawn');
      assert.equal(meta(doc, 'article:published_time'), '2026-07-12T10:00:00+01:00');
      assert.equal(meta(doc, 'article:modified_time'), '2026-07-13T11:00:00+01:00');
      assert.equal(meta(doc, 'article:section'), 'City');
      assert.deepEqual(metaAll(doc, 'article:tag'), ['harbour', 'shipping']);
      assert.deepEqual(metaAll(doc, 'article:author'), ['http://news.test/author/ines-calder']);
      assert.equal(meta(doc, 'twitter:card'), 'summary_large_image');
      assert.match(doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '', /six weeks/);
    });

    test('wire copy says what it is based on and whom it credits; no image means a small card', async () => {
      const s = t.services;
      const article = await buildArticle(s, {
        headline: 'Grain exports rise for a third month',
        section: 'business',
        wireSource: 'Meridian Press Agency',
        wireSourceUrl: 'https://wire.example/stories/grain-exports',
        creditLine: 'Meridian Press Agency with additional input by News Desk',
        published: new Date('2026-11-19T08:00:00Z'),
      });
      const { doc } = await getPage(t.app, urlOf(s, article));
      assertHead(doc);
      const news = ofType(jsonLd(doc), 'NewsArticle');
      assert.ok(news);
      assert.equal(news.isBasedOn, 'https://wire.example/stories/grain-exports');
      assert.deepEqual(news.sourceOrganization, { '@type': 'Organization', name: 'Meridian Press Agency' });
      assert.equal(news.creditText, 'Meridian Press Agency with additional input by News Desk');
      assert.deepEqual(news.author, [{ '@type': 'Organization', name: 'Meridian Press Agency' }]);
      assert.equal(news.image, undefined);
      assert.equal(news.dateModified, news.datePublished, 'never changed since publication');
      assert.equal(meta(doc, 'twitter:card'), 'summary');
      assert.equal(meta(doc, 'og:image'), undefined);
    });

    test('a headline that closes the script element stays inside the JSON-LD', async () => {
      const s = t.services;
      const headline = 'Test </script><script>alert(1)</script> & <!-- more';
      const article = await buildArticle(s, { headline, section: 'city', published: true });
      const { res, doc } = await getPage(t.app, urlOf(s, article));
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('<script>alert(1)'), 'no script element is opened by the headline');
      const scripts = [...doc.querySelectorAll('script')];
      assert.ok(
        scripts.every((el) => el.getAttribute('type') === 'application/ld+json' || el.getAttribute('src')),
        'every script on the page is a data block or our own file',
      );
      const news = ofType(jsonLd(doc), 'NewsArticle');
      assert.equal(news?.headline, headline, 'the JSON parses back to the exact headline');
      assert.equal(serializeJsonLd({ a: '</script>\u2028' }), '{"a":"\\u003c/script\\u003e\\u2028"}');
    });

    test('an article canonicalised elsewhere says so everywhere, once', async () => {
      const s = t.services;
      const article = await buildArticle(s, {
        headline: 'Syndicated analysis of the budget',
        canonicalUrl: 'https://partner.example/budget-analysis',
        published: true,
      });
      const { doc } = await getPage(t.app, urlOf(s, article));
      const canonicals = doc.querySelectorAll('link[rel="canonical"]');
      assert.equal(canonicals.length, 1);
      assert.equal(canonicals[0]?.getAttribute('href'), 'https://partner.example/budget-analysis');
      assert.equal(meta(doc, 'og:url'), 'https://partner.example/budget-analysis');
      const news = ofType(jsonLd(doc), 'NewsArticle');
      assert.deepEqual(news?.mainEntityOfPage, {
        '@type': 'WebPage',
        '@id': 'https://partner.example/budget-analysis',
      });
    });
  });

  test('the front page describes the site and its search, and the publication with its logo', async () => {
    const s = t.services;
    await buildArticle(s, { headline: 'Front page story', published: true });
    const png = await sharp({ create: { width: 600, height: 60, channels: 3, background: '#111111' } })
      .png()
      .toBuffer();
    const logo = await s.media.createImage(png, { alt: 'Newsdesk' });
    await s.settings.update({ logoImageId: logo.id });
    s.purgeBus.purgeAll();
    const { doc } = await getPage(t.app, '/');
    assert.equal(assertHead(doc), 'http://news.test/');
    assert.equal(meta(doc, 'og:type'), 'website');
    assert.equal(doc.querySelector('meta[name="description"]')?.getAttribute('content'), 'Independent news');
    const blocks = jsonLd(doc);
    const site = ofType(blocks, 'WebSite');
    assert.ok(site);
    assert.equal(site.url, 'http://news.test/');
    assert.equal(site.name, 'Newsdesk');
    const action = site.potentialAction as Json;
    assert.equal(action['@type'], 'SearchAction');
    assert.deepEqual(action.target, {
      '@type': 'EntryPoint',
      urlTemplate: 'http://news.test/search?q={search_term_string}',
    });
    assert.equal(action['query-input'], 'required name=search_term_string');
    const org = ofType(blocks, 'NewsMediaOrganization');
    assert.ok(org);
    assert.equal(org.name, 'Newsdesk');
    const orgLogo = org.logo as Json;
    assert.match(String(orgLogo.url), /^http:\/\/news\.test\/media\//);
    assert.match(meta(doc, 'og:image') ?? '', /^http:\/\/news\.test\/media\//);

    // The article's publisher carries the same logo.
    const article = await buildArticle(s, { headline: 'Story with a logo above it', published: true });
    const page = await getPage(t.app, urlOf(s, article));
    const publisher = ofType(jsonLd(page.doc), 'NewsArticle')?.publisher as Json;
    assert.deepEqual(publisher.logo, orgLogo);
    await s.settings.update({ logoImageId: null });
    s.purgeBus.purgeAll();
  });

  test('section pages have breadcrumbs; every page of a listing is its own canonical; listings are described', async () => {
    const s = t.services;
    const section = await s.taxonomy.createSection({ slug: 'weather', name: 'Weather', description: 'Forecasts.' });
    for (let i = 0; i < 21; i++) {
      await buildArticle(s, {
        headline: `Forecast ${i}`,
        section: section.slug,
        tags: ['rain'],
        authors: ['met-desk'],
        published: new Date(Date.UTC(2026, 10, 1, 8, i)),
      });
    }
    const first = await getPage(t.app, '/weather');
    assert.equal(assertHead(first.doc), 'http://news.test/weather');
    assert.equal(first.doc.querySelector('meta[name="description"]')?.getAttribute('content'), 'Forecasts.');
    const crumbs = ofType(jsonLd(first.doc), 'BreadcrumbList');
    assert.deepEqual(crumbs?.itemListElement, [
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'http://news.test/' },
      { '@type': 'ListItem', position: 2, name: 'Weather', item: 'http://news.test/weather' },
    ]);
    const second = await getPage(t.app, '/weather?page=2');
    assert.equal(assertHead(second.doc), 'http://news.test/weather?page=2');

    for (const path of ['/tag/rain', '/tag/rain?page=2', '/author/met-desk']) {
      const { res, doc } = await getPage(t.app, path);
      assert.equal(res.statusCode, 200, path);
      const canonical = assertHead(doc);
      assert.equal(canonical, `http://news.test${path}`);
      assert.equal(meta(doc, 'og:type'), 'website');
    }
  });
});
