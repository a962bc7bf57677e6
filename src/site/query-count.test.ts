import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { testClock } from '../../test/helpers/clock.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildSection } from '../../test/helpers/factories.js';
import { urlOf } from '../../test/helpers/html.js';
import type { ArticleRecord } from '../articles/articles.service.js';

const sections = 8;

/*
 * The bounds, query by query, on a page rendered with nothing held in memory (after a full
 * purge, as after any change to breaking news):
 *
 * every page, for the breaking bar: its ids, their cards, their bylines ........... 3
 * front page: pinned ids, latest ids, one id list per navigation section (8),
 *   then the cards and bylines of everything shown, one query each ................ 2 + 8 + 2
 * section page: one page of ids, their cards, their bylines ........................ 3
 * article page: the article with its image, its story, then its tags, notes,
 *   related ids and thread ids, then the cards and bylines of everything shown .... 2 + 4 + 2
 *   and its comments: the top comments and their first replies (the count is on the row) ... 2
 *
 * None of them depends on how many articles there are or how many a page shows.
 */
const bounds = { front: 3 + 2 + sections + 2, section: 3 + 3, article: 3 + 2 + 4 + 2 + 2 };

eachDialect('queries per page', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { clock: testClock('2026-11-20T15:00:00Z') });
    for (let i = 0; i < sections; i++) await buildSection(t.services, `desk-${i}`);
  });
  after(() => t.close());

  let published = 0;
  /** Articles that use everything a page can show: bylines, topics, a story thread, related stories, breaking news. */
  async function publishArticles(n: number): Promise<ArticleRecord[]> {
    const made: ArticleRecord[] = [];
    for (let i = 0; i < n; i++, published++) {
      made.push(
        await buildArticle(t.services, {
          headline: `Council budget update ${published}`,
          section: `desk-${published % sections}`,
          authors: ['budget-reporter', 'data-desk'],
          tags: ['council', 'budget'],
          story: 'city-budget',
          isBreaking: published === 0,
          text: `The council budget gap was revised again, update ${published}.`,
          published: new Date(Date.UTC(2026, 10, 1, 8, published)),
        }),
      );
    }
    return made;
  }

  /** Queries run to answer a reader asking for the page when nothing is cached. */
  async function queriesFor(url: string): Promise<number> {
    t.services.purgeBus.purgeAll();
    t.queries.length = 0;
    const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['x-cache'], 'MISS', url);
    return t.queries.length;
  }

  test('a front, section and article page run a few queries, as many with 60 articles as with 5', async () => {
    const [first] = await publishArticles(5);
    assert.ok(first);
    const pages = { front: '/', section: '/desk-0', article: urlOf(t.services, first) };

    const few = {
      front: await queriesFor(pages.front),
      section: await queriesFor(pages.section),
      article: await queriesFor(pages.article),
    };
    for (const page of ['front', 'section', 'article'] as const) {
      assert.ok(few[page] <= bounds[page], `${page} page: ${few[page]} queries, at most ${bounds[page]} expected`);
    }

    await publishArticles(55);
    const many = {
      front: await queriesFor(pages.front),
      section: await queriesFor(pages.section),
      article: await queriesFor(pages.article),
    };
    assert.deepEqual(many, few, 'the number of queries does not grow with the number of articles');
  });
});
