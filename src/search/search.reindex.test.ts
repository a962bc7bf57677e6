import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signedIn } from '../../test/helpers/admin.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, buildTag } from '../../test/helpers/factories.js';
import { cardHeadlines, getPage } from '../../test/helpers/html.js';

eachDialect('search follows renamed tags and authors', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(() => t.close());

  test('an article is found by its tag’s new name once the reindex job has run', async () => {
    const editor = await signedIn(t, 'editor');
    const tag = await buildTag(t.services, 'quay-works');
    await buildArticle(t.services, {
      section: 'news',
      tags: ['quay-works'],
      published: true,
      headline: 'Cranes arrive for the quay',
      text: 'Two cranes came by barge.',
    });
    const renamed = await editor.patch(`/api/admin/tags/${tag.id}`, { name: 'Estuary dredging' });
    assert.equal(renamed.statusCode, 200);
    const before = await getPage(t.app, '/search?q=estuary');
    assert.deepEqual(cardHeadlines(before.doc, '.search-results'), [], 'not yet: the job has not run');
    await t.services.jobs.runDue();
    const after = await getPage(t.app, '/search?q=estuary');
    assert.deepEqual(cardHeadlines(after.doc, '.search-results'), ['Cranes arrive for the quay']);
  });
});
