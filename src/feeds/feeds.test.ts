import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor } from '../../test/helpers/factories.js';
import { getPage, urlOf } from '../../test/helpers/html.js';
import type { ArticleRecord } from '../articles/articles.service.js';
import type { BodyDoc } from '../articles/body/body.schema.js';
import { PageCache } from '../cache/page-cache.js';
import { ConfigError, loadConfig } from '../config.js';
import { absoluteHtml } from './feeds.render.js';
import { websubPingJob } from './feeds.websub.js';

// Elements a feed may repeat are always arrays, so a test never depends on how many there are.
const repeated = new Set([
  'rss.channel.atom:link',
  'rss.channel.item',
  'rss.channel.item.dc:creator',
  'rss.channel.item.category',
  'feed.link',
  'feed.entry',
  'feed.entry.link',
  'feed.entry.author',
  'feed.entry.category',
]);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (_name, jpath) => repeated.has(String(jpath)),
});

// biome-ignore lint/suspicious/noExplicitAny: parsed feeds are checked field by field below
type Parsed = any;

const rssDate =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

async function get(t: TestApp, url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers });
}

async function rss(t: TestApp, url: string): Promise<Parsed> {
  const res = await get(t, url);
  assert.equal(res.statusCode, 200, url);
  assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
  return xml.parse(res.body).rss;
}

async function atom(t: TestApp, url: string): Promise<Parsed> {
  const res = await get(t, url);
  assert.equal(res.statusCode, 200, url);
  assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
  return xml.parse(res.body).feed;
}

async function jsonFeed(t: TestApp, url: string): Promise<Parsed> {
  const res = await get(t, url);
  assert.equal(res.statusCode, 200, url);
  assert.equal(res.headers['content-type'], 'application/feed+json; charset=utf-8');
  return JSON.parse(res.body);
}

const rssTitles = (channel: Parsed): string[] => (channel.item ?? []).map((i: Parsed) => i.title);
const atomTitles = (feed: Parsed): string[] => (feed.entry ?? []).map((e: Parsed) => e.title['#text']);
const jsonTitles = (feed: Parsed): string[] => feed.items.map((i: Parsed) => i.title);

/** A body with the addresses the renderer writes relative: a "Read more" card and a figure. */
function richBody(readMoreId: number, imageId: number, text: string): BodyDoc {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      { type: 'readMore', attrs: { articleId: readMoreId } },
      { type: 'figure', attrs: { imageId } },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'the ferry timetable', marks: [{ type: 'link', attrs: { href: '/transport' } }] },
        ],
      },
    ],
  };
}

/** A stand-in WebSub hub: records every POST, and can be told to fail the next few. */
interface Hub {
  url: string;
  pings: { contentType: string; params: URLSearchParams }[];
  failNext: number;
  close(): Promise<void>;
}

