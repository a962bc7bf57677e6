import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';

eachDialect('reader site smoke', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(() => t.close());

  test('a published article is on the front page and its own page', async () => {
    const a = await buildArticle(t.services, { headline: 'Tide tables revised', section: 'city', published: true });
    const front = await t.app.inject('/');
    assert.equal(front.statusCode, 200);
    assert.match(front.body, /Tide tables revised/);
    const page = front.body.match(/href="(\/city\/\d{4}\/\d{2}\/\d{2}\/[^"]+)"/);
    assert.ok(page, 'front page links the article');
    const res = await t.app.inject(page[1] as string);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="article__headline">Tide tables revised<\/h1>/);
    assert.equal(a.status, 'published');
  });
});
