import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle, paragraphs } from '../../test/helpers/factories.js';
import { relatedCorpus } from './related.corpus.js';
import { tokenize, weightTerms } from './related.terms.js';

test('tokenize drops stopwords and stems', () => {
  assert.deepEqual(tokenize('The inspectors were inspecting the cables, said the council'), [
    'inspector',
    'inspect',
    'cabl',
    'council',
  ]);
});

test('weightTerms favours rare terms and returns unit length', () => {
  const weights = weightTerms(
    new Map([
      ['council', 3],
      ['cabl', 3],
    ]),
    new Map([
      ['council', 90],
      ['cabl', 2],
    ]),
    100,
  );
  assert.ok((weights.get('cabl') ?? 0) > (weights.get('council') ?? 0));
  const norm = Math.sqrt([...weights.values()].reduce((s, w) => s + w * w, 0));
  assert.ok(Math.abs(norm - 1) < 1e-9);
});

eachDialect('related stories', (dialect) => {
  let t: TestApp;
  const topicOf = new Map<number, string>();
  const ids: number[] = [];

  before(async () => {
    t = await buildTestApp(dialect);
    const start = Date.parse('2026-10-01T08:00:00Z');
    for (const [i, a] of relatedCorpus.entries()) {
      const article = await buildArticle(t.services, {
        headline: a.headline,
        standfirst: a.standfirst,
        section: a.section,
        tags: a.tags,
        body: paragraphs(...a.body.split(/\n\n+/)),
        // Interleave topics in time so recency cannot separate them.
        published: new Date(start + i * 3_600_000),
      });
      topicOf.set(article.id, a.topic);
      ids.push(article.id);
    }
    // No batch pass: each publication computes its own list and refreshes its neighbours', as on a live site.
  });
  after(() => t.close());

  test('for every article, at least 3 of its top 4 related stories share its topic', async () => {
    const failures: string[] = [];
    for (const id of ids) {
      const top = (await t.services.related.storedIds(id)).slice(0, 4);
      assert.equal(top.length, 4, `article ${id} has 4 related stories`);
      const same = top.filter((r) => topicOf.get(r) === topicOf.get(id)).length;
      if (same < 3) failures.push(`${topicOf.get(id)} #${id}: ${top.map((r) => topicOf.get(r)).join(', ')}`);
    }
    assert.deepEqual(failures, []);
  });

  test('an article is never its own related story', async () => {
    for (const id of ids) assert.ok(!(await t.services.related.storedIds(id)).includes(id));
  });

  test('an unpublished article leaves every related box', async () => {
    const victim = ids[0] as number;
    const listing = [];
    for (const id of ids) if ((await t.services.related.storedIds(id)).includes(victim)) listing.push(id);
    assert.ok(listing.length > 0, 'the article was somebody’s related story');
    await t.services.articles.unpublishArticle(victim);
    for (const id of ids) assert.ok(!(await t.services.related.storedIds(id)).includes(victim));
    const page = await t.services.articles.getPreview(listing[0] as number);
    assert.ok(page && !page.related.some((c) => c.id === victim));
  });

  test('editors can pin a story into the box and keep one out of it', async () => {
    const subject = ids[10] as number;
    const stored = await t.services.related.storedIds(subject);
    const firstRelated = stored[0] as number;
    const unrelated = ids.find(
      (id) => id !== ids[0] && topicOf.get(id) !== topicOf.get(subject) && !stored.slice(0, 4).includes(id),
    ) as number;
    await t.services.articles.setRelatedOverride(subject, unrelated, 'pin');
    await t.services.articles.setRelatedOverride(subject, firstRelated, 'exclude');
    const after = await t.services.related.storedIds(subject);
    assert.equal(after[0], unrelated, 'the pinned story comes first');
    assert.ok(!after.includes(firstRelated), 'the excluded story is gone');
    await t.services.articles.setRelatedOverride(subject, firstRelated, null);
    assert.ok(
      (await t.services.related.storedIds(subject)).includes(firstRelated),
      'lifting the exclusion restores it',
    );
  });
});
