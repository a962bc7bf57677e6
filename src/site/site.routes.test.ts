import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildAuthor, buildSection } from '../../test/helpers/factories.js';
import { cardHeadlines, getPage, type Page, textOf, urlOf } from '../../test/helpers/html.js';

/** Every error a reader can meet is a page of the site: masthead, navigation, a way home. */
function assertSitePage(doc: Page, status: number) {
  assert.ok(doc.querySelector('header.masthead'), 'the error page has the masthead');
  assert.ok(doc.querySelector('nav.sections-nav'), 'and the section navigation');
  assert.equal(textOf(doc.querySelector('.error-page__code')), `Error ${status}`);
  assert.ok(doc.querySelector('.error-page a[href="/"]'), 'and a link to the front page');
}

eachDialect('reader pages', (dialect) => {
  let t: TestApp;
  const clock = testClock('2026-11-20T15:00:00Z');
  before(async () => {
    t = await buildTestApp(dialect, { clock });
  });
  after(() => t.close());

  describe('listings', () => {
    test('a section page lists its newest stories twenty at a time, with links between the pages', async () => {
      const s = t.services;
      const headlines: string[] = [];
      for (let i = 0; i < 25; i++) {
        const headline = `Archive item ${String(i).padStart(2, '0')}`;
        headlines.push(headline);
        await buildArticle(s, {
          headline,
          section: 'archive',
          text: `Archive entry number ${i}.`,
          published: new Date(Date.UTC(2026, 10, 1, 8, i)),
        });
      }
      await buildArticle(s, { headline: 'Elsewhere entirely', section: 'weather', published: true });
      const newestFirst = [...headlines].reverse();

      const first = await getPage(t.app, '/archive');
      assert.equal(first.res.statusCode, 200);
      assert.equal(textOf(first.doc.querySelector('main h1')), 'Archive');
      assert.deepEqual(cardHeadlines(first.doc), newestFirst.slice(0, 20));
      assert.equal(first.doc.querySelector('a[rel="next"]')?.getAttribute('href'), '/archive?page=2');
      assert.equal(first.doc.querySelector('a[rel="prev"]'), null);
      assert.equal(
        first.doc.querySelector('nav.sections-nav a[aria-current="page"]')?.getAttribute('href'),
        '/archive',
      );

      const second = await getPage(t.app, '/archive?page=2');
      assert.equal(second.res.statusCode, 200);
      assert.deepEqual(cardHeadlines(second.doc), newestFirst.slice(20));
      assert.equal(second.doc.querySelector('a[rel="prev"]')?.getAttribute('href'), '/archive');
      assert.equal(second.doc.querySelector('a[rel="next"]'), null);
      assert.match(textOf(second.doc.querySelector('title')), /^Archive, page 2 \|/);
      assert.equal(
        second.doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
        'http://news.test/archive?page=2',
        'page 2 is not presented to search engines as a copy of page 1',
      );
      assert.equal(first.doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), 'http://news.test/archive');

      const beyond = await getPage(t.app, '/archive?page=3');
      assert.equal(beyond.res.statusCode, 404);
      assertSitePage(beyond.doc, 404);
    });

    test('a page number that is not a whole number from 1 is a 400 page on every listing, never a 500', async () => {
      const s = t.services;
      await buildArticle(s, {
        section: 'listings',
        tags: ['page-numbers'],
        authors: ['page-counter'],
        story: 'paging-story',
        published: true,
      });
      const bad = ['abc', '0', '-1', '99999999', '1.5', '', '1&page=2'];
      for (const base of ['/listings', '/tag/page-numbers', '/author/page-counter', '/story/paging-story']) {
        assert.equal((await getPage(t.app, base)).res.statusCode, 200, base);
        for (const value of bad) {
          const url = `${base}?page=${value}`;
          const { res, doc } = await getPage(t.app, url);
          assert.equal(res.statusCode, 400, url);
          assert.match(String(res.headers['content-type']), /^text\/html/, url);
          assert.equal(res.headers['cache-control'], 'no-cache', url);
          assertSitePage(doc, 400);
        }
      }
    });

    test('tag, author and story pages list their published stories and nothing else', async () => {
      const s = t.services;
      await buildAuthor(s, 'mara-okonkwo', 'Mara Okonkwo');
      const tagged = await buildArticle(s, {
        headline: 'Ferry timetable changes for winter',
        section: 'transport',
        tags: ['ferries'],
        authors: ['mara-okonkwo'],
        story: 'ferry-strike',
        published: true,
      });
      await buildArticle(s, {
        headline: 'Ferry draft not yet published',
        section: 'transport',
        tags: ['ferries'],
        authors: ['mara-okonkwo'],
        story: 'ferry-strike',
      });
      await buildArticle(s, { headline: 'Unrelated bus news', section: 'transport', tags: ['buses'], published: true });

      const tag = await getPage(t.app, '/tag/ferries');
      assert.equal(tag.res.statusCode, 200);
      assert.equal(textOf(tag.doc.querySelector('main h1')), 'ferries');
      assert.equal(textOf(tag.doc.querySelector('.listing-header__kicker')), 'Topic');
      assert.deepEqual(cardHeadlines(tag.doc), ['Ferry timetable changes for winter']);
      assert.equal(tag.doc.querySelector('.card__headline a')?.getAttribute('href'), urlOf(s, tagged));

      const author = await getPage(t.app, '/author/mara-okonkwo');
      assert.equal(author.res.statusCode, 200);
      assert.equal(textOf(author.doc.querySelector('main h1')), 'Mara Okonkwo');
      assert.deepEqual(cardHeadlines(author.doc), ['Ferry timetable changes for winter']);

      const story = await getPage(t.app, '/story/ferry-strike');
      assert.equal(story.res.statusCode, 200);
      assert.equal(textOf(story.doc.querySelector('main h1')), 'ferry strike');
      assert.equal(textOf(story.doc.querySelector('.listing-header__kicker')), 'Developing story');
      assert.deepEqual(cardHeadlines(story.doc), ['Ferry timetable changes for winter']);
    });
  });

  describe('article page', () => {
    test('shows headline, standfirst, bylines, times, image, corrections, credit, topics, thread, related and comments', async () => {
      const s = t.services;
      await buildAuthor(s, 'ines-calder', 'Inês Calder');
      await buildAuthor(s, 'tomas-reyes', 'Tomás Reyes');
      const png = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#3a6ea5' } })
        .png()
        .toBuffer();
      const image = await s.media.createImage(png, {
        alt: 'Dredgers in the harbour at dawn',
        caption: 'The first dredger arrived on Monday.',
        credit: 'Photo: Ana Silva',
      });
      const earlier = await buildArticle(s, {
        headline: 'Council approves harbour dredging plan',
        section: 'city',
        story: 'harbour-dredging',
        text: 'Councillors voted for the dredging of the harbour channel.',
        published: new Date('2026-11-10T09:00:00Z'),
      });
      const related = await buildArticle(s, {
        headline: 'Shipping firms weigh the cost of dredging delays',
        section: 'business',
        text: 'Dredging of the harbour channel worries shipping firms.',
        published: new Date('2026-11-11T09:00:00Z'),
      });
      const article = await buildArticle(s, {
        headline: 'Dredging of Calder Bay harbour begins',
        standfirst: 'The work will close the inner channel for six weeks.',
        section: 'city',
        authors: ['ines-calder', 'tomas-reyes'],
        tags: ['harbour'],
        story: 'harbour-dredging',
        featureImageId: image.id,
        creditLine: 'Meridian Press Agency with additional input by News Desk',
        text: 'Dredgers began deepening the harbour channel on Monday.',
        published: new Date('2026-11-12T09:00:00Z'),
      });
      const later = await buildArticle(s, {
        headline: 'Harbour dredging finds a wartime wreck',
        section: 'city',
        story: 'harbour-dredging',
        text: 'The dredging of the harbour channel turned up a wreck.',
        published: new Date('2026-11-14T09:00:00Z'),
      });
      await s.articles.setRelatedOverride(article.id, related.id, 'pin');
      await s.articles.addNote(article.id, {
        kind: 'correction',
        body: 'An earlier version gave the wrong length for the channel closure.',
        at: new Date('2026-11-13T10:00:00Z'),
      });

      const url = urlOf(s, article);
      assert.match(url, /^\/city\/2026\/11\/12\/dredging-of-calder-bay-harbour-begins$/);
      const { res, doc } = await getPage(t.app, url);
      assert.equal(res.statusCode, 200);

      assert.equal(textOf(doc.querySelector('main h1')), 'Dredging of Calder Bay harbour begins');
      assert.equal(doc.querySelectorAll('h1').length, 1, 'the headline is the only h1');
      assert.equal(textOf(doc.querySelector('title')), 'Dredging of Calder Bay harbour begins | Newsdesk');
      assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), `http://news.test${url}`);
      assert.equal(
        textOf(doc.querySelector('.article__standfirst')),
        'The work will close the inner channel for six weeks.',
      );

      const byline = doc.querySelector('.article__meta .byline');
      assert.equal(textOf(byline), 'By Inês Calder and Tomás Reyes');
      assert.deepEqual(
        [...(byline?.querySelectorAll('a[rel="author"]') ?? [])].map((a) => a.getAttribute('href')),
        ['/author/ines-calder', '/author/tomas-reyes'],
      );

      const times = [...doc.querySelectorAll('.article__times time')];
      assert.equal(times.length, 2);
      assert.equal(times[0]?.getAttribute('datetime'), '2026-11-12T09:00:00.000Z');
      assert.match(textOf(times[0]), /^Published November 12, 2026/);
      assert.equal(times[1]?.getAttribute('datetime'), '2026-11-13T10:00:00.000Z');
      assert.match(textOf(times[1]), /^Updated November 13, 2026/);

      const img = doc.querySelector('.article__image img');
      assert.ok(img, 'the feature image is shown');
      assert.equal(img.getAttribute('alt'), 'Dredgers in the harbour at dawn');
      assert.equal(img.getAttribute('width'), '1000');
      assert.equal(img.getAttribute('height'), '600');
      assert.match(img.getAttribute('srcset') ?? '', /\.jpg 480w, .*\.jpg 800w$/);
      assert.notEqual(img.getAttribute('loading'), 'lazy', 'the image above the fold is not lazy');
      assert.ok(doc.querySelector('.article__image source[type="image/avif"]')?.getAttribute('srcset'));
      assert.ok(doc.querySelector('.article__image source[type="image/webp"]')?.getAttribute('srcset'));
      assert.equal(
        textOf(doc.querySelector('.article__image .figure__caption')),
        'The first dredger arrived on Monday.',
      );
      assert.equal(textOf(doc.querySelector('.article__image .figure__credit')), 'Photo: Ana Silva');
      const file = await t.app.inject(img.getAttribute('src') ?? '');
      assert.equal(file.statusCode, 200, 'the image the page points at is served');
      assert.equal(file.headers['content-type'], 'image/jpeg');

      assert.equal(textOf(doc.querySelector('.notes h2')), 'Corrections and updates');
      assert.equal(
        textOf(doc.querySelector('.notes .note--correction p')),
        'An earlier version gave the wrong length for the channel closure.',
      );
      assert.equal(
        textOf(doc.querySelector('.article__credit')),
        'Meridian Press Agency with additional input by News Desk',
      );
      const tags = [...doc.querySelectorAll('.article__tags a')];
      assert.deepEqual(
        tags.map((a) => [a.getAttribute('href'), textOf(a)]),
        [['/tag/harbour', 'harbour']],
      );

      const thread = doc.querySelector('.thread');
      assert.ok(thread, 'the story thread is shown');
      assert.equal(thread.querySelector('h2 a')?.getAttribute('href'), '/story/harbour-dredging');
      assert.deepEqual(
        [...thread.querySelectorAll('.thread__label')].map((h) => textOf(h)),
        ['Since this story', 'Earlier'],
      );
      const [laterList, earlierList] = [...thread.querySelectorAll('ol.thread__list')];
      assert.deepEqual(
        [...(laterList?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href')),
        [urlOf(s, later)],
      );
      assert.deepEqual(
        [...(earlierList?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href')),
        [urlOf(s, earlier)],
      );

      const relatedBox = doc.querySelector('.related');
      assert.ok(relatedBox, 'the related box is shown');
      assert.equal(textOf(relatedBox.querySelector('h2')), 'Related stories');
      assert.equal(relatedBox.querySelector('.card__headline a')?.getAttribute('href'), urlOf(s, related));

      assert.equal(
        textOf(doc.querySelector('#comments .comments__invite')),
        'What are your views on this? Share them in the comments below.',
      );
    });

    test('an unknown slug, an unknown section and an unknown path answer a 404 page in the site design', async () => {
      const s = t.services;
      await buildSection(s, 'city');
      for (const url of [
        '/city/2026/11/20/no-such-story',
        '/no-such-section',
        '/tag/no-such-topic',
        '/author/no-such-person',
        '/story/no-such-story',
        '/tag/Not_A_Slug',
        '/city/2026/1/20/bad-date',
        '/no/such/path',
      ]) {
        const { res, doc } = await getPage(t.app, url);
        assert.equal(res.statusCode, 404, url);
        assert.match(String(res.headers['content-type']), /^text\/html/, url);
        assert.equal(res.headers['cache-control'], 'no-cache', url);
        assert.equal(doc.querySelector('meta[name="robots"]')?.getAttribute('content'), 'noindex', url);
        assertSitePage(doc, 404);
      }
    });

    test('a draft is not on the site: its address is a 404', async () => {
      const draft = await buildArticle(t.services, { headline: 'Not ready yet', section: 'city' });
      const { res } = await getPage(t.app, `/city/2026/11/20/${draft.slug}`);
      assert.equal(res.statusCode, 404);
    });

    test('an unpublished article answers 410 Gone and leaves its section page', async () => {
      const s = t.services;
      const article = await buildArticle(s, {
        headline: 'Withdrawn claim about tides',
        section: 'science',
        published: true,
      });
      const url = urlOf(s, article);
      assert.equal((await getPage(t.app, url)).res.statusCode, 200);
      assert.ok(cardHeadlines((await getPage(t.app, '/science')).doc).includes('Withdrawn claim about tides'));

      await s.articles.unpublishArticle(article.id);

      const { res, doc } = await getPage(t.app, url);
      assert.equal(res.statusCode, 410);
      assertSitePage(doc, 410);
      assert.ok(!cardHeadlines((await getPage(t.app, '/science')).doc).includes('Withdrawn claim about tides'));
    });

    test('after a slug change the old address redirects permanently to the new one', async () => {
      const s = t.services;
      const article = await buildArticle(s, {
        headline: 'Bridge repairs start',
        slug: 'bridge-repairs-start',
        section: 'city',
        published: true,
      });
      const oldUrl = urlOf(s, article);
      assert.equal((await getPage(t.app, oldUrl)).res.statusCode, 200);

      const renamed = await s.articles.updateArticle(article.id, { slug: 'bridge-repairs-delayed' });
      const newUrl = urlOf(s, renamed);
      assert.notEqual(newUrl, oldUrl);

      const moved = await getPage(t.app, oldUrl);
      assert.equal(moved.res.statusCode, 301);
      assert.equal(moved.res.headers.location, newUrl);
      const now = await getPage(t.app, newUrl);
      assert.equal(now.res.statusCode, 200);
      assert.equal(textOf(now.doc.querySelector('main h1')), 'Bridge repairs start');
    });

    test('a wrong date or section in the address redirects permanently to the canonical one', async () => {
      const s = t.services;
      await buildSection(s, 'sport');
      const article = await buildArticle(s, {
        headline: 'Rowing club wins the bay regatta',
        section: 'city',
        published: new Date('2026-11-15T12:00:00Z'),
      });
      const canonical = urlOf(s, article);
      for (const wrong of [
        `/city/2026/11/16/${article.slug}`,
        `/sport/2026/11/15/${article.slug}`,
        `/no-such-section/2025/01/01/${article.slug}`,
      ]) {
        const { res } = await getPage(t.app, wrong);
        assert.equal(res.statusCode, 301, wrong);
        assert.equal(res.headers.location, canonical, wrong);
      }
    });
  });

  test('pages carry their content type, security policy, caching rules and surrogate keys', async () => {
    const s = t.services;
    const article = await buildArticle(s, {
      headline: 'Library extends opening hours',
      section: 'culture',
      tags: ['libraries'],
      authors: ['li-wen'],
      story: 'library-hours',
      published: true,
    });
    const pages: [string, string][] = [
      ['/', 'front'],
      ['/culture', `section:${article.section_id}`],
      [urlOf(s, article), `article:${article.id}`],
      ['/tag/libraries', 'tag:'],
      ['/author/li-wen', 'author:'],
      ['/story/library-hours', 'story:'],
    ];
    for (const [url, key] of pages) {
      const first = await getPage(t.app, url);
      assert.equal(first.res.statusCode, 200, url);
      const h = first.res.headers;
      assert.equal(h['content-type'], 'text/html; charset=utf-8', url);
      const csp = String(h['content-security-policy'] ?? '');
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      assert.match(scriptSrc, /'self'/, url);
      assert.doesNotMatch(scriptSrc, /unsafe-inline/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.match(String(h['cache-control']), /\bs-maxage=\d+/, url);
      assert.match(String(h['cache-control']), /\bstale-while-revalidate=\d+/, url);
      const keys = String(h['surrogate-key']).split(' ');
      assert.ok(keys.includes('site'), url);
      assert.ok(
        keys.some((k) => k.startsWith(key)),
        `${url} carries ${key}: ${keys.join(' ')}`,
      );
      assert.ok(keys.includes(`article:${article.id}`), `${url} names the article it shows`);
      assert.match(String(h.etag), /^"[^"]+"$/, url);
      assert.match(String(h.vary), /Accept-Encoding/, url);
      assert.equal(h['x-cache'], 'MISS', url);

      const again = await getPage(t.app, url);
      assert.equal(again.res.headers['x-cache'], 'HIT', url);
      assert.equal(again.res.headers.etag, h.etag, url);
      assert.equal(again.res.headers['content-security-policy'], csp, url);
      assert.equal(again.res.headers['cache-control'], h['cache-control'], url);
      assert.equal(again.res.body, first.res.body, url);

      const revalidated = await t.app.inject({ url, headers: { 'if-none-match': String(h.etag) } });
      assert.equal(revalidated.statusCode, 304, url);
    }
  });

  test('API paths and unknown routes asked for JSON answer JSON errors with a code', async () => {
    for (const [url, accept] of [
      ['/api/articles/123', 'application/json'],
      ['/api/nothing/here', 'text/html,*/*'],
      ['/no/such/route', 'application/json'],
    ] as const) {
      const res = await t.app.inject({ url, headers: { accept } });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/json/, url);
      assert.equal(res.json().error.code, 'not_found', url);
    }
  });
});

eachDialect('front page', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { clock: testClock('2026-11-20T15:00:00Z') });
  });
  after(() => t.close());

  test('shows the pinned top story, featured stories, the latest and a block per section', async () => {
    const s = t.services;
    await buildSection(s, 'world', 'World');
    await buildSection(s, 'sport', 'Sport');
    await buildSection(s, 'empty', 'Empty');
    const top = await buildArticle(s, {
      headline: 'Storm barrier holds as surge peaks',
      section: 'world',
      frontPageSlot: 0,
      published: new Date('2026-11-19T06:00:00Z'),
    });
    const featured = await buildArticle(s, {
      headline: 'Mayor sets out budget',
      section: 'world',
      frontPageSlot: 1,
      published: new Date('2026-11-19T07:00:00Z'),
    });
    const latest: string[] = [];
    for (let i = 0; i < 6; i++) {
      const headline = `Match report ${i}`;
      latest.push(headline);
      await buildArticle(s, { headline, section: 'sport', published: new Date(Date.UTC(2026, 10, 20, 8, i)) });
    }
    const draft = await buildArticle(s, { headline: 'Unpublished draft', section: 'world' });

    const { res, doc } = await getPage(t.app, '/');
    assert.equal(res.statusCode, 200);
    assert.equal(textOf(doc.querySelector('h1.masthead__title')), 'Newsdesk');

    const lead = doc.querySelector('.front__top .card--lead');
    assert.equal(textOf(lead?.querySelector('.card__headline')), 'Storm barrier holds as surge peaks');
    assert.equal(lead?.querySelector('.card__headline a')?.getAttribute('href'), urlOf(s, top));

    const featuredHeadlines = cardHeadlines(doc, '.front__featured');
    assert.equal(featuredHeadlines[0], 'Mayor sets out budget', 'slot 1 leads the featured stories');
    assert.equal(featuredHeadlines.length, 4, 'the newest stories fill the featured slots');
    assert.deepEqual(featuredHeadlines.slice(1), ['Match report 5', 'Match report 4', 'Match report 3']);

    const latestHeadlines = cardHeadlines(doc, '.front__latest');
    assert.deepEqual(latestHeadlines, ['Match report 2', 'Match report 1', 'Match report 0']);
    assert.ok(!latestHeadlines.includes(textOf(lead?.querySelector('.card__headline'))), 'no story is shown twice');

    const sections = [...doc.querySelectorAll('.front__sections .section-block')];
    assert.deepEqual(
      sections.map((b) => b.querySelector('h2 a')?.getAttribute('href')),
      ['/world', '/sport'],
      'a block per section with stories, in navigation order',
    );
    assert.deepEqual(cardHeadlines(doc, '.section-block[aria-labelledby="sec-world"]'), [
      featured.headline,
      top.headline,
    ]);
    assert.deepEqual(
      cardHeadlines(doc, '.section-block[aria-labelledby="sec-sport"]'),
      latest.toReversed().slice(0, 4),
    );

    assert.ok(!res.body.includes(draft.headline), 'drafts are not on the front page');
  });
});

