import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { adminUrl, eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { cardHeadlines, getPage, textOf, urlOf } from '../../test/helpers/html.js';
import { buildApp } from '../app.js';
import type { ArticleRecord } from '../articles/articles.service.js';
import { loadConfig } from '../config.js';
import { openPostgres } from '../db/database.js';

/** Asks until the condition holds, a bounded number of times; a purge crosses instances asynchronously. */
async function eventually(what: string, condition: () => boolean | Promise<boolean>, withinMs = 5000) {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`${what} did not happen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The x-cache a reader's request is answered with; a page never cached before becomes cached. */
async function xcache(app: FastifyInstance, url: string): Promise<string> {
  const { res } = await getPage(app, url);
  assert.equal(res.statusCode, 200, url);
  return String(res.headers['x-cache']);
}

/** Requests each page until the cache holds it, so the next request is a HIT. */
async function warm(app: FastifyInstance, urls: string[]) {
  for (const url of urls) {
    await xcache(app, url);
    assert.equal(await xcache(app, url), 'HIT', `${url} is cached`);
  }
}

eachDialect('purging the page cache', (dialect) => {
  let t: TestApp;
  let harbour: ArticleRecord;
  let ferry: ArticleRecord;
  let regatta: ArticleRecord;
  let stadium: ArticleRecord;
  before(async () => {
    t = await buildTestApp(dialect, { clock: testClock('2026-11-20T15:00:00Z') });
    const s = t.services;
    // No two stories share a distinctive word, so none is in another's related box.
    harbour = await buildArticle(s, {
      headline: 'Harbour dredging begins',
      section: 'city',
      tags: ['harbour'],
      text: 'Dredgers deepen the shipping channel.',
      published: new Date('2026-11-20T08:00:00Z'),
    });
    ferry = await buildArticle(s, {
      headline: 'Ferry timetable shortened',
      section: 'city',
      tags: ['ferries'],
      text: 'Winter crossings sail less often.',
      published: new Date('2026-11-20T09:00:00Z'),
    });
    regatta = await buildArticle(s, {
      headline: 'Rowing club wins regatta',
      section: 'sport',
      text: 'Oarsmen triumphed over visiting crews.',
      published: new Date('2026-11-20T10:00:00Z'),
    });
    stadium = await buildArticle(s, {
      headline: 'Stadium roof repaired',
      section: 'sport',
      text: 'Builders fixed leaking panels.',
      published: new Date('2026-11-20T11:00:00Z'),
    });
  });
  after(() => t.close());

  test('editing a headline refreshes exactly the pages that show the article', async () => {
    const s = t.services;
    const showing = [urlOf(s, harbour), '/city', '/tag/harbour', '/'];
    const notShowing = ['/sport', urlOf(s, regatta), urlOf(s, ferry), '/tag/ferries'];
    await warm(t.app, [...showing, ...notShowing]);

    await s.articles.updateArticle(harbour.id, { headline: 'Harbour dredging delayed by storms' });

    for (const url of showing) {
      const { res, doc } = await getPage(t.app, url);
      assert.equal(res.headers['x-cache'], 'MISS', `${url} shows the article and is rendered afresh`);
      const headlines = url === urlOf(s, harbour) ? [textOf(doc.querySelector('main h1'))] : cardHeadlines(doc);
      assert.ok(headlines.includes('Harbour dredging delayed by storms'), `${url} shows the new headline`);
      assert.ok(!headlines.includes('Harbour dredging begins'), `${url} no longer shows the old one`);
    }
    for (const url of notShowing) {
      assert.equal(await xcache(t.app, url), 'HIT', `${url} does not show the article and stays cached`);
    }
  });

  test('publishing purges the front page and its section, not unrelated sections or topics', async () => {
    const s = t.services;
    const unaffected = ['/sport', '/tag/harbour', urlOf(s, stadium), urlOf(s, harbour)];
    await warm(t.app, ['/', '/city', ...unaffected]);

    await buildArticle(s, {
      headline: 'Tram depot opens',
      section: 'city',
      text: 'Electric carriages arrive next spring.',
      published: new Date('2026-11-20T12:00:00Z'),
    });

    for (const url of ['/', '/city']) {
      const { res, doc } = await getPage(t.app, url);
      assert.equal(res.headers['x-cache'], 'MISS', url);
      assert.ok(cardHeadlines(doc).includes('Tram depot opens'), `${url} shows the new story`);
    }
    for (const url of unaffected) assert.equal(await xcache(t.app, url), 'HIT', url);
  });

  test('a change to an article’s related box refreshes its page only, not the listings that show its card', async () => {
    const s = t.services;
    const listings = ['/sport', '/'];
    await warm(t.app, [urlOf(s, regatta), ...listings]);

    await s.articles.setRelatedOverride(regatta.id, stadium.id, 'pin');

    const { res, doc } = await getPage(t.app, urlOf(s, regatta));
    assert.equal(res.headers['x-cache'], 'MISS', 'the article page is rendered afresh');
    const related = [...doc.querySelectorAll('.related .card__headline a')].map((a) => textOf(a));
    assert.ok(related.includes('Stadium roof repaired'), 'the pinned story is in the related box');
    for (const url of listings) {
      assert.equal(await xcache(t.app, url), 'HIT', `${url} shows the article’s card, which did not change`);
    }
  });

  test('twenty readers asking for a story at once, just after its edit, share one render and all get the new text', async () => {
    const s = t.services;
    const url = urlOf(s, ferry);
    await warm(t.app, [url]);
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const cache = s.cache;
    assert.ok(cache);
    await s.articles.updateArticle(ferry.id, { headline: 'Ferry timetable restored' });
    const stores = cache.stats.stores;
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await fetch(`${base}${url}`);
        return { status: res.status, cache: res.headers.get('x-cache'), html: await res.text() };
      }),
    );
    for (const a of answers) {
      assert.equal(a.status, 200);
      assert.match(a.html, /Ferry timetable restored/);
    }
    assert.equal(cache.stats.stores - stores, 1, 'the page was rendered and stored once');
    assert.equal(
      answers.filter((a) => a.cache === 'MISS').length,
      1,
      'one reader rendered it; the rest waited and were served its answer',
    );
  });
});

// LISTEN/NOTIFY is PostgreSQL's; on SQLite there is one process and purges stay local.
eachDialect('purges across instances', (dialect) => {
  if (dialect !== 'postgres') return;

  let t: TestApp;
  let second: FastifyInstance;
  let mediaDir: string;
  let article: ArticleRecord;
  const clock = testClock('2026-11-20T15:00:00Z');
  before(async () => {
    t = await buildTestApp(dialect, { clock });
    article = await buildArticle(t.services, {
      headline: 'Night buses return',
      section: 'transport',
      text: 'Late services resume on weekends.',
      published: new Date('2026-11-20T08:00:00Z'),
    });
    await buildArticle(t.services, {
      headline: 'Cricket season ends',
      section: 'sport',
      text: 'Bowlers rest until April.',
      published: new Date('2026-11-20T09:00:00Z'),
    });
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-media-'));
    const config = loadConfig({
      NEWSDESK_LOG_LEVEL: 'warn',
      NEWSDESK_MEDIA_DIR: mediaDir,
      NEWSDESK_PUBLIC_URL: 'http://news.test',
      DATABASE_URL: t.database.url,
    });
    second = await buildApp(config, { db: openPostgres(t.database.url), clock });
    await second.ready();
  });
  after(async () => {
    await second.close();
    await t.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  const cacheOf = (app: FastifyInstance) => {
    const cache = app.services.cache;
    assert.ok(cache, 'the page cache is on');
    return cache;
  };

  test('a purge on one instance reaches the other through LISTEN/NOTIFY', async () => {
    const url = urlOf(t.services, article);
    await warm(second, [url, '/transport', '/sport']);

    await t.services.articles.updateArticle(article.id, { headline: 'Night buses return for good' });

    await eventually('the purge reaching the second instance', () => !cacheOf(second).has(url));
    assert.equal(cacheOf(second).has('/transport'), false, 'the section page showing it is purged too');
    assert.ok(cacheOf(second).has('/sport'), 'a page not showing it stays cached there');
    const { res, doc } = await getPage(second, url);
    assert.equal(res.headers['x-cache'], 'MISS');
    assert.equal(textOf(doc.querySelector('main h1')), 'Night buses return for good');
  });

  test('a comment setting changed on one instance shows on the other’s pages at once, not a minute later', async () => {
    const url = urlOf(t.services, article);
    const form = async () => (await getPage(second, url)).doc.querySelector('form.comment-form');
    await t.services.comments.settings.update({ guestsAllowed: true });
    await eventually('the second instance showing the guest form', async () => (await form()) !== null);
    await t.services.comments.settings.update({ guestsAllowed: false });
    await eventually('the second instance asking readers to sign in', async () => {
      const { doc } = await getPage(second, url);
      return doc.querySelector('form.comment-form') === null && /Sign in to comment/.test(textOf(doc.body));
    });
    await t.services.comments.settings.update({ guestsAllowed: true });
  });

  test('an instance whose LISTEN connection drops keeps serving, forgets what it may have missed, and listens again', async () => {
    const url = urlOf(t.services, article);
    const database = new URL(t.database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const listeners = async () => {
        const { rows } = await admin.query<{ pid: number }>(
          `select pid from pg_stat_activity where datname = $1 and query = 'LISTEN newsdesk_purge'`,
          [database],
        );
        return rows.map((r) => r.pid);
      };
      await eventually('both instances listening', async () => (await listeners()).length === 2);
      await warm(second, ['/sport']);

      // What a database restart or failover does to every connection, here to the listeners only.
      for (const pid of await listeners()) await admin.query('select pg_terminate_backend($1)', [pid]);

      // Purges sent while it was not listening are lost, so once it listens again it starts afresh.
      await eventually(
        'the second instance dropping its pages after listening again',
        () => !cacheOf(second).has('/sport'),
      );
      assert.equal((await getPage(second, '/sport')).res.statusCode, 200, 'the instance kept serving');

      await warm(second, [url, '/sport']);
      await t.services.articles.updateArticle(article.id, { headline: 'Night buses here to stay' });
      await eventually('a purge reaching the reconnected instance', () => !cacheOf(second).has(url));
      assert.ok(cacheOf(second).has('/sport'), 'and the purge is as exact as before');
      assert.equal(textOf((await getPage(second, url)).doc.querySelector('main h1')), 'Night buses here to stay');
    } finally {
      await admin.end();
    }
  });
});
