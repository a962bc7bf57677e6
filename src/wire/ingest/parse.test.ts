import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wireFixture } from '../../../test/helpers/feed-server.js';
import { storySimilarity, storyTokens } from './cluster.js';
import { FeedError, parseFeed } from './parse.js';

const feedUrl = 'https://feeds.example.test/wire/top';

function only<T>(items: T[], index = 0): T {
  const item = items[index];
  assert.ok(item, `item ${index} exists`);
  return item;
}

describe('reading each feed format into one model', () => {
  test('RSS 2.0: content:encoded, dc:creator, media:content and enclosures', () => {
    const feed = parseFeed(wireFixture('harbour-rss.xml'), { feedUrl });
    assert.equal(feed.format, 'rss');
    assert.equal(feed.items.length, 2);
    const item = only(feed.items);
    assert.equal(item.sourceItemId, 'urn:hpa:2026:saltmere-cranes');
    assert.equal(item.url, 'https://wire.harbourpress.example/2026/11/28/saltmere-cranes');
    assert.equal(item.headline, 'Saltmere harbour cranes back in service after storm damage');
    assert.equal(item.summary, "Two container cranes at Saltmere harbour are working again after Tuesday's storm.");
    assert.match(item.bodyHtml, /^<p>SALTMERE \(HPA\) — Two container cranes/);
    assert.match(item.bodyText, /eastern quay\.\n\nEngineers/);
    assert.deepEqual(item.bylines, ['Maren Holt']);
    assert.deepEqual(
      item.subjects.map((s) => s.name),
      ['Shipping', 'Weather'],
    );
    assert.deepEqual(item.images[0], {
      url: 'https://img.harbourpress.example/saltmere-cranes-1600.jpg',
      caption: "Container cranes at Saltmere harbour's eastern quay.",
      credit: 'Ivo Lund/HPA',
      width: 1600,
      height: 900,
      mimeType: 'image/jpeg',
    });
    assert.equal(item.images[1]?.url, 'https://img.harbourpress.example/saltmere-quay-800.jpg', 'the enclosure');
    assert.equal(item.publishedAt, '2026-11-28T08:30:00.000Z');
    assert.equal(item.language, 'en-gb');
    assert.equal(item.pubStatus, 'usable');
    assert.deepEqual(item.problems, []);
    assert.match(item.raw, /^<item>/);
    assert.match(item.raw, /<content:encoded><!\[CDATA\[<p>SALTMERE/, 'the raw payload is the item as received');
    assert.match(item.raw, /<\/item>$/);
  });

  test('Atom: html titles become text, text content becomes paragraphs', () => {
    const feed = parseFeed(wireFixture('northern-atom.xml'), { feedUrl });
    assert.equal(feed.format, 'atom');
    const [cranes, quotas] = [only(feed.items, 0), only(feed.items, 1)];
    assert.equal(cranes.sourceItemId, 'tag:northernwire.example,2026:story/8841');
    assert.equal(cranes.headline, 'Saltmere harbour cranes return to service after storm damage');
    assert.equal(cranes.url, 'https://northernwire.example/stories/8841');
    assert.deepEqual(cranes.bylines, ['Anna Birk']);
    assert.equal(cranes.publishedAt, '2026-11-28T09:02:00.000Z');
    assert.equal(cranes.language, 'en');
    assert.equal(
      quotas.bodyHtml,
      "<p>BRENNHOLM — Negotiators from four coastal states met again on Saturday to divide next year's mackerel catch.</p><p>Officials expect a deal before the end of the month.</p>",
    );
    assert.match(quotas.raw, /^<entry>[\s\S]*<\/entry>$/);
  });

  test('JSON Feed 1.1: authors, tags, image, and "_" extensions kept', () => {
    const feed = parseFeed(wireFixture('coastline-feed.json'), { feedUrl: 'https://coastline.example/wire/feed.json' });
    assert.equal(feed.format, 'jsonfeed');
    const item = only(feed.items);
    assert.equal(item.sourceItemId, 'coastline-2026-11-28-lighthouse');
    assert.deepEqual(item.bylines, ['Pia Strand']);
    assert.deepEqual(
      item.subjects.map((s) => s.name),
      ['Museums', 'Heritage'],
    );
    assert.deepEqual(item.images, [{ url: 'https://coastline.example/img/lens.jpg' }]);
    assert.deepEqual(item.extensions, { _coastline: { desk: 'culture', priority: 3 } });
    assert.match(
      item.bodyHtml,
      /href="https:\/\/coastline\.example\/2026\/11\/28\/restoration-diary"/,
      'relative link made absolute',
    );
    assert.deepEqual(JSON.parse(item.raw).id, 'coastline-2026-11-28-lighthouse');
  });

  test('ninjs 1.x: flat fields, embargo, editorial note, agency extension', () => {
    const feed = parseFeed(wireFixture('meridian-ninjs1.json'));
    assert.equal(feed.format, 'ninjs');
    const item = only(feed.items);
    assert.equal(item.format, 'ninjs-1');
    assert.equal(item.headline, 'Finance minister to unveil harbour investment fund');
    assert.equal(item.sourceVersion, '1');
    assert.equal(item.embargoUntil, '2026-11-30T12:00:00.000Z');
    assert.equal(item.dateline, 'PORTHAVEN');
    assert.deepEqual(item.bylines, ['Lena Dahl']);
    assert.deepEqual(item.subjects, [{ name: 'Public finance', code: 'medtop:20000350' }]);
    assert.equal(item.edNote, 'Embargoed: do not publish before Monday noon.');
    assert.equal(item.usageTerms, 'Embargoed until 12:00 UTC on 30 November.');
    assert.equal(item.copyrightNotice, 'Copyright 2026 Meridian News Service');
    assert.deepEqual(item.extensions, { mns_desk: 'economy' });
  });

  test('ninjs 2.x: headlines and bodies arrays (HTML body preferred), picture association', () => {
    const item = only(parseFeed(wireFixture('meridian-ninjs2.json')).items);
    assert.equal(item.format, 'ninjs-2');
    assert.equal(item.headline, 'Rail unions call off weekend strike');
    assert.equal(item.sourceVersion, '3');
    assert.match(item.bodyHtml, /^<p>NORTHBY \(MNS\)/);
    assert.deepEqual(item.bylines, ['Ola Fjell']);
    assert.equal(item.images[0]?.url, 'https://img.meridian.example/rail-1600.jpg', 'the largest rendition');
    assert.equal(item.images[0]?.credit, 'Sam Orr/MNS');
    assert.deepEqual(item.extensions, {}, 'standard and infosources are ninjs, not extensions');
  });

  test('ninjs 3.x: camelCase fields, agency extension, and a kill', () => {
    const item = only(parseFeed(wireFixture('meridian-ninjs3.json')).items);
    assert.equal(item.format, 'ninjs-3');
    assert.equal(item.headline, 'Old Mill bridge closed for inspection');
    assert.equal(item.usageTerms, 'Mandatory credit: Meridian News Service.');
    assert.equal(item.edNote, 'Pictures to follow.');
    assert.deepEqual(item.extensions, { mnsPriority: { level: 2, desk: 'regions' } });
    const kill = only(parseFeed(wireFixture('meridian-ninjs3-kill.json')).items);
    assert.equal(kill.pubStatus, 'canceled');
    assert.deepEqual(kill.signals.sort(), ['correction', 'kill']);
  });

  test('the ninjs generation is read from the key shapes when not declared', () => {
    const v3 = only(
      parseFeed(JSON.stringify({ uri: 'urn:x:1', pubStatus: 'withheld', headlines: [{ value: 'Held' }] })).items,
    );
    assert.equal(v3.format, 'ninjs-3');
    assert.equal(v3.pubStatus, 'withheld');
    const v2 = only(
      parseFeed(JSON.stringify([{ uri: 'urn:x:2', headlines: [{ value: 'Two' }], pubstatus: 'usable' }])).items,
    );
    assert.equal(v2.format, 'ninjs-2');
    const v1 = only(
      parseFeed(JSON.stringify([{ uri: 'urn:x:3', headline: 'One', body_text: 'First para.\n\nSecond.' }])).items,
    );
    assert.equal(v1.format, 'ninjs-1');
    assert.equal(v1.bodyHtml, '<p>First para.</p><p>Second.</p>');
  });
});

describe('foreign copy is made safe', () => {
  const tram = () => only(parseFeed(wireFixture('harbour-rss.xml'), { feedUrl }).items, 1);

  test('no script, style, iframe, event handler or javascript: link survives', () => {
    const { bodyHtml, bodyText } = tram();
    for (const bad of ['<script', 'onerror', 'onclick', '<iframe', '<style', 'javascript:', 'document.cookie']) {
      assert.ok(!bodyHtml.toLowerCase().includes(bad.toLowerCase()), `no ${bad} in ${bodyHtml}`);
    }
    // An inline image keeps its place (adopting imports it) with an absolute address and nothing else.
    for (const img of bodyHtml.match(/<img[^>]*>/gi) ?? []) {
      assert.match(img, /^<img src="https:\/\/[^"]+"( alt="[^"]*")? \/>$/, img);
    }
    assert.ok(!bodyText.includes('evil.example'), 'script text is dropped, not shown');
    assert.match(bodyHtml, /Councillors voted 31 to 9/);
  });

  test('relative links are made absolute against the item address', () => {
    const item = tram();
    assert.equal(item.url, 'https://feeds.example.test/2026/11/28/eastvale-tram', 'the item link against the feed');
    assert.match(item.bodyHtml, /href="https:\/\/feeds\.example\.test\/documents\/eastvale-tram-plan\.pdf"/);
  });

  test('a relative link with nothing to resolve it against is removed and recorded', () => {
    const item = only(
      parseFeed(JSON.stringify([{ uri: 'urn:x', headline: 'H', body_html: '<p><a href="/elsewhere">see</a></p>' }]))
        .items,
    );
    assert.equal(item.bodyHtml, '<p><a>see</a></p>');
    assert.deepEqual(item.problems, ['The relative link "/elsewhere" could not be made absolute; it was removed']);
  });

  test('an invalid date is recorded as a problem, and the item is still read', () => {
    const item = tram();
    assert.equal(item.publishedAt, null);
    assert.deepEqual(item.problems, ['Invalid date "31/02/2026" in pubDate']);
    const rolled = only(
      parseFeed(JSON.stringify([{ uri: 'urn:y', headline: 'H', firstcreated: '2026-02-31T10:00:00Z' }])).items,
    );
    assert.deepEqual(rolled.problems, ['Invalid date "2026-02-31T10:00:00Z" in firstcreated']);
  });

  test('the headline is text: markup and entities are not carried into it', () => {
    assert.equal(tram().headline, 'Eastvale council approves tram line & new depot');
  });
});

describe('a whole feed that cannot be read says why', () => {
  const fails = (body: string, message: string | RegExp, opts = {}) =>
    assert.throws(
      () => parseFeed(body, opts),
      (error: unknown) =>
        error instanceof FeedError &&
        (typeof message === 'string' ? error.message === message : message.test(error.message)),
    );

  test('malformed XML names the line', () => {
    fails(wireFixture('malformed.xml'), /^Malformed XML at line 5: Expected closing tag 'item'/);
  });
  test('malformed JSON', () => {
    fails(wireFixture('malformed-json.txt'), /^Malformed JSON: /);
  });
  test('an HTML page', () => {
    fails(wireFixture('not-a-feed.html'), 'The response is HTML, not a feed');
    fails('<p>hello</p>', 'The response is HTML, not a feed', { contentType: 'text/html; charset=utf-8' });
  });
  test('XML that is not a feed, JSON that is not a feed, and plain text', () => {
    fails(
      '<?xml version="1.0"?><sitemap><url/></sitemap>',
      'The XML is not an RSS or Atom feed (it starts with <sitemap>)',
    );
    fails('{"hello": "world"}', /^The JSON is neither a JSON Feed nor ninjs/);
    fails('hello', 'The response is not a feed (neither XML nor JSON)');
    fails('', 'The response is empty');
  });
  test('external entities (XXE) are refused, and internal ones are never expanded', () => {
    const doctype = (entities: string) =>
      `<?xml version="1.0"?><!DOCTYPE rss [${entities}]><rss version="2.0"><channel><title>t</title>` +
      '<item><guid>g</guid><title>&x;</title><description>Text.</description></item></channel></rss>';
    fails(doctype('<!ENTITY x SYSTEM "file:///etc/passwd">'), /^The XML could not be read: External entities/);
    const laughs = doctype('<!ENTITY a "haha"><!ENTITY x "&a;&a;&a;&a;&a;&a;&a;&a;">');
    assert.equal(only(parseFeed(laughs).items).headline, '&x;');
  });
  test('a format other than the source is set to', () => {
    fails(wireFixture('northern-atom.xml'), 'The source is set to read RSS, but the feed is Atom', { format: 'rss' });
  });
});

describe('story similarity, for clustering', () => {
  const tokensOf = (file: string, index: number) => {
    const item = only(parseFeed(wireFixture(file), { feedUrl }).items, index);
    return storyTokens(item.headline, item.bodyText);
  };

  test('two agencies telling the same story are close; different stories are not', () => {
    const hpaCranes = tokensOf('harbour-rss.xml', 0);
    const nwCranes = tokensOf('northern-atom.xml', 0);
    const nwQuotas = tokensOf('northern-atom.xml', 1);
    const hpaTram = tokensOf('harbour-rss.xml', 1);
    assert.ok(storySimilarity(hpaCranes, nwCranes) >= 0.4, `same story: ${storySimilarity(hpaCranes, nwCranes)}`);
    assert.ok(storySimilarity(hpaCranes, nwQuotas) < 0.2, `different: ${storySimilarity(hpaCranes, nwQuotas)}`);
    assert.ok(storySimilarity(hpaTram, nwQuotas) < 0.2, `different: ${storySimilarity(hpaTram, nwQuotas)}`);
  });
});