// 23:30 UTC on Saturday 28 November is still Saturday in New York and already Sunday in Tokyo;
// 02:00 UTC on Sunday is still Saturday evening in New York.
const mastheadCases = [
  ['2026-11-28T23:30:00Z', 'America/New_York', 'Saturday, November 28, 2026', '2026-11-28'],
  ['2026-11-28T23:30:00Z', 'Asia/Tokyo', 'Sunday, November 29, 2026', '2026-11-29'],
  ['2026-11-29T02:00:00Z', 'America/New_York', 'Saturday, November 28, 2026', '2026-11-28'],
] as const;

eachDialect('masthead date', (dialect) => {
  for (const [now, timeZone, shown, datetime] of mastheadCases) {
    test(`at ${now} in ${timeZone} it is ${shown}`, async () => {
      const t = await buildTestApp(dialect, { env: { NEWSDESK_TIMEZONE: timeZone }, clock: testClock(now) });
      try {
        const { res, doc } = await getPage(t.app, '/');
        assert.equal(res.statusCode, 200);
        const time = doc.querySelector('.masthead__date time');
        assert.equal(textOf(time), shown);
        assert.equal(time?.getAttribute('datetime'), datetime);
      } finally {
        await t.close();
      }
    });
  }
});

eachDialect('breaking bar', (dialect) => {
  let t: TestApp;
  const clock = testClock('2026-11-28T12:00:00Z');
  before(async () => {
    t = await buildTestApp(dialect, { clock });
  });
  after(() => t.close());

  const bar = async (url: string) => {
    const { res, doc } = await getPage(t.app, url);
    assert.equal(res.statusCode, 200, url);
    return [...doc.querySelectorAll('section.breaking a')].map((a) => textOf(a));
  };

  test('appears on every page while a breaking story is live, and goes when it expires', async () => {
    const s = t.services;
    const calm = await buildArticle(s, { headline: 'Quiet day at the market', section: 'city', published: true });
    assert.deepEqual(await bar('/'), [], 'no bar without a breaking story');
    assert.deepEqual(await bar(urlOf(s, calm)), []);

    await buildArticle(s, {
      headline: 'Old alert that already expired',
      section: 'city',
      isBreaking: true,
      breakingUntil: '2026-11-28T11:00:00.000Z',
      published: true,
    });
    assert.deepEqual(await bar('/'), [], 'an expired breaking story is not shown');

    const breaking = await buildArticle(s, {
      headline: 'Bridge closed after ship strike',
      section: 'city',
      isBreaking: true,
      breakingUntil: '2026-11-28T13:00:00.000Z',
      published: true,
    });
    assert.deepEqual(await bar('/'), ['Bridge closed after ship strike']);
    assert.deepEqual(await bar('/city'), ['Bridge closed after ship strike']);
    assert.deepEqual(await bar(urlOf(s, calm)), ['Bridge closed after ship strike']);
    assert.deepEqual(await bar('/'), ['Bridge closed after ship strike'], 'and from the cache');

    clock.set('2026-11-28T13:00:01Z');
    assert.deepEqual(await bar('/'), [], 'the bar goes when the story stops being breaking');
    assert.deepEqual(await bar('/city'), []);
    assert.deepEqual(await bar(urlOf(s, calm)), []);
    assert.deepEqual(await bar(urlOf(s, breaking)), []);
  });

  test('goes as soon as an editor takes the story off breaking', async () => {
    const s = t.services;
    const breaking = await buildArticle(s, {
      headline: 'Power cut across the east side',
      section: 'city',
      isBreaking: true,
      published: true,
    });
    assert.deepEqual(await bar('/'), ['Power cut across the east side']);
    assert.deepEqual(await bar('/city'), ['Power cut across the east side']);

    await s.articles.updateArticle(breaking.id, { isBreaking: false });
    assert.deepEqual(await bar('/'), []);
    assert.deepEqual(await bar('/city'), []);
  });
});