async function startHub(): Promise<Hub> {
  const hub: Hub = {
    url: '',
    pings: [],
    failNext: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      if (hub.failNext > 0) {
        hub.failNext--;
        res.writeHead(503).end();
        return;
      }
      if (req.method === 'POST') {
        hub.pings.push({ contentType: String(req.headers['content-type']), params: new URLSearchParams(body) });
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return hub;
}

const feedsOf = (path: string) => ['xml', 'atom', 'json'].map((ext) => `http://news.test${path}/feed.${ext}`);

eachDialect('feeds', (dialect) => {
  let t: TestApp;
  const clock = testClock('2026-11-20T15:00:00Z');
  let image: { id: number };
  let lead: ArticleRecord;
  let earlier: ArticleRecord;

  before(async () => {
    t = await buildTestApp(dialect, { clock });
    const s = t.services;
    await buildAuthor(s, 'ines-calder', 'Inês Calder');
    await buildAuthor(s, 'tomas-reyes', 'Tomás Reyes');
    const png = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#3a6ea5' } })
      .png()
      .toBuffer();
    image = await s.media.createImage(png, {
      alt: 'Dredgers in the harbour at dawn',
      caption: 'The first dredger arrived on Monday.',
      credit: 'Photo: Ana Silva',
    });
    earlier = await buildArticle(s, {
      headline: 'Council approves harbour dredging plan',
      section: 'city',
      published: new Date('2026-11-10T09:00:00Z'),
    });
    lead = await buildArticle(s, {
      headline: 'Dredging of Calder Bay harbour begins',
      standfirst: 'The work will close the inner channel for six weeks.',
      section: 'city',
      authors: ['ines-calder', 'tomas-reyes'],
      tags: ['harbour'],
      featureImageId: image.id,
      body: richBody(earlier.id, image.id, 'Dredgers began deepening the harbour channel on Monday.'),
      creditLine: 'Meridian Press Agency with additional input by News Desk',
      wireSourceUrl: 'https://wire.example/harbour',
      published: new Date('2026-11-12T09:00:00Z'),
    });
  });
  after(() => t.close());

  describe('RSS 2.0', () => {
    test('the site feed has its channel, and items with full content, creators, categories and the image', async () => {
      const channel = (await rss(t, '/feed.xml')).channel;
      assert.equal(channel.title, 'Newsdesk');
      assert.equal(channel.link, 'http://news.test/');
      assert.ok(channel.description, 'the channel has a description');
      const self = channel['atom:link'].find((l: Parsed) => l['@_rel'] === 'self');
      assert.equal(self['@_href'], 'http://news.test/feed.xml');
      assert.equal(self['@_type'], 'application/rss+xml');
      assert.equal(
        channel['atom:link'].find((l: Parsed) => l['@_rel'] === 'hub'),
        undefined,
        'no hub is named when none is configured',
      );

      const item = channel.item.find((i: Parsed) => i.title === 'Dredging of Calder Bay harbour begins');
      assert.ok(item, 'the published article is an item');
      assert.equal(item.link, `http://news.test${urlOf(t.services, lead)}`);
      assert.equal(item.guid['@_isPermaLink'], 'false');
      assert.match(item.guid['#text'], /^tag:news\.test,2026-11-12:article:\d+$/);
      assert.equal(item.pubDate, 'Thu, 12 Nov 2026 09:00:00 GMT');
      assert.match(item.pubDate, rssDate);
      assert.deepEqual(item['dc:creator'], ['Inês Calder', 'Tomás Reyes']);
      assert.deepEqual(item.category, ['City', 'harbour']);
      assert.equal(item.description, 'The work will close the inner channel for six weeks.');

      const content: string = item['content:encoded'];
      assert.match(content, /Dredgers began deepening the harbour channel on Monday\./);
      assert.match(content, /Meridian Press Agency with additional input by News Desk/, 'the credit line is carried');
      assert.ok(
        content.includes(`href="http://news.test${urlOf(t.services, earlier)}"`),
        'the read-more card is absolute',
      );
      assert.ok(content.includes('href="http://news.test/transport"'), 'a link in the text is absolute');
      assert.match(content, /<img [^>]*src="http:\/\/news\.test\/media\//, 'the figure is absolute');
      assert.doesNotMatch(content, /(href|src)="\//, 'no relative address is left');
      assert.doesNotMatch(content, /srcset="[^"]*(^|,\s*)\//, 'nor in a srcset');

      const media = item['media:content'];
      assert.match(media['@_url'], /^http:\/\/news\.test\/media\/.+\.jpe?g$/);
      assert.equal(media['@_medium'], 'image');
      assert.equal(media['@_type'], 'image/jpeg');
      assert.equal(media['@_width'], '800', 'the largest JPEG variant of a 1000 px image');
      assert.equal(media['@_height'], '480');
      assert.equal(media['media:credit'], 'Photo: Ana Silva');
      assert.equal(item.enclosure['@_url'], media['@_url']);
      assert.equal(item.enclosure['@_type'], 'image/jpeg');
      assert.ok(Number(item.enclosure['@_length']) > 0, 'the enclosure gives its size in bytes');
      const picture = await get(t, new URL(media['@_url']).pathname);
      assert.equal(picture.statusCode, 200, 'the image address works');
      assert.equal(Number(item.enclosure['@_length']), picture.rawPayload.length);
    });

    test('a wire story without a byline names its agency as the creator', async () => {
      await buildArticle(t.services, {
        headline: 'Agency copy about tides',
        section: 'wire-only',
        wireSource: 'Meridian Press Agency',
        published: true,
      });
      const channel = (await rss(t, '/wire-only/feed.xml')).channel;
      assert.deepEqual(channel.item[0]['dc:creator'], ['Meridian Press Agency']);
    });
  });

  describe('Atom 1.0', () => {
    test('the feed has id, title, updated and self link; entries have id, title, updated, link, content and author', async () => {
      const feed = await atom(t, '/feed.atom');
      assert.ok(feed.id, 'feed id');
      assert.equal(feed.title['#text'], 'Newsdesk');
      assert.match(feed.updated, rfc3339);
      const self = feed.link.find((l: Parsed) => l['@_rel'] === 'self');
      assert.equal(self['@_href'], 'http://news.test/feed.atom');
      assert.ok(feed.author?.name ?? feed.entry.every((e: Parsed) => e.author), 'every entry has an author');

      const entry = feed.entry.find((e: Parsed) => e.title['#text'] === 'Dredging of Calder Bay harbour begins');
      assert.match(entry.id, /^tag:news\.test,2026-11-12:article:\d+$/);
      assert.equal(entry.updated, '2026-11-12T09:00:00Z');
      assert.equal(entry.published, '2026-11-12T09:00:00Z');
      const alternate = entry.link.find((l: Parsed) => l['@_rel'] === 'alternate');
      assert.equal(alternate['@_href'], `http://news.test${urlOf(t.services, lead)}`);
      assert.equal(entry.content['@_type'], 'html');
      assert.match(entry.content['#text'], /<p>Dredgers began deepening/);
      assert.deepEqual(
        entry.author.map((a: Parsed) => a.name),
        ['Inês Calder', 'Tomás Reyes'],
      );
      assert.equal(entry.author[0].uri, 'http://news.test/author/ines-calder');
      assert.equal(entry.summary['#text'], 'The work will close the inner channel for six weeks.');
      assert.deepEqual(
        entry.category.map((c: Parsed) => c['@_term']),
        ['City', 'harbour'],
      );
    });
  });

  describe('JSON Feed 1.1', () => {
    test('the feed has version, title, home page and feed addresses; items have what the spec asks', async () => {
      const feed = await jsonFeed(t, '/feed.json');
      assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(feed.title, 'Newsdesk');
      assert.equal(feed.home_page_url, 'http://news.test/');
      assert.equal(feed.feed_url, 'http://news.test/feed.json');
      assert.equal(feed.hubs, undefined);
      const item = feed.items.find((i: Parsed) => i.title === 'Dredging of Calder Bay harbour begins');
      assert.equal(typeof item.id, 'string');
      assert.match(item.id, /^tag:news\.test,2026-11-12:article:\d+$/);
      assert.equal(item.url, `http://news.test${urlOf(t.services, lead)}`);
      assert.match(item.content_html, /Dredgers began deepening/);
      assert.equal(item.summary, 'The work will close the inner channel for six weeks.');
      assert.equal(item.date_published, '2026-11-12T09:00:00Z');
      assert.match(item.date_modified, rfc3339);
      assert.deepEqual(item.authors, [
        { name: 'Inês Calder', url: 'http://news.test/author/ines-calder' },
        { name: 'Tomás Reyes', url: 'http://news.test/author/tomas-reyes' },
      ]);
      assert.deepEqual(item.tags, ['City', 'harbour']);
      assert.match(item.image, /^http:\/\/news\.test\/media\/.+\.jpe?g$/);
    });
  });

  describe('what a feed lists', () => {
    test('a section feed lists only its section, newest first; drafts and unpublished stories never appear', async () => {
      const s = t.services;
      await buildArticle(s, {
        headline: 'Gulls return',
        section: 'nature',
        published: new Date('2026-11-01T08:00:00Z'),
      });
      await buildArticle(s, {
        headline: 'Otters spotted',
        section: 'nature',
        published: new Date('2026-11-02T08:00:00Z'),
      });
      await buildArticle(s, { headline: 'Nature draft', section: 'nature' });
      const gone = await buildArticle(s, { headline: 'Nature withdrawn', section: 'nature', published: true });
      await s.articles.unpublishArticle(gone.id);
      await buildArticle(s, { headline: 'Markets rally', section: 'markets', published: true });

      const expected = ['Otters spotted', 'Gulls return'];
      assert.deepEqual(rssTitles((await rss(t, '/nature/feed.xml')).channel), expected);
      assert.deepEqual(atomTitles(await atom(t, '/nature/feed.atom')), expected);
      assert.deepEqual(jsonTitles(await jsonFeed(t, '/nature/feed.json')), expected);
      const site = jsonTitles(await jsonFeed(t, '/feed.json'));
      assert.ok(site.includes('Markets rally') && site.includes('Otters spotted'), 'the site feed lists every section');
      assert.ok(!site.includes('Nature draft') && !site.includes('Nature withdrawn'), 'but nothing unpublished');

      const channel = (await rss(t, '/nature/feed.xml')).channel;
      assert.equal(channel.link, 'http://news.test/nature');
      assert.equal(channel['atom:link'][0]['@_href'], 'http://news.test/nature/feed.xml');
      assert.match(channel.title, /Nature/);
    });

    test('topic and author feeds list their published stories', async () => {
      const s = t.services;
      await buildAuthor(s, 'mara-okonkwo', 'Mara Okonkwo');
      await buildArticle(s, {
        headline: 'Ferry timetable changes',
        section: 'transport',
        tags: ['ferries'],
        authors: ['mara-okonkwo'],
        published: true,
      });
      await buildArticle(s, {
        headline: 'Ferry draft',
        section: 'transport',
        tags: ['ferries'],
        authors: ['mara-okonkwo'],
      });
      await buildArticle(s, { headline: 'Bus news', section: 'transport', tags: ['buses'], published: true });

      assert.deepEqual(rssTitles((await rss(t, '/tag/ferries/feed.xml')).channel), ['Ferry timetable changes']);
      assert.deepEqual(atomTitles(await atom(t, '/author/mara-okonkwo/feed.atom')), ['Ferry timetable changes']);
      const feed = await jsonFeed(t, '/tag/ferries/feed.json');
      assert.equal(feed.home_page_url, 'http://news.test/tag/ferries');
      assert.equal(feed.feed_url, 'http://news.test/tag/ferries/feed.json');
    });

    test('an item keeps its id when its headline and slug change, and the feed follows the edit', async () => {
      const s = t.services;
      const article = await buildArticle(s, { headline: 'Original headline', section: 'edits', published: true });
      const before = {
        rss: (await rss(t, '/edits/feed.xml')).channel.item[0].guid['#text'],
        atom: (await atom(t, '/edits/feed.atom')).entry[0].id,
        json: (await jsonFeed(t, '/edits/feed.json')).items[0].id,
      };
      await s.articles.updateArticle(article.id, { headline: 'A better headline', slug: 'a-better-slug' });
      const channel = (await rss(t, '/edits/feed.xml')).channel;
      assert.equal(channel.item[0].title, 'A better headline', 'the edit purged the cached feed');
      assert.match(channel.item[0].link, /\/a-better-slug$/);
      assert.equal(channel.item[0].guid['#text'], before.rss);
      assert.equal((await atom(t, '/edits/feed.atom')).entry[0].id, before.atom);
      assert.equal((await jsonFeed(t, '/edits/feed.json')).items[0].id, before.json);
      assert.equal(before.rss, before.atom);
      assert.equal(before.atom, before.json);
    });

    test('a feed of a section, topic or author that does not exist is a 404', async () => {
      for (const url of [
        '/no-such-section/feed.xml',
        '/tag/no-such-topic/feed.atom',
        '/author/no-such-author/feed.json',
        '/tag/Not_A_Slug/feed.xml',
      ]) {
        const res = await get(t, url);
        assert.equal(res.statusCode, 404, url);
        assert.equal(JSON.parse(res.body).error.code, 'not_found', url);
      }
      assert.equal((await get(t, '/feed.xml?page=2')).statusCode, 400, 'a feed has no pages');
    });
  });

  describe('caching and conditional GET', () => {
    test('ETag and Last-Modified answer 304; If-None-Match wins over If-Modified-Since', async () => {
      const s = t.services;
      await buildArticle(s, { headline: 'Cached one', section: 'cached', published: new Date('2026-11-05T10:00:00Z') });
      const first = await get(t, '/cached/feed.xml');
      assert.equal(first.statusCode, 200);
      const etag = String(first.headers.etag);
      const lastModified = String(first.headers['last-modified']);
      assert.ok(etag, 'an ETag');
      assert.equal(lastModified, new Date(Date.parse(lastModified)).toUTCString(), 'an HTTP date');
      assert.match(String(first.headers['cache-control']), /public/);
      assert.match(String(first.headers['surrogate-key']), /\bsection:\d+\b/);
      assert.match(String(first.headers['surrogate-key']), /\barticle:\d+\b/);

      const byTag = await get(t, '/cached/feed.xml', { 'if-none-match': etag });
      assert.equal(byTag.statusCode, 304);
      assert.equal(byTag.body, '');
      assert.equal(byTag.headers.etag, etag);

      const byDate = await get(t, '/cached/feed.xml', { 'if-modified-since': lastModified });
      assert.equal(byDate.statusCode, 304);
      assert.equal(byDate.headers['last-modified'], lastModified);

      const older = new Date(Date.parse(lastModified) - 86400_000).toUTCString();
      assert.equal((await get(t, '/cached/feed.xml', { 'if-modified-since': older })).statusCode, 200);
      const both = await get(t, '/cached/feed.xml', { 'if-none-match': '"stale"', 'if-modified-since': lastModified });
      assert.equal(both.statusCode, 200, 'If-Modified-Since is ignored when If-None-Match is sent');
    });

    test('publishing purges the cached feed: the new item appears, and the old validators no longer match', async () => {
      const s = t.services;
      await buildArticle(s, {
        headline: 'First in purge',
        section: 'purging',
        published: new Date('2026-11-06T10:00:00Z'),
      });
      const first = await get(t, '/purging/feed.json');
      assert.equal(first.headers['x-cache'], 'MISS');
      const again = await get(t, '/purging/feed.json');
      assert.equal(again.headers['x-cache'], 'HIT');
      const siteBefore = await get(t, '/feed.xml');

      await buildArticle(s, { headline: 'Second in purge', section: 'purging', published: true });
      const after = await get(t, '/purging/feed.json', {
        'if-none-match': String(first.headers.etag),
        'if-modified-since': String(first.headers['last-modified']),
      });
      assert.equal(after.statusCode, 200);
      assert.deepEqual(jsonTitles(JSON.parse(after.body)), ['Second in purge', 'First in purge']);
      assert.ok(
        Date.parse(String(after.headers['last-modified'])) > Date.parse(String(first.headers['last-modified'])),
      );
      const byDate = await get(t, '/feed.xml', { 'if-modified-since': String(siteBefore.headers['last-modified']) });
      assert.equal(byDate.statusCode, 200, 'the site feed changed too');
      assert.match(byDate.body, /Second in purge/);
    });

    test('a change that moves no item time still moves Last-Modified', async () => {
      const s = t.services;
      await buildArticle(s, { headline: 'Stays', section: 'withdrawals', published: new Date('2026-11-03T10:00:00Z') });
      const older = await buildArticle(s, {
        headline: 'Goes',
        section: 'withdrawals',
        published: new Date('2026-11-02T10:00:00Z'),
      });
      const first = await get(t, '/withdrawals/feed.atom');
      await s.articles.unpublishArticle(older.id);
      const res = await get(t, '/withdrawals/feed.atom', {
        'if-modified-since': String(first.headers['last-modified']),
      });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(atomTitles(xml.parse(res.body).feed), ['Stays']);
    });
  });

  describe('autodiscovery', () => {
    const alternates = (doc: Awaited<ReturnType<typeof getPage>>['doc']) =>
      [...doc.querySelectorAll('head link[rel="alternate"]')].map((l) => ({
        type: l.getAttribute('type'),
        href: l.getAttribute('href'),
        title: l.getAttribute('title'),
      }));

    test('every page names the site feeds; section, topic and author pages their own as well', async () => {
      const site = [
        { type: 'application/rss+xml', href: 'http://news.test/feed.xml', title: 'Newsdesk (RSS)' },
        { type: 'application/atom+xml', href: 'http://news.test/feed.atom', title: 'Newsdesk (Atom)' },
        { type: 'application/feed+json', href: 'http://news.test/feed.json', title: 'Newsdesk (JSON Feed)' },
      ];
      assert.deepEqual(alternates((await getPage(t.app, '/')).doc), site);
      assert.deepEqual(alternates((await getPage(t.app, urlOf(t.services, lead))).doc), site);
      const section = alternates((await getPage(t.app, '/city')).doc);
      assert.deepEqual(section.slice(0, 3), site);
      assert.deepEqual(
        section.slice(3).map((l) => l.href),
        feedsOf('/city'),
      );
      assert.equal(section[3]?.title, 'Newsdesk – City (RSS)');
      assert.deepEqual(
        alternates((await getPage(t.app, '/tag/harbour')).doc)
          .slice(3)
          .map((l) => l.href),
        feedsOf('/tag/harbour'),
      );
      assert.deepEqual(
        alternates((await getPage(t.app, '/author/ines-calder')).doc)
          .slice(3)
          .map((l) => l.href),
        feedsOf('/author/ines-calder'),
      );
      const missing = await getPage(t.app, '/tag/no-such-topic');
      assert.equal(missing.res.statusCode, 404);
      assert.deepEqual(alternates(missing.doc), site, 'an error page does not advertise a feed that does not exist');
    });
  });

  test('without a hub, publishing queues no WebSub pings', async () => {
    await buildArticle(t.services, { headline: 'Quiet', section: 'quiet', published: true });
    await t.services.websub.settled();
    const queued = await t.services.db.kysely
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', websubPingJob)
      .execute();
    assert.equal(queued.length, 0);
    assert.equal((await get(t, '/quiet/feed.xml')).headers.link, undefined);
  });

  describe('WebSub', () => {
    let hub: Hub;
    let h: TestApp;
    const hubClock = testClock('2026-11-20T15:00:00Z');
    const pinged = () => hub.pings.map((p) => p.params.get('hub.url')).sort();
    /** Queued pings wait a moment (a burst of saves sends one): let it pass, then run them. */
    const runPings = async () => {
      await h.services.websub.settled();
      hubClock.advance(5_000);
      await h.services.jobs.runDue();
    };

    before(async () => {
      hub = await startHub();
      h = await buildTestApp(dialect, { clock: hubClock, env: { NEWSDESK_WEBSUB_HUB: hub.url } });
      await buildAuthor(h.services, 'ada-byron', 'Ada Byron');
    });
    after(async () => {
      await h.close();
      await hub.close();
    });

    test('feeds name the hub in the document and in Link headers', async () => {
      const res = await get(h, '/feed.xml');
      assert.equal(res.headers.link, `<${hub.url}>; rel="hub", <http://news.test/feed.xml>; rel="self"`);
      const channel = xml.parse(res.body).rss.channel;
      assert.equal(channel['atom:link'].find((l: Parsed) => l['@_rel'] === 'hub')['@_href'], hub.url);
      const feed = await atom(h, '/feed.atom');
      assert.equal(feed.link.find((l: Parsed) => l['@_rel'] === 'hub')['@_href'], hub.url);
      assert.deepEqual((await jsonFeed(h, '/feed.json')).hubs, [{ type: 'WebSub', url: hub.url }]);
    });

    test('publishing pings the hub once for every feed the story appears in', async () => {
      hub.pings.length = 0;
      const article = await buildArticle(h.services, {
        headline: 'Comet sighted',
        section: 'science',
        tags: ['space'],
        authors: ['ada-byron'],
        published: true,
      });
      await h.services.websub.settled();
      assert.equal(hub.pings.length, 0, 'nothing is sent before the short wait');
      await runPings();
      const expected = [
        ...feedsOf(''),
        ...feedsOf('/science'),
        ...feedsOf('/tag/space'),
        ...feedsOf('/author/ada-byron'),
      ];
      assert.deepEqual(pinged(), expected.sort());
      for (const ping of hub.pings) {
        assert.equal(ping.params.get('hub.mode'), 'publish');
        assert.match(ping.contentType, /^application\/x-www-form-urlencoded/);
      }

      // Two quick edits: one ping per feed, not two.
      hub.pings.length = 0;
      await h.services.articles.updateArticle(article.id, { headline: 'Comet sighted over the bay' });
      await h.services.articles.updateArticle(article.id, { standfirst: 'Seen from the harbour wall.' });
      await runPings();
      assert.deepEqual(pinged(), expected.sort());
    });

    test('editing a draft pings nothing', async () => {
      const draft = await buildArticle(h.services, { headline: 'Not yet', section: 'science', tags: ['space'] });
      hub.pings.length = 0;
      await h.services.articles.updateArticle(draft.id, { headline: 'Still not yet' });
      await runPings();
      assert.deepEqual(hub.pings, []);
    });

    test('a ping the hub refuses is retried with backoff', async () => {
      hub.pings.length = 0;
      hub.failNext = 1;
      await buildArticle(h.services, { headline: 'Retry me', section: 'retries', published: true });
      await runPings();
      const expected = [...feedsOf(''), ...feedsOf('/retries')].sort();
      assert.equal(hub.pings.length, expected.length - 1, 'one ping failed');
      hubClock.advance(60_000);
      await h.services.jobs.runDue();
      assert.deepEqual(pinged(), expected);
      const failed = await h.services.db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'failed')
        .execute();
      assert.equal(failed.length, 0);
    });
  });
});

describe('feed helpers', () => {
  test('absoluteHtml makes href, src and srcset absolute and leaves text and full addresses alone', () => {
    const html =
      '<p>See <a href="/world/2026/11/28/x?a=1&amp;b=2">this</a> and <a href="https://other.example/">that</a>, ' +
      'not href="/text".</p><img alt="a src=\'/no\' > b" src="/media/a-800.jpg" srcset="/media/a-480.jpg 480w, /media/a-800.jpg 800w">' +
      '<a href="#notes">notes</a><a href="mailto:desk@news.test">mail</a>';
    const out = absoluteHtml(html, 'https://news.test', 'https://news.test/world/2026/11/28/x');
    assert.ok(out.includes('href="https://news.test/world/2026/11/28/x?a=1&amp;b=2"'));
    assert.ok(out.includes('href="https://other.example/"'));
    assert.ok(out.includes('not href="/text".'), 'text is not markup');
    assert.ok(out.includes('alt="a src=\'/no\' > b"'), 'a value that looks like an attribute is left alone');
    assert.ok(out.includes('src="https://news.test/media/a-800.jpg"'));
    assert.ok(out.includes('srcset="https://news.test/media/a-480.jpg 480w, https://news.test/media/a-800.jpg 800w"'));
    assert.ok(out.includes('href="https://news.test/world/2026/11/28/x#notes"'));
    assert.ok(out.includes('href="mailto:desk@news.test"'));
  });

  test('the page cache answers If-Modified-Since from a stored Last-Modified', () => {
    const cache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    const lastModified = 'Thu, 12 Nov 2026 09:00:00 GMT';
    cache.store({
      url: '/dated',
      html: '<rss/>',
      keys: ['site'],
      headers: { 'content-type': 'application/rss+xml', 'last-modified': lastModified },
    });
    cache.store({ url: '/undated', html: '<rss/>', keys: ['site'], headers: { 'content-type': 'text/plain' } });
    const ask = (url: string, headers: Record<string, string>) => {
      const answer = { status: 0, headers: [] as (string | number)[] };
      const res = {
        writeHead(status: number, h: (string | number)[]) {
          answer.status = status;
          answer.headers = h;
          return this;
        },
        end() {
          return this;
        },
      } as unknown as http.ServerResponse;
      const req = { method: 'GET', url, headers } as unknown as http.IncomingMessage;
      assert.ok(cache.serve(req, res));
      return answer;
    };
    const same = ask('/dated', { 'if-modified-since': lastModified });
    assert.equal(same.status, 304);
    assert.ok(same.headers.includes('last-modified'));
    assert.equal(ask('/dated', { 'if-modified-since': 'Fri, 13 Nov 2026 00:00:00 GMT' }).status, 304);
    assert.equal(ask('/dated', { 'if-modified-since': 'Wed, 11 Nov 2026 09:00:00 GMT' }).status, 200);
    assert.equal(ask('/dated', { 'if-modified-since': 'not a date' }).status, 200);
    assert.equal(
      ask('/undated', { 'if-modified-since': lastModified }).status,
      200,
      'no Last-Modified, no 304 by date',
    );
  });

  test('NEWSDESK_WEBSUB_HUB must be an http(s) address, or empty for none', () => {
    assert.equal(loadConfig({}).websubHub, null);
    assert.equal(loadConfig({ NEWSDESK_WEBSUB_HUB: 'https://hub.example/' }).websubHub, 'https://hub.example/');
    assert.throws(() => loadConfig({ NEWSDESK_WEBSUB_HUB: 'ftp://hub.example/' }), ConfigError);
    assert.throws(() => loadConfig({ NEWSDESK_WEBSUB_HUB: 'not an address' }), ConfigError);
  });
});