eachDialect('conditional requests on a cache miss', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
    await buildArticle(t.services, { section: 'news', published: true, headline: 'Conditional' });
  });
  after(() => t.close());

  test('a client holding the current copy gets 304 even right after a purge', async () => {
    const first = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    const etag = String(first.headers.etag);
    assert.ok(etag);
    t.services.purgeBus.purgeAll();
    const again = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    assert.equal(again.headers['x-cache'], 'MISS', 'rendered afresh');
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    await buildArticle(t.services, { section: 'news', published: true, headline: 'Something new' });
    const changed = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200, 'a changed page is sent in full');
  });
});

eachDialect('conditional requests without the page cache', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { env: { NEWSDESK_PAGE_CACHE: 'false' } });
    await buildArticle(t.services, { section: 'news', published: true, headline: 'Uncached' });
  });
  after(() => t.close());

  test('pages and feeds still carry an ETag and answer 304 to a client holding them', async () => {
    for (const url of ['/', '/feed.xml', '/sitemap.xml']) {
      const first = await t.app.inject(url);
      assert.equal(first.statusCode, 200, url);
      const etag = String(first.headers.etag ?? '');
      assert.match(etag, /^"[\w-]{20}"$/, url);
      const again = await t.app.inject({ url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304, url);
    }
  });
});
